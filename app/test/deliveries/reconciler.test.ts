import { describe, expect, test } from '@jest/globals';
import { deliveriesToRedeliver } from '../../src/deliveries/reconciler.js';

const d = (id: number, guid: string, status_code: number) => ({ id, guid, status_code });

describe('deliveriesToRedeliver', () => {
  test('redelivers the latest failed attempt of each delivery the store never took, oldest first', () => {
    const failed = [d(9, 'g3', 502), d(4, 'g1', 500), d(5, 'g1', 0), d(7, 'g2', 503)];
    expect(deliveriesToRedeliver(failed, new Map()).map((x) => x.id)).toEqual([5, 7, 9]);
  });

  test('a delivery the store holds and answered 2xx is the job engine’s, in every state: never redelivered', () => {
    const failed = [d(1, 'queued', 503), d(2, 'done', 503), d(3, 'failed', 0)];
    const stored = new Map([
      ['queued', { status: 'queued', answered: true }],
      ['done', { status: 'done', answered: true }],
      ['failed', { status: 'failed', answered: true }],
    ] as const);
    expect(deliveriesToRedeliver(failed, stored)).toEqual([]);
  });

  test('a delivery stored but never answered 2xx (its claim landed after the 503) is sent again to be answered', () => {
    const failed = [d(1, 'late-queued', 503), d(2, 'late-done', 503), d(3, 'late-failed', 503)];
    const stored = new Map([
      ['late-queued', { status: 'queued', answered: false }],
      ['late-done', { status: 'done', answered: false }],
      // Its retries were used up: sending it again would run it again, so it stays failed until an operator asks.
      ['late-failed', { status: 'failed', answered: false }],
    ] as const);
    expect(deliveriesToRedeliver(failed, stored).map((x) => x.guid)).toEqual(['late-queued', 'late-done']);
  });

  test('gives up after five attempts', () => {
    expect(
      deliveriesToRedeliver(
        [1, 2, 3, 4, 5].map((i) => d(i, 'g', 503)),
        new Map(),
      ),
    ).toEqual([]);
    expect(
      deliveriesToRedeliver(
        [1, 2, 3, 4].map((i) => d(i, 'g', 503)),
        new Map(),
      ).map((x) => x.id),
    ).toEqual([4]);
  });
});
