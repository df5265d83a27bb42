import { describe, expect, it } from '@jest/globals';
import { measurePullRequests } from '@trustgate/metrics';
import { syntheticDataset } from '../fixtures/dataset.js';
import { ASOF } from '../fixtures/history.js';

const windows = (churn: number | null, follow: number, fix: number, reverted: number, c30 = churn, c90 = c30) => ({
  churn_14: churn,
  follow_ups_14: follow,
  fix_follow_ups_14: fix,
  reverted_14: reverted,
  churn_30: c30,
  follow_ups_30: follow,
  fix_follow_ups_30: fix,
  reverted_30: reverted,
  churn_90: c90,
  follow_ups_90: follow,
  fix_follow_ups_90: fix,
  reverted_90: reverted,
});

describe('measurePullRequests on the synthetic history', () => {
  const rows = measurePullRequests(syntheticDataset(), { asOf: ASOF, windows: [14, 30, 90] });
  const by = (n: number) => rows.find((r) => r.number === n)?.values;

  it('measures every merged PR exactly', () => {
    expect(rows.map((r) => [r.number, r.cohort, r.size])).toEqual([
      [1, 'human', 10],
      [2, 'agent', 9],
      [3, 'human', 3],
      [4, 'human', 8],
      [5, 'agent', 2],
      [6, 'human', 6],
      [7, 'unknown', 5],
      [8, 'human', 5],
    ]);
    // Pickup and review time in hours (created half a day before the merge); no human review: merged unreviewed.
    const base = (
      rounds: number,
      cr: number,
      rework: number | null,
      ci: number | null,
      pickup?: number,
      review?: number,
      comments = 0,
    ) => ({
      review_rounds: rounds,
      changes_requested: cr,
      changes_requested_rate: cr > 0 ? 1 : 0,
      review_comments: comments,
      in_pr_rework: rework,
      ci_failure_rate: ci,
      time_to_first_review_h: pickup === undefined ? null : expect.closeTo(pickup, 9),
      review_time_h: review === undefined ? null : expect.closeTo(review, 9),
      merged_without_review: pickup === undefined ? 1 : 0,
    });
    // PR 1: lines moved to c.ts are not churn.
    expect(by(1)).toEqual({ ...base(0, 0, null, 0), ...windows(0, 0, 0, 0) });
    // PR 2: the bot review and review comment are ignored; churn_14 = 3 dead / 9 born; the gap at day 19 voids churn_30 and churn_90.
    expect(by(2)).toEqual({ ...base(1, 1, 3 / 9, 1 / 2, 2.4, 9.6, 2), ...windows(3 / 9, 2, 1, 0, null, null) });
    // PR 3: the review and review comment after merge do not count; its review saw the merged head.
    expect(by(3)).toEqual({ ...base(0, 0, 0, 1 / 2, 9.6, 2.4), ...windows(0, 0, 0, 0) });
    // PR 4: only moves, so it added no lines of its own.
    expect(by(4)).toEqual({ ...base(0, 0, null, null), ...windows(null, 0, 0, 0) });
    expect(by(5)).toEqual({ ...base(2, 1, 1 / 2, 2 / 3, 4.8, 7.2, 1), ...windows(0, 0, 0, 0) });
    // PR 6: its patch was omitted, its lines are unknown.
    expect(by(6)).toEqual({ ...base(0, 0, null, null), ...windows(null, 0, 0, 0) });
    // PR 7: reverted two days later by PR 8, a follow-up that says revert.
    expect(by(7)).toEqual({ ...base(0, 0, null, null), ...windows(1, 1, 1, 1) });
    expect(by(8)).toEqual({ ...base(0, 0, null, null), ...windows(null, 0, 0, 0) });
  });

  it('leaves N-day measures empty for PRs merged less than N days ago', () => {
    const recent = measurePullRequests(syntheticDataset(), { asOf: '2026-02-10T00:00:00.000Z', windows: [14, 30] });
    // Day 40: PR 7 (day 25) is 15 days old: churn_14 known, churn_30 not yet.
    const seven = recent.find((r) => r.number === 7)?.values;
    expect([seven?.churn_14, seven?.reverted_14, seven?.churn_30, seven?.reverted_30, seven?.follow_ups_30]).toEqual([
      1,
      1,
      null,
      null,
      null,
    ]);
  });
});
