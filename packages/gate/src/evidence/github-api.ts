import { networkProblem } from '@trustgate/core';
import { GateError } from '../errors.js';

/** Plain `fetch` (the CLI, the action) with a token and an API base (default https://api.github.com; GHES: $GITHUB_API_URL). */
export interface FetchGitHubClient {
  fetch: (url: string, init: { headers: Record<string, string> }) => Promise<Response>;
  token?: string;
  baseUrl?: string;
}

/** An Octokit (the App's installation client): `request(route, params)`, which throws on 4xx/5xx with `status`. */
export interface OctokitGitHubClient {
  request(
    route: string,
    params: Record<string, unknown>,
  ): Promise<{ status: number; data: unknown; headers: Record<string, string | number | undefined> }>;
}

export type GitHubClient = FetchGitHubClient | OctokitGitHubClient;

/** One GET of a REST operation: its route template, path parameters, and query. */
export interface GitHubGet {
  /** e.g. `GET /repos/{owner}/{repo}/releases/tags/{tag}` */
  route: string;
  params: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  /** What to tell the user to grant when GitHub answers 401/403, e.g. `attestations: read`. */
  permission: string;
}

export interface GitHubAnswer {
  /** 200-299, or 404 (the caller says what absence means). */
  status: number;
  body: unknown;
  link: string | undefined;
  /** The request as sent (without the host for an Octokit), for messages and evidence origins. */
  url: string;
}

const API_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' } as const;

/**
 * GET one REST operation through either client. Every answer other than 2xx and 404 is a GateError
 * (ATTESTATIONS_API_ERROR) that says what to do: a missing permission or token, a rate limit and when it resets, a
 * server error. Nothing GitHub fails to answer is ever read as "nothing there".
 */
export async function githubGet(client: GitHubClient, get: GitHubGet): Promise<GitHubAnswer> {
  return 'request' in client ? octokitGet(client, get) : fetchGet(client, get);
}

function pathOf(get: GitHubGet): string {
  const [, template = ''] = get.route.split(' ');
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = get.params[name] ?? '';
    // A digest's ':' and a git ref's '/' (`tags/v1`) stay readable; a tag's '/' is escaped: it is one segment.
    const encoded = encodeURIComponent(value).replace(/%3A/gi, ':');
    return name === 'ref' ? encoded.replace(/%2F/gi, '/') : encoded;
  });
}

function queryOf(get: GitHubGet): string {
  const parts = Object.entries(get.query ?? {})
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

async function fetchGet(client: FetchGitHubClient, get: GitHubGet): Promise<GitHubAnswer> {
  const base = (client.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const url = `${base}${pathOf(get)}${queryOf(get)}`;
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
  refuse(response.status, url, get.permission, Boolean(client.token), (name) => response.headers.get(name) ?? undefined);
  if (response.status === 404) return { status: 404, body: undefined, link: undefined, url };
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new GateError('ATTESTATIONS_API_ERROR', `${url} did not answer JSON; check GITHUB_API_URL`, { cause });
  }
  return { status: response.status, body, link: response.headers.get('link') ?? undefined, url };
}

async function octokitGet(client: OctokitGitHubClient, get: GitHubGet): Promise<GitHubAnswer> {
  const url = `${pathOf(get)}${queryOf(get)}`;
  const query = Object.fromEntries(Object.entries(get.query ?? {}).filter(([, v]) => v !== undefined));
  try {
    const answer = await client.request(get.route, { ...get.params, ...query, headers: API_HEADERS });
    const link = answer.headers.link;
    return { status: answer.status, body: answer.data, link: typeof link === 'string' ? link : undefined, url };
  } catch (cause) {
    const status = (cause as { status?: unknown }).status;
    if (status === 404) return { status: 404, body: undefined, link: undefined, url };
    if (typeof status === 'number') {
      const headers = (cause as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
      refuse(status, url, get.permission, true, (name) => {
        const v = headers[name];
        return v === undefined ? undefined : String(v);
      });
    }
    throw new GateError('ATTESTATIONS_API_ERROR', `cannot read ${url} (${networkProblem(cause)})`, { cause });
  }
}

function refuse(
  status: number,
  url: string,
  permission: string,
  authenticated: boolean,
  header: (name: string) => string | undefined,
): void {
  if (status >= 200 && status <= 299) return;
  if (status === 404) return;
  const limited = status === 429 || (status === 403 && (header('x-ratelimit-remaining') === '0' || header('retry-after') !== undefined));
  if (limited) {
    const reset = Number(header('x-ratelimit-reset'));
    const retry = header('retry-after');
    const when =
      retry !== undefined
        ? `in ${retry}s`
        : Number.isFinite(reset) && reset > 0
          ? `after ${new Date(reset * 1000).toISOString()}`
          : 'later';
    throw new GateError(
      'ATTESTATIONS_API_ERROR',
      `${url} answered ${status}: GitHub's rate limit is exhausted; retry ${when}${authenticated ? '' : ', or set GITHUB_TOKEN (or GH_TOKEN) for a higher limit'}`,
    );
  }
  if (status === 401 || status === 403) {
    throw new GateError(
      'ATTESTATIONS_API_ERROR',
      authenticated
        ? `${url} answered ${status}; the token needs ${permission} on the repository`
        : `${url} answered ${status}; set GITHUB_TOKEN (or GH_TOKEN) to a token with ${permission}`,
    );
  }
  throw new GateError('ATTESTATIONS_API_ERROR', `${url} answered ${status}; retry later or pass the bundles with --evidence / --bundle`);
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
