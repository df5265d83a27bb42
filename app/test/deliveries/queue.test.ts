import { describe, expect, test } from '@jest/globals';
import { Batcher } from '../../src/deliveries/batcher.js';
import { WorkQueue } from '../../src/deliveries/queue.js';

/** A job that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let release = () => {};
  const done = new Promise<void>((r) => (release = r));
  return {
    job: async () => {
      log.push(name);
      await done;
    },
    release,
  };
}

const tick = () => new Promise((r) => setImmediate(r));

/** Jobs a, b and c queued while a webhook is being received (call `receiving` when it has been answered). */
function duringBurst(q: WorkQueue) {
  const started: string[] = [];
  const receiving = q.receive();
  const gates = ['a', 'b', 'c'].map((n) => gate(started, n));
  for (const g of gates) q.reserve()?.fill(g.job);
  return { q, started, receiving, gates };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WorkQueue', () => {
  test('runs at most `concurrency` jobs, refuses beyond `capacity`, and reports idle once drained', async () => {
    const q = new WorkQueue(2, 3);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(started, n));
    const places = [a, b, c].map(() => q.reserve());
    expect(places.map((p) => p !== undefined)).toEqual([true, true, true]);
    expect(q.reserve()).toBeUndefined();
    for (const [i, g] of [a, b, c].entries()) places[i]?.fill(g!.job);
    await tick();
    expect(started).toEqual(['a', 'b']);
    a!.release();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    let idle = false;
    const drained = q.idle().then(() => (idle = true));
    b!.release();
    await tick();
    expect(idle).toBe(false);
    c!.release();
    await drained;
    expect(q.depth).toBe(0);
  });

  test('during a burst of webhooks no job starts; once it has been quiet, jobs start in full width', async () => {
    const { q, started, receiving, gates } = duringBurst(new WorkQueue(4, 10, { quietMs: 40, maxDeferMs: 60_000 }));
    await tick();
    expect(started).toEqual([]);
    receiving();
    await tick();
    // The last webhook was just answered: the next may be on its way.
    expect(started).toEqual([]);
    await sleep(60);
    expect(started).toEqual(['a', 'b', 'c']);
    for (const g of gates) g.release();
    await q.idle();
  });

  test('under sustained webhooks, jobs start once they have waited maxDeferMs, up to concurrency', async () => {
    const { q, started, receiving, gates } = duringBurst(new WorkQueue(2, 10, { quietMs: 40, maxDeferMs: 200 }));
    await sleep(260);
    expect(started).toEqual(['a', 'b']);
    // A job queued just now waits its own turn, even with a worker free.
    const d = gate(started, 'd');
    q.reserve()?.fill(d.job);
    gates[0]?.release();
    await sleep(10);
    expect(started).toEqual(['a', 'b', 'c']);
    gates[1]?.release();
    await sleep(10);
    expect(started).toEqual(['a', 'b', 'c']);
    await sleep(250);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    receiving();
    gates[2]?.release();
    d.release();
    await q.idle();
  });
});

describe('WorkQueue reservations', () => {
  test('a place held while a delivery is claimed counts toward capacity, and a released one frees it', async () => {
    const q = new WorkQueue(1, 2);
    const first = q.reserve();
    const second = q.reserve();
    expect(q.reserve()).toBeUndefined();
    expect(q.depth).toBe(2);
    second?.release();
    second?.release();
    expect(q.depth).toBe(1);
    let idle = false;
    const drained = q.idle().then(() => (idle = true));
    first?.fill(async () => {});
    first?.fill(async () => {
      throw new Error('a place is filled once');
    });
    await drained;
    expect(idle).toBe(true);
    expect(q.depth).toBe(0);
  });
});

describe('Batcher', () => {
  test('calls made while a batch is written go together in the next one', async () => {
    const batches: number[][] = [];
    let release = () => {};
    const first = new Promise<void>((r) => (release = r));
    const b = new Batcher<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await first;
      return items.map((i) => i * 10);
    });
    const one = b.submit(1);
    await tick();
    const rest = [2, 3, 4].map((i) => b.submit(i));
    release();
    expect(await Promise.all([one, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  test('a failed write rejects every call in its batch, and the next batch still runs', async () => {
    let fail = true;
    const b = new Batcher<number, number>(async (items) => {
      if (fail) throw new Error('store unavailable');
      return items;
    });
    const failed = [b.submit(1), b.submit(2)];
    for (const p of failed) await expect(p).rejects.toThrow('store unavailable');
    fail = false;
    expect(await b.submit(3)).toBe(3);
  });
});
