import { describe, expect, it } from '@jest/globals';
import {
  type Cell,
  type CellOptions,
  type Cohort,
  evaluateCells,
  logRatioInterval,
  measureKind,
  type PrMeasures,
  zeroMeanUpper,
} from '@trustgate/metrics';
// The report's own seeded generator: the generated data is the same on every run.
import { seededRandom as generator } from '../../src/trust-tax/rng.js';

const MEASURES = ['review_rounds', 'changes_requested_rate', 'review_time_h'];
const options: CellOptions = { minCellPrs: 1, minCellAuthors: 1, bootstrap: 200, seed: 1 };

const row = (cohort: Cohort, author: string, repo: string, size: number, values: Record<string, number | null>): PrMeasures => ({
  repo,
  number: 0,
  title: '',
  author,
  team: 't',
  cohort,
  mergedAt: '2026-01-01T00:00:00.000Z',
  size,
  values,
});

/**
 * Six strata (2 repositories x 3 size buckets) with their own human baselines and their own mix of agent PRs; in
 * every stratum the agent mean is `ratio` times the human one, so every tax (and the composite) is ratio - 1.
 * Rounds are Poisson, changes requested Bernoulli, review hours exponential with a quarter missing.
 */
function generated(seed: number, ratio: number): PrMeasures[] {
  const random = generator(seed);
  const poisson = (mean: number) => {
    let k = 0;
    let p = Math.exp(-mean);
    let s = p;
    const u = random();
    while (u > s) {
      k++;
      p *= mean / k;
      s += p;
    }
    return k;
  };
  const rows: PrMeasures[] = [];
  const strata = [
    { repo: 'o/a', size: 5, rounds: 0.4, share: 0.1, hours: 3, humans: 220, agents: 40 },
    { repo: 'o/a', size: 30, rounds: 0.8, share: 0.2, hours: 8, humans: 160, agents: 90 },
    { repo: 'o/a', size: 120, rounds: 1.3, share: 0.3, hours: 20, humans: 90, agents: 70 },
    { repo: 'o/b', size: 5, rounds: 0.3, share: 0.08, hours: 2, humans: 140, agents: 60 },
    { repo: 'o/b', size: 30, rounds: 0.7, share: 0.15, hours: 6, humans: 120, agents: 30 },
    { repo: 'o/b', size: 120, rounds: 1.1, share: 0.25, hours: 15, humans: 70, agents: 50 },
  ];
  for (const s of strata)
    for (const [cohort, count, f] of [
      ['human', s.humans, 1],
      ['agent', s.agents, ratio],
    ] as const)
      for (let i = 0; i < count; i++) {
        const hours = -Math.log(1 - random()) * s.hours * f;
        rows.push(
          row(cohort, `${cohort}${i % 12}`, s.repo, s.size, {
            review_rounds: poisson(s.rounds * f),
            changes_requested_rate: random() < s.share * f ? 1 : 0,
            review_time_h: random() < 0.25 ? null : hours,
          }),
        );
      }
  return rows;
}

const agentCells = (rows: PrMeasures[], o: CellOptions): Cell[] => {
  const v = evaluateCells(rows, rows, MEASURES, MEASURES, o).get('agent');
  return v ? [...v.measures, v.composite] : [];
};

