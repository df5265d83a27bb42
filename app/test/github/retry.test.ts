import { describe, expect, test } from '@jest/globals';
import { retryWait } from '../../src/github/retry.js';

const refused = (status: number | undefined, headers: Record<string, string> = {}, data: unknown = {}) => ({
  status,
  response: { headers, data },
});

describe('retryWait', () => {
  test('a secondary rate limit waits as GitHub says, unless that is more than a minute (the delivery is sent again later)', () => {
    expect(retryWait(refused(403, { 'retry-after': '7' }), 0)).toBe(7000);
    expect(retryWait(refused(429, { 'retry-after': '600' }), 0)).toBeUndefined();
    const secondary = refused(403, {}, { message: 'You have exceeded a secondary rate limit.' });
    // Without a header: a minute, doubling on each further refusal, so the second refusal is not waited out.
    expect([0, 1].map((a) => retryWait(secondary, a))).toEqual([60_000, undefined]);
  });

  test('rate-limited requests are sent again at most three times', () => {
    expect([0, 1, 2, 3].map((a) => retryWait(refused(429, { 'retry-after': '1' }), a))).toEqual([1000, 1000, 1000, undefined]);
  });

  test('an exhausted primary limit waits for its reset and a second more, unless that is more than a minute away', () => {
    const now = 1_000_000_000_000;
    const reset = (s: number) => refused(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + s) });
    expect(retryWait(reset(12), 0, now)).toBe(13_000);
    expect(retryWait(reset(3600), 0, now)).toBeUndefined();
  });

  test('server errors and lost connections back off 1, 2, 4 s, then give up', () => {
    expect([0, 1, 2, 3].map((a) => retryWait(refused(502), a))).toEqual([1000, 2000, 4000, undefined]);
    expect(retryWait(new Error('socket hang up'), 0)).toBe(1000);
  });

  test('client errors are final: a plain 403, 404, 422', () => {
    for (const status of [403, 404, 422]) expect(retryWait(refused(status, {}, { message: 'Resource not accessible' }), 0)).toBeUndefined();
  });
});
