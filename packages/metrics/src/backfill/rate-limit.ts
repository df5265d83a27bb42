/** What GitHub said when it refused or answered a request. */
export interface RateLimitSignal {
  status: number;
  headers: { get(name: string): string | null };
  /** The body's `message`, when it has one. */
  message?: string;
}

/**
 * How long to wait before sending a refused request again (ms), or undefined when it must not be retried, following
 * GitHub's REST guidance: `retry-after` is obeyed; an exhausted primary limit (`x-ratelimit-remaining: 0`) waits
 * for `x-ratelimit-reset`; a secondary limit without a header waits a minute, doubling on each further refusal;
 * 5xx backs off 1, 2, 4 s. Other client errors are final.
 */
export function rateLimitWait(signal: RateLimitSignal, attempt: number, nowMs: number): number | undefined {
  const { status, headers } = signal;
  if (status === 403 || status === 429) {
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null && Number.isFinite(Number(retryAfter))) return Math.max(0, Number(retryAfter)) * 1000;
    if (headers.get('x-ratelimit-remaining') === '0') return untilReset(headers, nowMs);
    if (/secondary rate limit|abuse/i.test(signal.message ?? '')) return 60_000 * 2 ** Math.min(attempt, 5);
    return undefined;
  }
  if (status >= 500) return attempt < 3 ? 1000 * 2 ** attempt : undefined;
  return undefined;
}

/** After a successful answer that used up the primary limit: wait for its reset before the next request. */
export function pauseAfter(headers: { get(name: string): string | null }, nowMs: number): number {
  return headers.get('x-ratelimit-remaining') === '0' ? untilReset(headers, nowMs) : 0;
}

function untilReset(headers: { get(name: string): string | null }, nowMs: number): number {
  const reset = Number(headers.get('x-ratelimit-reset'));
  // One second past the reset: GitHub's clock and ours differ a little.
  return Number.isFinite(reset) ? Math.max(0, reset * 1000 - nowMs) + 1000 : 60_000;
}
