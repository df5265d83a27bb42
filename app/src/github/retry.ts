import { asTrustgateError } from '@trustgate/core';
import type { Octokit } from '@octokit/core';

const MAX_RETRIES = 3;
const MAX_WAIT_S = 60;

interface ErrorLike {
  status?: number;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/**
 * How long to wait before sending a request GitHub refused again, or undefined when it must not be retried:
 * a secondary rate limit (403/429 with `retry-after` or the documented message) waits as told; an exhausted primary
 * limit waits for its reset; a 5xx answer or a lost connection backs off 1, 4, 9 s. Client errors are final.
 * Waits are capped at a minute: a longer one fails the delivery, and the reconciler has it sent again later.
 */
export function retryWait(err: unknown, attempt: number, nowMs = Date.now()): number | undefined {
  if (attempt >= MAX_RETRIES) return undefined;
  const e = (err ?? {}) as ErrorLike;
  const status = e.status;
  if (status === 403 || status === 429) {
    const headers = e.response?.headers ?? {};
    const retryAfter = headers['retry-after'];
    if (
      retryAfter !== undefined ||
      JSON.stringify(e.response?.data ?? '')
        .toLowerCase()
        .includes('secondary rate limit')
    ) {
      const seconds = Number(retryAfter ?? MAX_WAIT_S);
      return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, MAX_WAIT_S) : MAX_WAIT_S;
    }
    if (headers['x-ratelimit-remaining'] === '0') {
      const resetS = Number(headers['x-ratelimit-reset']) - nowMs / 1000;
      return Number.isFinite(resetS) && resetS <= MAX_WAIT_S ? Math.max(0, Math.ceil(resetS)) : undefined;
    }
    return undefined;
  }
  // No status: the connection failed before GitHub answered.
  if (status === undefined || status >= 500) return (attempt + 1) ** 2;
  return undefined;
}

/**
 * Octokit plugin: retry what `retryWait` allows. It replaces Probot's throttling and retry plugins, which schedule
 * every request through a limiter (writes one second apart, process-wide; about 0.5 ms of CPU and 4 ms of delay
 * added to each call, measured against a local GitHub double).
 */
export function retryRequests(octokit: Octokit): void {
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (err) {
        // A request its caller abandoned (its signal aborted: a time bound ran out) is not sent again.
        const abandoned = (options.request as { signal?: AbortSignal } | undefined)?.signal?.aborted === true;
        const wait = abandoned ? undefined : retryWait(err, attempt);
        if (wait === undefined) throw err;
        const failure = asTrustgateError(err);
        octokit.log.warn(
          failure.code === 'NETWORK_ERROR'
            ? `network error on ${options.method} ${options.url}: ${failure.message}; retrying in ${wait}s`
            : `GitHub refused ${options.method} ${options.url} (${(err as ErrorLike).status ?? 'no answer'}); retrying in ${wait}s`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      }
    }
  });
}
