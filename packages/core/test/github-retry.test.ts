import { describe, expect, test } from '@jest/globals';
import { githubPauseAfter, githubRetryWait } from '../src/github-retry.js';

const NOW = 1_000_000_000_000;
const refusal = (status: number | undefined, headers: Record<string, string> = {}, message?: string) => ({
  status,
  header: (name: string) => headers[name] ?? null,
  ...(message === undefined ? {} : { message }),
});

describe('githubRetryWait: the one rule the App and the backfill follow', () => {
  test('retry-after is obeyed however long it is, unless the caller bounds the wait', () => {
    expect(githubRetryWait(refusal(429, { 'retry-after': '600' }), 0, NOW)).toBe(600_000);
    expect(githubRetryWait(refusal(403, { 'retry-after': '7' }), 9, NOW)).toBe(7000);
    expect(githubRetryWait(refusal(429, { 'retry-after': '600' }), 0, NOW, { maxWaitMs: 60_000 })).toBeUndefined();
  });

  test('an exhausted primary limit waits until a second past its reset (a minute when the reset is unreadable)', () => {
    const reset = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 30) };
    expect(githubRetryWait(refusal(403, reset), 0, NOW)).toBe(31_000);
    expect(githubRetryWait(refusal(403, { 'x-ratelimit-remaining': '0' }), 0, NOW)).toBe(60_000);
    expect(githubPauseAfter((name) => ({ ...reset })[name] ?? null, NOW)).toBe(31_000);
    expect(githubPauseAfter(() => null, NOW)).toBe(0);
  });

  test('a secondary limit without a header waits a minute, doubling, capped at 32 minutes', () => {
    const secondary = refusal(403, {}, 'You have exceeded a secondary rate limit');
    expect([0, 1, 2, 5, 8].map((a) => githubRetryWait(secondary, a, NOW))).toEqual([60_000, 120_000, 240_000, 1_920_000, 1_920_000]);
    expect(githubRetryWait(secondary, 3, NOW, { maxAttempts: 3 })).toBeUndefined();
  });

  test('server errors and lost connections back off 1, 2, 4 s, then give up; other client errors are final', () => {
    expect([0, 1, 2, 3].map((a) => githubRetryWait(refusal(503), a, NOW))).toEqual([1000, 2000, 4000, undefined]);
    expect(githubRetryWait(refusal(undefined), 0, NOW)).toBe(1000);
    for (const status of [401, 403, 404, 422])
      expect(githubRetryWait(refusal(status, {}, 'Resource not accessible'), 0, NOW)).toBeUndefined();
  });
});
