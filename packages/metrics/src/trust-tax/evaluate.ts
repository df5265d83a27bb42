import type { Cohort } from '../ledger/types.js';
import type { PrMeasures } from '../measures/types.js';
import { sizeBucket } from './buckets.js';
import { quantile, seededRandom } from './rng.js';
import { directlyStandardised, type StratumSums } from './standardise.js';

/** Cohorts compared with human PRs; bots are recorded but never compared. */
export const COMPARED: readonly Cohort[] = ['agent', 'assisted', 'unknown'];

export interface CellOptions {
  minCellPrs: number;
  minCellAuthors: number;
  /** Bootstrap resamples (0: no intervals). */
  bootstrap: number;
  seed: number;
}

/** One number of the report: a cohort's trust tax for one measure (or the composite), with its interval. */
export interface Cell {
  cohort: Cohort;
  measure: string;
  /** Cohort PRs compared (non-null value, stratum with human PRs) and their distinct authors. */
  n: number;
  authors: number;
  humanN: number;
  humanAuthors: number;
  /** Cohort mean, and the human mean standardised to the cohort's mix of strata. */
  observed: number | null;
  expected: number | null;
  tax: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
  /** Why a number is absent (suppressed, or no human baseline). */
  note?: string;
}

const stratumOf = (r: PrMeasures) => `${r.repo}|${sizeBucket(r.size)}`;

interface Group {
  cohort: Cohort;
  stratum: string;
  rows: PrMeasures[];
  values: Float64Array;
}

/** Trust tax per compared cohort for `measures` plus a composite (mean of the defined `components` taxes). */
export function evaluateCells(
  rows: readonly PrMeasures[],
  reference: readonly PrMeasures[],
  measures: readonly string[],
  components: readonly string[],
  options: CellOptions,
): Map<Cohort, { measures: Cell[]; composite: Cell }> {
  const M = measures.length;
  const groups = new Map<string, Group>();
  const add = (r: PrMeasures, cohort: Cohort) => {
    const stratum = stratumOf(r);
    const k = `${cohort}|${stratum}`;
    let g = groups.get(k);
    if (!g) {
      g = { cohort, stratum, rows: [], values: new Float64Array(0) };
      groups.set(k, g);
    }
    g.rows.push(r);
  };
  for (const r of rows) if (COMPARED.includes(r.cohort)) add(r, r.cohort);
  for (const r of reference) if (r.cohort === 'human') add(r, 'human');
  for (const g of groups.values()) {
    g.values = new Float64Array(g.rows.length * M);
    g.rows.forEach((r, i) => {
      measures.forEach((m, j) => {
        g.values[i * M + j] = r.values[m] ?? Number.NaN;
      });
    });
  }
  const all = [...groups.values()];
  const pairs = pairUp(all);
  const point = taxes(
    pairs,
    all.map((g) => sums(g, M)),
    M,
  );
  const replicates = bootstrapTaxes(all, pairs, M, options);
  const result = new Map<Cohort, { measures: Cell[]; composite: Cell }>();
  const compIdx = components.map((c) => measures.indexOf(c)).filter((i) => i >= 0);

  for (const cohort of COMPARED) {
    const cohortGroups = all.filter((g) => g.cohort === cohort && all.some((h) => h.cohort === 'human' && h.stratum === g.stratum));
    if (!all.some((g) => g.cohort === cohort)) continue;
    const humanGroups = all.filter((h) => h.cohort === 'human' && cohortGroups.some((g) => g.stratum === h.stratum));
    const cohortSide = sides(cohortGroups, M);
    const humanSide = sides(humanGroups, M);
    const cells = measures.map((measure, j): Cell => {
      const c = cohortSide[j] as Side;
      const h = humanSide[j] as Side;
      const est = point.get(cohort)?.[j];
      const reps = replicates.map((rep) => rep.get(cohort)?.[j]?.tax).filter((t): t is number => t !== null && t !== undefined);
      return finishCell(cohort, measure, c, h, est?.tax ?? null, est?.observed ?? null, est?.expected ?? null, reps, options);
    });
    const compTax = (per: ({ tax: number | null } | undefined)[] | undefined, only?: number[]) => {
      const taxesDefined = (only ?? compIdx).map((i) => per?.[i]?.tax).filter((t): t is number => t !== null && t !== undefined);
      return taxesDefined.length === 0 ? null : taxesDefined.reduce((a, b) => a + b, 0) / taxesDefined.length;
    };
    const definedIdx = compIdx.filter((i) => point.get(cohort)?.[i]?.tax != null);
    const cRows = cohortGroups.flatMap((g) => g.rows);
    const hRows = humanGroups.flatMap((g) => g.rows);
    const composite = finishCell(
      cohort,
      'composite',
      { n: cRows.length, authors: new Set(cRows.map((r) => r.author)).size },
      { n: hRows.length, authors: new Set(hRows.map((r) => r.author)).size },
      compTax(point.get(cohort), definedIdx),
      null,
      null,
      replicates.map((rep) => compTax(rep.get(cohort), definedIdx)).filter((t): t is number => t !== null),
      options,
    );
    result.set(cohort, { measures: cells, composite });
  }
  return result;
}

