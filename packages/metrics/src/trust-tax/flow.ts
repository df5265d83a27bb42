import type { Cohort } from '../ledger/types.js';
import type { PrMeasures, PullRequestFacts } from '../measures/types.js';
import { REFERENCE_FIGURES, type ReferenceFigure } from './references.js';

/** The measures people compare with published studies, per cohort, raw (not standardised). */
export interface FlowRow {
  cohort: Cohort;
  /** PRs closed in the period (merged or not), and merged. */
  closed: number;
  merged: number;
  /** merged / closed. */
  acceptance: number | null;
  /** Medians over merged PRs with a human review (hours). */
  medianTimeToFirstReviewH: number | null;
  medianReviewTimeH: number | null;
  /** Share of merged PRs with no human review before the merge. */
  mergedWithoutReview: number | null;
}

export interface FlowComparison {
  note: string;
  rows: FlowRow[];
  references: readonly ReferenceFigure[];
}

const COHORTS: readonly Cohort[] = ['agent', 'assisted', 'unknown', 'human', 'bot'];

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/**
 * Acceptance (merged over closed), pickup and review time, and the share merged unreviewed, per cohort, beside the
 * published reference figures. `since`: PRs closed from then on.
 */
export function flowComparison(prs: readonly PullRequestFacts[], merged: readonly PrMeasures[], since: string | null): FlowComparison {
  const from = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
  const rows = COHORTS.flatMap((cohort): FlowRow[] => {
    const closed = prs.filter((p) => {
      const at = p.closedAt ?? p.mergedAt;
      return p.cohort === cohort && at !== null && at !== undefined && Date.parse(at) >= from;
    });
    const m = merged.filter((r) => r.cohort === cohort);
    if (closed.length === 0 && m.length === 0) return [];
    const values = (name: string) => m.map((r) => r.values[name]).filter((v): v is number => v !== null && v !== undefined);
    const unreviewed = values('merged_without_review');
    return [
      {
        cohort,
        closed: closed.length,
        merged: closed.filter((p) => p.mergedAt !== null).length,
        acceptance: closed.length === 0 ? null : closed.filter((p) => p.mergedAt !== null).length / closed.length,
        medianTimeToFirstReviewH: median(values('time_to_first_review_h')),
        medianReviewTimeH: median(values('review_time_h')),
        mergedWithoutReview: unreviewed.length === 0 ? null : unreviewed.reduce((a, b) => a + b, 0) / unreviewed.length,
      },
    ];
  });
  return {
    note: 'published figures are context, not a target: other repositories, cohorts and definitions',
    rows,
    references: REFERENCE_FIGURES,
  };
}
