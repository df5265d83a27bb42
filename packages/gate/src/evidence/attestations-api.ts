import { createHash } from 'node:crypto';
import { type Digest, formatDigest, networkProblem } from '@trustgate/core';
import { GateError } from '../errors.js';
import type { RawEvidence } from './types.js';

/** Plain `fetch` (the CLI, the action) with a token and an API base (default https://api.github.com). */
export interface FetchAttestationsClient {
  fetch: (url: string, init: { headers: Record<string, string> }) => Promise<Response>;
  token?: string;
  baseUrl?: string;
}

/** An Octokit (the App's installation client): `request(route, params)`, which throws on 4xx/5xx with `status`. */
export interface OctokitAttestationsClient {
  request(
    route: string,
    params: Record<string, unknown>,
  ): Promise<{ status: number; data: unknown; headers: Record<string, string | number | undefined> }>;
}

export type AttestationsClient = FetchAttestationsClient | OctokitAttestationsClient;

const ROUTE = 'GET /repos/{owner}/{repo}/attestations/{subject_digest}';
const API_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' } as const;
const PER_PAGE = 100;
const MAX_PAGES = 20; // 2,000 attestations for one digest is far past any real pipeline; stop rather than loop.

interface Page {
  status: number;
  body: unknown;
  link: string | undefined;
  url: string;
}

/**
 * Every attestation GitHub holds for a digest in a repository (`GET /repos/{owner}/{repo}/attestations/
 * {subject_digest}`), following `Link: rel="next"` cursors. The answer is attacker-reachable (a proxy, a
 * forged server): each entry is checked, and an entry without a bundle is kept as a malformed document.
 */
export async function attestationsForDigest(client: AttestationsClient, repo: string, digest: Digest): Promise<RawEvidence[]> {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repo);
  if (!m) throw new GateError('ATTESTATIONS_API_ERROR', `repository ${JSON.stringify(repo)} must be OWNER/REPO`);
  const target = { owner: m[1] as string, repo: m[2] as string, subject: formatDigest(digest) };
  const out: RawEvidence[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = 'request' in client ? await octokitPage(client, target, after) : await fetchPage(client, target, after);
    if (answer.status === 404) return out; // no attestation for this digest in this repository
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

type Target = { owner: string; repo: string; subject: string };

async function fetchPage(client: FetchAttestationsClient, t: Target, after: string | undefined): Promise<Page> {
  const base = (client.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const query = `per_page=${PER_PAGE}${after === undefined ? '' : `&after=${encodeURIComponent(after)}`}`;
  const url = `${base}/repos/${encodeURIComponent(t.owner)}/${encodeURIComponent(t.repo)}/attestations/${t.subject}?${query}`;
  const headers: Record<string, string> = { ...API_HEADERS };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  let response: Response;
  try {
    response = await client.fetch(url, { headers });
  } catch (cause) {
    throw new GateError('ATTESTATIONS_API_ERROR', `cannot reach ${url} (${networkProblem(cause)}); check the network or GITHUB_API_URL`, {
      cause,
    });
  }
  refuse(response.status, url);
  if (response.status === 404) return { status: 404, body: undefined, link: undefined, url };
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new GateError('ATTESTATIONS_API_ERROR', `${url} did not answer JSON`, { cause });
  }
  return { status: response.status, body, link: response.headers.get('link') ?? undefined, url };
}

async function octokitPage(client: OctokitAttestationsClient, t: Target, after: string | undefined): Promise<Page> {
  const url = `/repos/${t.owner}/${t.repo}/attestations/${t.subject}${after === undefined ? '' : `?after=${after}`}`;
  try {
    const answer = await client.request(ROUTE, {
      owner: t.owner,
      repo: t.repo,
      subject_digest: t.subject,
      per_page: PER_PAGE,
      ...(after === undefined ? {} : { after }),
      headers: API_HEADERS,
    });
    const link = answer.headers.link;
    return { status: answer.status, body: answer.data, link: typeof link === 'string' ? link : undefined, url };
  } catch (cause) {
    const status = (cause as { status?: unknown }).status;
    if (status === 404) return { status: 404, body: undefined, link: undefined, url };
    if (typeof status === 'number') refuse(status, url);
    throw new GateError('ATTESTATIONS_API_ERROR', `cannot read ${url} (${networkProblem(cause)})`, { cause });
  }
}

function refuse(status: number, url: string): void {
  if (status === 401 || status === 403) {
    throw new GateError(
      'ATTESTATIONS_API_ERROR',
      `${url} answered ${status}; the token needs attestations: read (or contents: read) on the repository`,
    );
  }
  if ((status < 200 || status > 299) && status !== 404) {
    throw new GateError('ATTESTATIONS_API_ERROR', `${url} answered ${status}; retry later or pass the bundles with --evidence`);
  }
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

/** The `rel="next"` target of a Link header (RFC 8288), if any. */
export function nextLink(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (m) return m[1];
  }
  return undefined;
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
