import { createHash } from 'node:crypto';
import type { Digest } from '@trustgate/core';
import { GateError } from '../errors.js';
import { type GitHubClient, githubGet, nextLink } from './github-api.js';
import type { RawEvidence } from './types.js';

export type { FetchGitHubClient as FetchAttestationsClient, OctokitGitHubClient as OctokitAttestationsClient } from './github-api.js';
export type AttestationsClient = GitHubClient;

/** Whose attestations: a repository's (`OWNER/REPO`, as `gh attestation verify --repo`) or an organization's (`--owner`). */
export type AttestationsScope = string | { org: string };

/** An artifact's digest, or a tag's commit (`sha1`), under which GitHub indexes release attestations. */
export type AttestedDigest = Digest | { algorithm: 'sha1'; hex: string };

export interface AttestationsQuery {
  /** GitHub's `predicate_type` filter (`provenance`, `sbom`, `release`, or a full URI). Each bundle is still checked. */
  predicateType?: string;
}

const PER_PAGE = 100;
const MAX_PAGES = 20; // 2,000 attestations for one digest is far past any real pipeline; stop rather than loop.
const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Every attestation GitHub holds for a digest (`GET /repos/{owner}/{repo}/attestations/{subject_digest}` or
 * `GET /orgs/{org}/attestations/{subject_digest}`), following `Link: rel="next"` cursors. The answer is
 * attacker-reachable (a proxy, a forged server): each entry is checked, and an entry without a bundle is kept as a
 * malformed document. 404 is "none"; every other failure is ATTESTATIONS_API_ERROR.
 */
export async function attestationsForDigest(
  client: AttestationsClient,
  scope: AttestationsScope,
  digest: AttestedDigest,
  query: AttestationsQuery = {},
): Promise<RawEvidence[]> {
  if (!/^[0-9a-f]+$/.test(digest.hex)) throw new GateError('ATTESTATIONS_API_ERROR', `digest ${digest.hex} is not lower-case hex`);
  const target = routeFor(scope, `${digest.algorithm}:${digest.hex}`);
  const out: RawEvidence[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await githubGet(client, {
      ...target,
      query: { per_page: PER_PAGE, predicate_type: query.predicateType, after },
      permission: 'attestations: read (or contents: read)',
    });
    if (answer.status === 404) return out; // no attestation for this digest there
    const list = (answer.body as { attestations?: unknown } | null)?.attestations;
    if (!Array.isArray(list)) throw new GateError('ATTESTATIONS_API_ERROR', `${answer.url} answered without an attestations array`);
    list.forEach((entry, i) => {
      out.push(toEvidence(entry, `${answer.url}#attestations[${i}]`));
    });
    after = cursorOf(nextLink(answer.link));
    if (after === undefined) return out;
  }
  return out;
}

function routeFor(scope: AttestationsScope, subject: string): { route: string; params: Record<string, string> } {
  if (typeof scope !== 'string') {
    if (!NAME.test(scope.org))
      throw new GateError('ATTESTATIONS_API_ERROR', `owner ${JSON.stringify(scope.org)} is not a GitHub account name`);
    return { route: 'GET /orgs/{org}/attestations/{subject_digest}', params: { org: scope.org, subject_digest: subject } };
  }
  const [owner, repo, ...rest] = scope.split('/');
  if (owner === undefined || repo === undefined || rest.length > 0 || !NAME.test(owner) || !NAME.test(repo)) {
    throw new GateError('ATTESTATIONS_API_ERROR', `repository ${JSON.stringify(scope)} must be OWNER/REPO`);
  }
  return { route: 'GET /repos/{owner}/{repo}/attestations/{subject_digest}', params: { owner, repo, subject_digest: subject } };
}

function toEvidence(entry: unknown, origin: string): RawEvidence {
  const bundle = typeof entry === 'object' && entry !== null ? (entry as { bundle?: unknown }).bundle : undefined;
  return {
    origin,
    sha256: createHash('sha256')
      .update(JSON.stringify(bundle ?? null))
      .digest('hex'),
    document: bundle ?? null,
  };
}

// GitHub pages this endpoint with opaque `after` cursors; the next link carries the one to send.
function cursorOf(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  try {
    return new URL(link).searchParams.get('after') ?? undefined;
  } catch {
    return undefined;
  }
}
