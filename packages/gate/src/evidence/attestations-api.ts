import { createHash } from 'node:crypto';
import { type Digest, formatDigest } from '@trustgate/core';
import { GateError } from '../errors.js';
import type { RawEvidence } from './types.js';

export interface AttestationsClient {
  /** `fetch` or anything with its shape (a proxy-aware fetch, a test's); injected, never global. */
  fetch: (url: string, init: { headers: Record<string, string> }) => Promise<Response>;
  token?: string;
  /** Default https://api.github.com; GHES: https://HOST/api/v3. */
  baseUrl?: string;
}

const PER_PAGE = 100;
const MAX_PAGES = 20; // 2,000 attestations for one digest is far past any real pipeline; stop rather than loop.

/**
 * Every attestation GitHub holds for a digest in a repository:
 * `GET /repos/{owner}/{repo}/attestations/{subject_digest}`, following `Link: rel="next"` cursors.
 * The response is attacker-reachable (a compromised proxy, a forged mock): each entry is checked, not trusted.
 */
export async function attestationsForDigest(client: AttestationsClient, repo: string, digest: Digest): Promise<RawEvidence[]> {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repo);
  if (!m) throw new GateError('ATTESTATIONS_API_ERROR', `--repo ${JSON.stringify(repo)} must be OWNER/REPO`);
  const base = (client.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const path = `/repos/${encodeURIComponent(m[1] as string)}/${encodeURIComponent(m[2] as string)}/attestations/${formatDigest(digest)}`;
  let url: string | undefined = `${base}${path}?per_page=${PER_PAGE}`;
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  const out: RawEvidence[] = [];
  for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
    const response = await request(client, url, headers);
    if (response.status === 404) return out; // no attestation for this digest in this repository
    const body = await readBody(response, url);
    body.forEach((entry, i) => {
      out.push(toEvidence(entry, `${url}#attestations[${i}]`));
    });
    url = nextLink(response.headers.get('link'));
  }
  return out;
}

async function request(client: AttestationsClient, url: string, headers: Record<string, string>): Promise<Response> {
  let response: Response;
  try {
    response = await client.fetch(url, { headers });
  } catch (cause) {
    throw new GateError(
      'ATTESTATIONS_API_ERROR',
      `cannot reach ${url} (${(cause as Error).message}); check the network or GITHUB_API_URL`,
      { cause },
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new GateError(
      'ATTESTATIONS_API_ERROR',
      `${url} answered ${response.status}; the token needs attestations: read (or contents: read) on the repository`,
    );
  }
  if (!response.ok && response.status !== 404) {
    throw new GateError('ATTESTATIONS_API_ERROR', `${url} answered ${response.status}; retry later or pass the bundles with --evidence`);
  }
  return response;
}

async function readBody(response: Response, url: string): Promise<unknown[]> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new GateError('ATTESTATIONS_API_ERROR', `${url} did not answer JSON`, { cause });
  }
  const list = (body as { attestations?: unknown } | null)?.attestations;
  if (!Array.isArray(list)) throw new GateError('ATTESTATIONS_API_ERROR', `${url} answered without an attestations array`);
  return list;
}

function toEvidence(entry: unknown, origin: string): RawEvidence {
  const bundle = typeof entry === 'object' && entry !== null ? (entry as { bundle?: unknown }).bundle : undefined;
  // A missing bundle stays in the list as a malformed document, so the decision reports it.
  return {
    origin,
    sha256: createHash('sha256')
      .update(JSON.stringify(bundle ?? null))
      .digest('hex'),
    document: bundle ?? null,
  };
}

/** The `rel="next"` target of a Link header (RFC 8288), if any. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (m) return m[1];
  }
  return undefined;
}
