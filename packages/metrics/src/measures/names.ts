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
  return ['review_rounds', 'changes_requested_rate', 'in_pr_rework', 'ci_failure_rate', `churn_${n}`, `follow_ups_${n}`, `reverted_${n}`];
}
