import type { Octokit } from '@octokit/core';

const MAX_RETRIES = 3;
const MAX_WAIT_S = 60;

/** Whether a GitHub error response is a secondary rate limit (403/429 with retry-after or the documented message). */
export function secondaryRateLimitWait(err: unknown): number | undefined {
  const e = err as { status?: number; response?: { headers?: Record<string, string | undefined>; data?: unknown } };
  if (e?.status !== 403 && e?.status !== 429) return undefined;
  const headers = e.response?.headers ?? {};
  const message = JSON.stringify(e.response?.data ?? '').toLowerCase();
  const retryAfter = headers['retry-after'];
  if (retryAfter === undefined && !message.includes('secondary rate limit')) return undefined;
  const seconds = Number(retryAfter ?? 60);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, MAX_WAIT_S) : MAX_WAIT_S;
}

/** Octokit plugin: retry requests GitHub refused for secondary rate limits, waiting as told, a few times. */
export function secondaryRateLimitRetry(octokit: Octokit): void {
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (err) {
        const wait = secondaryRateLimitWait(err);
        if (wait === undefined || attempt >= MAX_RETRIES) throw err;
        octokit.log.warn(`secondary rate limit on ${options.method} ${options.url}; retrying in ${wait}s`);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      }
    }
  });
}
