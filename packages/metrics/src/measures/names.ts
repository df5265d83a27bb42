/** Measure names for N-day windows, e.g. `churn_14`. */
export function windowed(windows: readonly number[]): string[] {
  return windows.flatMap((n) => [`churn_${n}`, `follow_ups_${n}`, `fix_follow_ups_${n}`, `reverted_${n}`]);
}

/** Every per-PR measure, in report order. */
export function measureNames(windows: readonly number[]): string[] {
  return [
    'review_rounds',
    'changes_requested',
    'changes_requested_rate',
    'review_comments',
    'in_pr_rework',
    'ci_failure_rate',
    'time_to_first_review_h',
    'review_time_h',
    'merged_without_review',
    ...windowed(windows),
  ];
}

/** The measures the composite index averages (first window only). */
export function compositeComponents(windows: readonly number[]): string[] {
  const n = windows[0] ?? 14;
  return [
    'review_rounds',
    'changes_requested_rate',
    'review_comments',
    'in_pr_rework',
    'ci_failure_rate',
    `churn_${n}`,
    `follow_ups_${n}`,
    `reverted_${n}`,
  ];
}

/**
 * What a measure's per-PR values are, for intervals when a cohort's values are all 0: a share (in [0, 1]), a count
 * (a whole number), or an amount (no bound a closed form could use).
 */
export type MeasureKind = 'share' | 'count' | 'amount';

export function measureKind(name: string): MeasureKind {
  if (/^(changes_requested_rate|ci_failure_rate|merged_without_review|churn_\d+|reverted_\d+)$/.test(name)) return 'share';
  if (/^(review_rounds|changes_requested|review_comments|follow_ups_\d+|fix_follow_ups_\d+)$/.test(name)) return 'count';
  return 'amount';
}
