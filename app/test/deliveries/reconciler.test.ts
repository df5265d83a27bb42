import { describe, expect, test } from '@jest/globals';
import { deliveriesToRedeliver } from '../../src/deliveries/reconciler.js';

const d = (id: number, guid: string, status_code: number) => ({ id, guid, status_code, redelivery: false });

describe('deliveriesToRedeliver', () => {
  test('redelivers the latest attempt of a delivery no attempt of which succeeded', () => {
    const listed = [d(1, 'g1', 500), d(2, 'g1', 0), d(3, 'g2', 200), d(4, 'g3', 502)];
    expect(deliveriesToRedeliver(listed, new Map([['g3', 'done']])).map((x) => x.id)).toEqual([2]);
  });

  test('a delivery answered 202 whose handler then failed is redelivered', () => {
    expect(deliveriesToRedeliver([d(5, 'g5', 202)], new Map([['g5', 'failed']])).map((x) => x.id)).toEqual([5]);
  });

  test('gives up after five attempts', () => {
    const listed = [1, 2, 3, 4, 5].map((i) => d(i, 'g', 500));
    expect(deliveriesToRedeliver(listed, new Map())).toEqual([]);
  });
});