type Side = { n: number; authors: number };

/** Per measure: the PRs of `groups` with a value for it, and their distinct authors (one pass over the rows). */
function sides(groups: readonly Group[], M: number): Side[] {
  const n = new Array<number>(M).fill(0);
  const authors = Array.from({ length: M }, () => new Set<string>());
  for (const g of groups)
    for (let i = 0; i < g.rows.length; i++) {
      const author = (g.rows[i] as PrMeasures).author;
      for (let j = 0; j < M; j++) {
        if (Number.isNaN(g.values[i * M + j] as number)) continue;
        n[j] = (n[j] as number) + 1;
        (authors[j] as Set<string>).add(author);
      }
    }
  return n.map((count, j) => ({ n: count, authors: (authors[j] as Set<string>).size }));
}

function finishCell(
  cohort: Cohort,
  measure: string,
  c: { n: number; authors: number },
  h: { n: number; authors: number },
  tax: number | null,
  observed: number | null,
  expected: number | null,
  replicates: number[],
  options: CellOptions,
): Cell {
  const small =
    c.n < options.minCellPrs || c.authors < options.minCellAuthors || h.n < options.minCellPrs || h.authors < options.minCellAuthors;
  const base = { cohort, measure, n: c.n, authors: c.authors, humanN: h.n, humanAuthors: h.authors };
  if (small)
    return {
      ...base,
      observed: null,
      expected: null,
      tax: null,
      low: null,
      high: null,
      suppressed: true,
      note: `suppressed: fewer than ${options.minCellPrs} PRs or ${options.minCellAuthors} authors on a side`,
    };
  const sorted = replicates.sort((a, b) => a - b);
  const interval = tax !== null && sorted.length > 0;
  return {
    ...base,
    observed: c.n === 0 ? null : observed,
    expected: c.n === 0 ? null : expected,
    tax,
    low: interval ? quantile(sorted, 0.025) : null,
    high: interval ? quantile(sorted, 0.975) : null,
    suppressed: false,
    ...(tax === null ? { note: c.n === 0 ? 'no comparable PRs' : 'human baseline is 0' } : {}),
  };
}

function sums(g: Group, M: number): { s: Float64Array; n: Int32Array } {
  const s = new Float64Array(M);
  const n = new Int32Array(M);
  for (let i = 0; i < g.rows.length; i++) accumulate(g.values, i, M, s, n);
  return { s, n };
}

function accumulate(values: Float64Array, i: number, M: number, s: Float64Array, n: Int32Array): void {
  const base = i * M;
  for (let j = 0; j < M; j++) {
    const v = values[base + j] as number;
    // NaN marks a PR without a value for this measure; it adds to neither sum nor count.
    // biome-ignore lint/suspicious/noSelfCompare: the cheapest NaN test, in the bootstrap's hot loop
    if (v === v) {
      s[j] = (s[j] as number) + v;
      n[j] = (n[j] as number) + 1;
    }
  }
}

type Est = { tax: number | null; observed: number; expected: number };

type Totals = { s: Float64Array; n: Int32Array };

/** For each compared cohort, its groups paired with the human group of the same stratum (index pairs). */
function pairUp(groups: readonly Group[]): Map<Cohort, [number, number][]> {
  const human = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g.cohort === 'human') human.set(g.stratum, i);
  });
  const out = new Map<Cohort, [number, number][]>(COMPARED.map((c) => [c, []]));
  groups.forEach((g, i) => {
    const h = human.get(g.stratum);
    if (g.cohort !== 'human' && h !== undefined) out.get(g.cohort)?.push([i, h]);
  });
  return out;
}

function taxes(pairs: Map<Cohort, [number, number][]>, totals: readonly Totals[], M: number): Map<Cohort, Est[]> {
  const out = new Map<Cohort, Est[]>();
  for (const [cohort, list] of pairs) {
    const per: Est[] = [];
    for (let j = 0; j < M; j++) {
      const strata: StratumSums[] = list.map(([i, h]) => {
        const ct = totals[i] as Totals;
        const ht = totals[h] as Totals;
        return { cohortN: ct.n[j] as number, cohortSum: ct.s[j] as number, humanN: ht.n[j] as number, humanSum: ht.s[j] as number };
      });
      per.push(directlyStandardised(strata));
    }
    out.set(cohort, per);
  }
  return out;
}

/** Stratified bootstrap: every (cohort, stratum) group is resampled with replacement, seeded. */
function bootstrapTaxes(
  groups: readonly Group[],
  pairs: Map<Cohort, [number, number][]>,
  M: number,
  options: CellOptions,
): Map<Cohort, Est[]>[] {
  const random = seededRandom(options.seed);
  const out: Map<Cohort, Est[]>[] = [];
  for (let b = 0; b < options.bootstrap; b++) {
    const totals = groups.map((g) => {
      const s = new Float64Array(M);
      const n = new Int32Array(M);
      const size = g.rows.length;
      for (let k = 0; k < size; k++) accumulate(g.values, Math.floor(random() * size), M, s, n);
      return { s, n };
    });
    out.push(taxes(pairs, totals, M));
  }
  return out;
}