describe('closed-form intervals', () => {
  it('are the delta-method log-ratio interval of the ratio of means (one stratum, worked by hand)', () => {
    // Agent 1, 2, 3 (mean 2, variance 1); human 1, 1, 2, 2 (mean 1.5, variance 1/3): R = 4/3 and
    // Var R = (1/3 + R² (1/3) / 4) / 1.5² = 0.2139917...
    const rows = [
      ...[1, 2, 3].map((x, i) => row('agent', `a${i}`, 'o/r', 5, { review_rounds: x })),
      ...[1, 1, 2, 2].map((x, i) => row('human', `h${i}`, 'o/r', 5, { review_rounds: x })),
    ];
    const cell = evaluateCells(rows, rows, ['review_rounds'], ['review_rounds'], options).get('agent')?.measures[0];
    const ratio = 4 / 3;
    const variance = (1 / 3 + (ratio * ratio * (1 / 3)) / 4) / 2.25;
    expect(variance).toBeCloseTo(0.2139917695, 9);
    const se = Math.sqrt(variance) / ratio;
    expect(cell?.tax).toBeCloseTo(1 / 3, 12);
    expect(cell?.low).toBeCloseTo(ratio * Math.exp(-1.959963984540054 * se) - 1, 12);
    expect(cell?.high).toBeCloseTo(ratio * Math.exp(1.959963984540054 * se) - 1, 12);
    expect(logRatioInterval(ratio, variance).map((b) => b - 1)).toEqual([cell?.low, cell?.high]);
  });

  it('bound an all-zero cohort by Wilson (shares) and Poisson (counts) and leave amounts to the bootstrap', () => {
    expect(['changes_requested_rate', 'reverted_14', 'churn_30', 'ci_failure_rate', 'merged_without_review'].map(measureKind)).toEqual(
      Array(5).fill('share'),
    );
    expect(['review_rounds', 'review_comments', 'follow_ups_14', 'fix_follow_ups_90', 'changes_requested'].map(measureKind)).toEqual(
      Array(5).fill('count'),
    );
    expect(['in_pr_rework', 'review_time_h', 'time_to_first_review_h'].map(measureKind)).toEqual(Array(3).fill('amount'));
    const z2 = 1.959963984540054 ** 2;
    expect(zeroMeanUpper('share', 40)).toBeCloseTo(z2 / (40 + z2), 12);
    expect(zeroMeanUpper('count', 40)).toBeCloseTo(3.6888794541 / 40, 9);
    // 40 agent PRs all 0 against humans at 0.25 (shares) and 0.5 (counts).
    const rows = [
      ...Array.from({ length: 40 }, (_, i) =>
        row('agent', `a${i % 5}`, 'o/r', 5, { changes_requested_rate: 0, review_rounds: 0, in_pr_rework: 0 }),
      ),
      ...Array.from({ length: 40 }, (_, i) =>
        row('human', `h${i % 5}`, 'o/r', 5, { changes_requested_rate: i % 4 === 0 ? 1 : 0, review_rounds: i % 2, in_pr_rework: i % 2 }),
      ),
    ];
    const measures = ['changes_requested_rate', 'review_rounds', 'in_pr_rework'];
    const cells = evaluateCells(rows, rows, measures, measures, options).get('agent');
    expect(cells?.measures.map((c) => [c.tax, c.low])).toEqual([
      [-1, -1],
      [-1, -1],
      [-1, -1],
    ]);
    expect(cells?.measures[0]?.high).toBeCloseTo(zeroMeanUpper('share', 40) / 0.25 - 1, 12);
    expect(cells?.measures[1]?.high).toBeCloseTo(zeroMeanUpper('count', 40) / 0.5 - 1, 12);
    // No closed form for an amount: every resample of an all-zero cohort gives -1.
    expect(cells?.measures[2]?.high).toBe(-1);
    // The composite's mean ratio is 0 too: its interval is the bootstrap's.
    expect(cells?.composite).toMatchObject({ tax: -1, low: -1, high: -1 });
  });

  it('cover a known ratio 95 % of the time, per measure and for the composite (400 generated histories)', () => {
    const ratio = 1.3;
    const seeds = 400;
    const covered = new Array<number>(MEASURES.length + 1).fill(0);
    for (let seed = 1; seed <= seeds; seed++)
      agentCells(generated(seed, ratio), options).forEach((c, j) => {
        if ((c.low as number) <= ratio - 1 && ratio - 1 <= (c.high as number)) covered[j] = (covered[j] as number) + 1;
      });
    // Binomial(400, 0.95) has a standard deviation of 1.1 %: 92.5 %-97.5 % is about 2.3 of them either side.
    for (const c of covered) {
      expect(c / seeds).toBeGreaterThanOrEqual(0.925);
      expect(c / seeds).toBeLessThanOrEqual(0.975);
    }
  });

  it('agree with the stratified bootstrap they replace', () => {
    for (const seed of [11, 12, 13]) {
      const rows = generated(seed, 1.3);
      const closed = agentCells(rows, options);
      const bootstrap = agentCells(rows, { ...options, bootstrap: 2000, method: 'bootstrap' });
      closed.forEach((c, j) => {
        const b = bootstrap[j] as Cell;
        expect(c.tax).toBe(b.tax);
        const width = (b.high as number) - (b.low as number);
        // Within 5 % of the bootstrap's width at each end (3.6 % at most on these seeds; its own Monte Carlo error is 1-2 %).
        expect(Math.abs((c.low as number) - (b.low as number))).toBeLessThan(0.05 * width);
        expect(Math.abs((c.high as number) - (b.high as number))).toBeLessThan(0.05 * width);
      });
    }
  });
});
