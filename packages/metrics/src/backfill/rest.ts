import { githubPauseAfter, githubRetryWait, networkProblem } from '@trustgate/core';
import { MetricsError } from '../errors.js';

export interface GitHubRestOptions {
  /** API root, e.g. https://api.github.com (or a GitHub Enterprise Server's /api/v3). */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Injected for tests: waits are then observed, not slept. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told about every wait (rate limits, retries), e.g. to print progress. */
  onWait?: (info: { url: string; ms: number; status: number | null; reason: string }) => void;
  signal?: AbortSignal;
}

export interface RestAnswer {
  status: number;
  url: string;
  data: unknown;
  /** The `rel="next"` page, if any. */
  next: string | undefined;
}

const API_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'trustgate-backfill' };

/**
 * GitHub's REST API over fetch, one request at a time (GitHub asks integrations to make requests serially), waiting
 * out primary and secondary rate limits however long they take: a backfill may run for hours. 404 and 422 answers
 * are returned to the caller (a commit GitHub no longer has); other failures are BACKFILL_API_ERROR.
 */
export class GitHubRest {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private pausedUntil = 0;
  /** Requests sent, waits and their total (for progress and tests). */
  readonly stats = { requests: 0, waits: 0, waitedMs: 0 };

  constructor(private readonly options: GitHubRestOptions) {
    this.fetch = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  /** `path` relative to the API root (`/repos/o/r/pulls`) or a full URL from a `Link` header. */
  url(path: string, query: Record<string, string | number> = {}): string {
    const url = new URL(path.startsWith('http') ? path : `${this.options.baseUrl.replace(/\/$/, '')}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    return url.toString();
  }

  async get(pathOrUrl: string, query: Record<string, string | number> = {}): Promise<RestAnswer> {
    const url = this.url(pathOrUrl, query);
    for (let attempt = 0, network = 0; ; ) {
      this.options.signal?.throwIfAborted();
      const pause = this.pausedUntil - this.now();
      if (pause > 0) await this.wait(url, pause, null, 'primary rate limit used up');
      let res: Response;
      try {
        this.stats.requests++;
        res = await this.fetch(url, {
          headers: { ...API_HEADERS, authorization: `token ${this.options.token}` },
          ...(this.options.signal ? { signal: this.options.signal } : {}),
        });
      } catch (cause) {
        const wait = this.options.signal?.aborted
          ? undefined
          : githubRetryWait({ status: undefined, header: () => null }, network++, this.now());
        if (wait === undefined) throw apiError(url, `no answer (${networkProblem(cause)})`, cause);
        await this.wait(url, wait, null, 'no answer');
        continue;
      }
      const text = await res.text();
      let data: unknown;
      try {
        data = text === '' ? undefined : JSON.parse(text);
      } catch (cause) {
        throw apiError(url, `answered ${res.status} with a body that is not JSON`, cause);
      }
      if (res.ok || res.status === 404 || res.status === 422) {
        const pause = githubPauseAfter((name) => res.headers.get(name), this.now());
        if (pause > 0) this.pausedUntil = this.now() + pause;
        return { status: res.status, url, data, next: nextLink(res.headers.get('link')) };
      }
      const message = (data as { message?: unknown } | undefined)?.message;
      const wait = githubRetryWait(
        { status: res.status, header: (name) => res.headers.get(name), ...(typeof message === 'string' ? { message } : {}) },
        attempt++,
        this.now(),
      );
      if (wait === undefined) throw apiError(url, `answered ${res.status}${typeof message === 'string' ? ` (${message})` : ''}`);
      await this.wait(url, wait, res.status, res.status >= 500 ? 'server error' : 'rate limited');
    }
  }

  /** Every page of a list, following `Link: rel="next"`, from `start` (a path or a page URL to resume at). */
  async *pages(start: string, query: Record<string, string | number> = {}): AsyncGenerator<RestAnswer & { data: unknown[] }> {
    let next: string | undefined = this.url(start, query);
    while (next) {
      const page = await this.get(next);
      if (page.status !== 200) return;
      if (!Array.isArray(page.data)) throw apiError(page.url, 'answered with something other than a list');
      yield page as RestAnswer & { data: unknown[] };
      next = page.next;
    }
  }

  private async wait(url: string, ms: number, status: number | null, reason: string): Promise<void> {
    this.stats.waits++;
    this.stats.waitedMs += ms;
    this.options.onWait?.({ url, ms, status, reason });
    await this.sleep(ms);
  }
}

/** The `rel="next"` URL of a `Link` header. */
export function nextLink(link: string | null): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

function apiError(url: string, what: string, cause?: unknown): MetricsError {
  return new MetricsError(
    'BACKFILL_API_ERROR',
    `GitHub ${url} ${what}; the backfill stopped and resumes where it was when run again`,
    cause === undefined ? {} : { cause },
  );
}
