import { describe, expect, it } from '@jest/globals';
import {
  buildTrustTaxReport,
  compositeComponents,
  directlyStandardised,
  evaluateCells,
  measureNames,
  type PrMeasures,
  sizeBucket,
} from '@trustgate/metrics';
import { ASOF } from '../fixtures/history.js';
import { syntheticDataset } from '../fixtures/dataset.js';

describe('trust tax', () => {
  it('buckets sizes at 10, 50, 250 and 1000 changed lines', () => {
    expect([0, 9, 10, 49, 50, 249, 250, 999, 1000].map(sizeBucket)).toEqual(['XS', 'XS', 'S', 'S', 'M', 'M', 'L', 'L', 'XL']);
  });

  it('standardises directly: sum n_c,b (mean_c,b - mean_h,b) / sum n_c,b mean_h,b', () => {
    const r = directlyStandardised([
      { cohortN: 2, cohortSum: 6, humanN: 4, humanSum: 8 },
      { cohortN: 1, cohortSum: 1, humanN: 1, humanSum: 2 },
      { cohortN: 3, cohortSum: 3, humanN: 0, humanSum: 0 },
    ]);
    expect(r).toEqual({ tax: 1 / 6, n: 3, observed: 7 / 3, expected: 2 });
    expect(directlyStandardised([{ cohortN: 1, cohortSum: 1, humanN: 2, humanSum: 0 }]).tax).toBeNull();
  });

  const options = { asOf: ASOF, minCellPrs: 1, minCellAuthors: 1, bootstrap: 200, seed: 7 };

  it('computes the known tax per measure and the composite on the synthetic history', () => {
    const report = buildTrustTaxReport(syntheticDataset(), options);
    const agent = report.cohorts.find((c) => c.cohort === 'agent');
    const cell = (m: string) => agent?.measures.find((c) => c.measure === m);
    // Agent XS PRs 2 and 5 fail CI at 1/2 and 2/3; the one human XS PR with CI (PR 3) at 1/2.
    const ci = cell('ci_failure_rate');
    expect(ci).toMatchObject({ n: 2, humanN: 1, expected: 1 / 2, suppressed: false });
    expect(ci?.tax).toBeCloseTo(1 / 6, 12);
    expect(ci?.observed).toBeCloseTo(7 / 12, 12);
    // Human XS PRs never went round: no baseline, no number.
    expect(cell('review_rounds')).toMatchObject({ tax: null, note: 'human baseline is 0' });
    expect(agent?.composite.tax).toBeCloseTo(1 / 6, 12);
    expect(report.byCohortCount).toEqual({ agent: 2, assisted: 0, human: 5, unknown: 1, bot: 0 });
    expect(report.gaps).toEqual([{ repo: 'o/r', path: 'd.ts', sha: expect.any(String) }]);
    expect(report.rows[0]).not.toHaveProperty('author');
  });

  it('gives the same intervals for the same seed', () => {
    const a = buildTrustTaxReport(syntheticDataset(), options).cohorts[0]?.measures;
    const b = buildTrustTaxReport(syntheticDataset(), options).cohorts[0]?.measures;
    expect(a).toEqual(b);
    expect(a?.find((c) => c.measure === 'ci_failure_rate')?.low).not.toBeNull();
  });

  it('suppresses cells with fewer than 20 PRs or 5 authors by default', () => {
    const report = buildTrustTaxReport(syntheticDataset(), { asOf: ASOF });
    const agent = report.cohorts.find((c) => c.cohort === 'agent');
    expect(agent?.composite).toMatchObject({ suppressed: true, tax: null, low: null });
    expect(agent?.measures.every((c) => c.suppressed && c.tax === null)).toBe(true);
  });

  it('counts review comments in the composite: the mean of the defined component taxes', () => {
    expect(compositeComponents([14, 30])).toEqual([
      'review_rounds',
      'changes_requested_rate',
      'review_comments',
      'in_pr_rework',
      'ci_failure_rate',
      'churn_14',
      'follow_ups_14',
      'reverted_14',
    ]);
    // One stratum: agent PRs draw 3 review comments against the humans' 2 (tax 0.5), CI fails alike (tax 0);
    // every other measure has no value. Without review comments the composite would be 0.
    const rows = Array.from({ length: 40 }, (_, i): PrMeasures => {
      const agent = i < 20;
      return {
        repo: 'o/r',
        number: i,
        title: '',
        author: `${agent ? 'a' : 'h'}${i % 5}`,
        team: 't',
        cohort: agent ? 'agent' : 'human',
        mergedAt: '2026-01-01T00:00:00.000Z',
        size: 20,
        values: { review_comments: agent ? 3 : 2, ci_failure_rate: i % 5 === 0 ? 1 : 0 },
      };
    });
    const agent = evaluateCells(rows, rows, measureNames([14]), compositeComponents([14]), { ...options, bootstrap: 0 }).get('agent');
    expect(agent?.measures.find((c) => c.measure === 'review_comments')?.tax).toBeCloseTo(0.5, 12);
    expect(agent?.measures.find((c) => c.measure === 'ci_failure_rate')?.tax).toBe(0);
    expect(agent?.composite.tax).toBeCloseTo(0.25, 12);
  });

  it('shows authors only when per-person views are enabled', () => {
    const report = buildTrustTaxReport(syntheticDataset(), { ...options, perPerson: true });
    expect(report.rows[0]).toHaveProperty('author', 'hana');
    expect(report.byAuthor?.map((a) => a.author)).toEqual(['hana', 'ivan', 'judy']);
  });
});
