import { describe, expect, test } from '@jest/globals';
import { deliveriesToRedeliver } from '../../src/deliveries/reconciler.js';

const d = (id: number, guid: string, status_code: number) => ({ id, guid, status_code, redelivery: false });

describe('deliveriesToRedeliver', () => {
  test('redelivers the latest attempt of a delivery no attempt of which succeeded', () => {
    const listed = [d(1, 'g1', 500), d(2, 'g1', 0), d(3, 'g2', 200), d(4, 'g3', 502)];
    expect(deliveriesToRedeliver(listed, new Map([['g3', 'done']])).map((x) => x.id)).toEqual([2]);
  });

  test('a delivery answered 200 whose handler then failed is redelivered', () => {
    expect(deliveriesToRedeliver([d(5, 'g5', 200)], new Map([['g5', 'failed']])).map((x) => x.id)).toEqual([5]);
  });

  test('an answered delivery whose worker died (claim past its lease) is redelivered; one still being worked on is not', () => {
    const listed = [d(6, 'g6', 200), d(7, 'g7', 200), d(8, 'g8', 500)];
    const stored = new Map([
      ['g6', 'stale'],
      ['g7', 'processing'],
      ['g8', 'processing'],
    ] as const);
    expect(deliveriesToRedeliver(listed, stored).map((x) => x.id)).toEqual([6]);
  });

  test('an answered delivery the store does not know is left alone (it was answered by another store)', () => {
    expect(deliveriesToRedeliver([d(9, 'g9', 200)], new Map())).toEqual([]);
  });

  test('gives up after five attempts', () => {
    const listed = [1, 2, 3, 4, 5].map((i) => d(i, 'g', 500));
    expect(deliveriesToRedeliver(listed, new Map())).toEqual([]);
  });
});
