/** What GitHub answered to a refused request; `status` undefined when it never answered (a lost connection). */
export interface GitHubRefusal {
  status: number | undefined;
  header(name: string): string | null | undefined;
  /** The body's `message`, when it has one. */
  message?: string;
}

/** A caller's bounds on waiting: the App fails a delivery rather than wait long, a backfill waits however long. */
export interface RetryLimits {
  /** Longest single wait (ms); a longer one is not waited out. */
  maxWaitMs?: number;
  /** Rate-limited requests sent again at most this many times. */
  maxAttempts?: number;
}

/** Server errors and lost connections are sent again three times, 1, 2 and 4 s apart. */
const SERVER_RETRIES = 3;

/**
 * How long to wait before sending a refused request again (ms), or undefined when it must not be retried, following
 * GitHub's REST guidance: `retry-after` is obeyed; an exhausted primary limit (`x-ratelimit-remaining: 0`) waits for
 * `x-ratelimit-reset`; a secondary limit without a header waits a minute, doubling on each further refusal; 5xx and
 * lost connections back off 1, 2, 4 s. Other client errors are final. `attempt` counts the refusals before this one.
 */
export function githubRetryWait(refusal: GitHubRefusal, attempt: number, nowMs: number, limits: RetryLimits = {}): number | undefined {
  const wait = askedWait(refusal, attempt, nowMs);
  if (wait === undefined || wait > (limits.maxWaitMs ?? Number.POSITIVE_INFINITY)) return undefined;
  return attempt < (limits.maxAttempts ?? Number.POSITIVE_INFINITY) ? wait : undefined;
}

function askedWait(refusal: GitHubRefusal, attempt: number, nowMs: number): number | undefined {
  const { status } = refusal;
  if (status === 403 || status === 429) {
    const retryAfter = refusal.header('retry-after');
    if (typeof retryAfter === 'string' && retryAfter.trim() !== '' && Number.isFinite(Number(retryAfter)))
      return Math.max(0, Number(retryAfter)) * 1000;
    if (refusal.header('x-ratelimit-remaining') === '0') return untilReset(refusal.header, nowMs);
    if (/secondary rate limit|abuse/i.test(refusal.message ?? '')) return 60_000 * 2 ** Math.min(attempt, 5);
    return undefined;
  }
  if (status === undefined || status >= 500) return attempt < SERVER_RETRIES ? 1000 * 2 ** attempt : undefined;
  return undefined;
}

/** After a successful answer that used up the primary limit: how long to wait before the next request (ms). */
export function githubPauseAfter(header: GitHubRefusal['header'], nowMs: number): number {
  return header('x-ratelimit-remaining') === '0' ? untilReset(header, nowMs) : 0;
}

function untilReset(header: GitHubRefusal['header'], nowMs: number): number {
  const reset = Number(header('x-ratelimit-reset'));
  // One second past the reset: GitHub's clock and ours differ a little.
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - nowMs) + 1000 : 60_000;
}
