/** Per stratum (repository x size bucket) and side: count and sum of a measure's non-null values. */
export interface StratumSums {
  cohortN: number;
  cohortSum: number;
  humanN: number;
  humanSum: number;
}

/**
 * Direct standardisation over strata where both sides have data:
 * sum_b n_c,b * (mean_c,b - mean_h,b) / sum_b n_c,b * mean_h,b. Null when the denominator is 0 or nothing compares.
 */
export function directlyStandardised(strata: Iterable<StratumSums>): { tax: number | null; n: number; observed: number; expected: number } {
  let num = 0;
  let den = 0;
  let n = 0;
  let observed = 0;
  for (const s of strata) {
    if (s.cohortN === 0 || s.humanN === 0) continue;
    const humanMean = s.humanSum / s.humanN;
    const cohortMean = s.cohortSum / s.cohortN;
    num += s.cohortN * (cohortMean - humanMean);
    den += s.cohortN * humanMean;
    n += s.cohortN;
    observed += s.cohortSum;
  }
  return { tax: n === 0 || den === 0 ? null : num / den, n, observed: n === 0 ? 0 : observed / n, expected: n === 0 ? 0 : den / n };
}
