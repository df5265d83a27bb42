import { asTrustgateError, githubRetryWait } from '@trustgate/core';
import type { Octokit } from '@octokit/core';

/** The App fails a delivery rather than wait long: the reconciler has it sent again later. */
const LIMITS = { maxAttempts: 3, maxWaitMs: 60_000 };

interface ErrorLike {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/**
 * How long to wait (ms) before sending a request GitHub refused again, or undefined when it must not be retried:
 * GitHub's rule as the backfill follows it (`githubRetryWait`), within the App's bounds of three retries and a
 * minute's wait.
 */
export function retryWait(err: unknown, attempt: number, nowMs = Date.now()): number | undefined {
  const e = (err ?? {}) as ErrorLike;
  const headers = e.response?.headers ?? {};
  const message = (e.response?.data as { message?: unknown } | undefined)?.message;
  return githubRetryWait(
    {
      status: e.status,
      header: (name) => (headers[name] === undefined ? undefined : String(headers[name])),
      ...(typeof message === 'string' ? { message } : {}),
    },
    attempt,
    nowMs,
    LIMITS,
  );
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
            ? `network error on ${options.method} ${options.url}: ${failure.message}; retrying in ${wait / 1000}s`
            : `GitHub refused ${options.method} ${options.url} (${(err as ErrorLike).status ?? 'no answer'}); retrying in ${wait / 1000}s`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  });
}
