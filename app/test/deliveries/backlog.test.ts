import { describe, expect, test } from '@jest/globals';
import { Backlog } from '../../src/deliveries/backlog.js';
import { AnswersFirst } from '../../src/deliveries/burst.js';

describe('Backlog', () => {
  test('counts what the store holds, what was stored here since and what is being claimed, and refuses past capacity', async () => {
    let stored = 3;
    const backlog = new Backlog(async () => stored, 5, 60_000);
    await backlog.refresh(true);
    expect([backlog.depth, backlog.reserve(), backlog.reserve()]).toEqual([3, true, true]);
    // Two being claimed at once fill it: a burst cannot slip past capacity before its claims land.
    expect([backlog.depth, backlog.reserve()]).toEqual([5, false]);
    backlog.stored();
    backlog.release();
    expect(backlog.depth).toBe(4);
    stored = 1;
    await backlog.refresh(true);
    expect([backlog.depth, backlog.reserve()]).toEqual([1, true]);
  });

  test('a store that does not answer keeps the last count', async () => {
    let down = false;
    const backlog = new Backlog(async () => (down ? Promise.reject(new Error('down')) : 4), 5, 0);
    await backlog.refresh(true);
    down = true;
    await backlog.refresh(true);
    expect(backlog.depth).toBe(4);
  });
});

describe('AnswersFirst', () => {
  test('holds a job while a webhook is being received, and lets it go once the burst is quiet', async () => {
    const burst = new AnswersFirst(20, 5000);
    const done = burst.receive();
    let released = false;
    const waiting = burst.quiet().then(() => {
      released = true;
    });
    await new Promise((r) => setTimeout(r, 60));
    expect(released).toBe(false);
    done();
    await waiting;
    expect(released).toBe(true);
  });

  test('never holds a job past its limit, however long the burst', async () => {
    const burst = new AnswersFirst(20, 80);
    burst.receive();
    const started = performance.now();
    await burst.quiet();
    expect(performance.now() - started).toBeGreaterThanOrEqual(79);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
