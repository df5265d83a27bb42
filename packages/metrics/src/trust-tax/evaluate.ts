import type { Cohort } from '../ledger/types.js';
import { measureKind } from '../measures/names.js';
import type { PrMeasures } from '../measures/types.js';
import { sizeBucket } from './buckets.js';
import { logRatioInterval, zeroMeanUpper } from './intervals.js';
import { quantile, seededRandom } from './rng.js';
import { directlyStandardised, type StratumSums } from './standardise.js';

/** Cohorts compared with human PRs; bots are recorded but never compared. */
export const COMPARED: readonly Cohort[] = ['agent', 'assisted', 'unknown'];

export interface CellOptions {
  minCellPrs: number;
  minCellAuthors: number;
  /**
   * 0: no intervals. Otherwise intervals are closed-form (delta method), and this many stratified bootstrap
   * resamples serve the few cells without a closed form.
   */
  bootstrap: number;
  seed: number;
  /** `bootstrap`: every interval by the stratified bootstrap (the method before closed forms; to check them against). */
  method?: 'closed-form' | 'bootstrap';
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
  /** PRs in the group. */
  size: number;
  /** Row-major rows x measures; NaN where a PR has no value. */
  values: Float64Array;
  /** Author of each row, as an index into the call's author list. */
  authors: Int32Array;
}

type Est = { tax: number | null; n: number; observed: number; expected: number };
type Totals = { s: Float64Array; n: Int32Array };
type Pair = [cohortGroup: number, humanGroup: number];
type Bounds = [low: number, high: number] | null;

/** Trust tax per compared cohort for `measures` plus a composite (mean of the defined `components` taxes). */
export function evaluateCells(
  rows: readonly PrMeasures[],
  reference: readonly PrMeasures[],
  measures: readonly string[],
  components: readonly string[],
  options: CellOptions,
): Map<Cohort, { measures: Cell[]; composite: Cell }> {
  const prepared = prepareRows([...rows, ...reference], measures);
  const index = (from: number, n: number) => Int32Array.from({ length: n }, (_, i) => from + i);
  return evaluatePrepared(prepared, index(0, rows.length), index(rows.length, reference.length), measures, components, options);
}

/**
 * PRs read once for every evaluation of a report (the headline and each breakdown): stratum, author and every
 * measure's value as numbers, so breakdowns select rows by index instead of reading objects again.
 */
export interface PreparedRows {
  cohorts: Cohort[];
  strata: string[];
  authors: Int32Array;
  authorCount: number;
  measures: readonly string[];
  /** Row-major PRs x measures; NaN where a PR has no value. */
  values: Float64Array;
}

export function prepareRows(rows: readonly PrMeasures[], measures: readonly string[]): PreparedRows {
  const P = measures.length;
  const values = new Float64Array(rows.length * P);
  const authors = new Int32Array(rows.length);
  const ids = new Map<string, number>();
  rows.forEach((r, i) => {
    for (let j = 0; j < P; j++) values[i * P + j] = r.values[measures[j] as string] ?? Number.NaN;
    let id = ids.get(r.author);
    if (id === undefined) {
      id = ids.size;
      ids.set(r.author, id);
    }
    authors[i] = id;
  });
  return { cohorts: rows.map((r) => r.cohort), strata: rows.map(stratumOf), authors, authorCount: ids.size, measures, values };
}

/** `evaluateCells` over prepared PRs: compared cohorts from the PRs `rows`, humans from the PRs `reference` (indices). */
export function evaluatePrepared(
  prepared: PreparedRows,
  rows: ArrayLike<number>,
  reference: ArrayLike<number>,
  measures: readonly string[],
  components: readonly string[],
  options: CellOptions,
): Map<Cohort, { measures: Cell[]; composite: Cell }> {
  const M = measures.length;
  const all = groupRows(prepared, rows, reference, measures);
  const authorCount = prepared.authorCount;
  const pairs = pairUp(all);
  const totals = all.map(sums(M));
  const point = taxes(pairs, totals, M);
  const compIdx = components.map((c) => measures.indexOf(c)).filter((i) => i >= 0);
  const definedIdx = new Map(COMPARED.map((c) => [c, compIdx.filter((i) => point.get(c)?.[i]?.tax != null)]));
  const kinds = measures.map(measureKind);

  // Closed-form bounds where they exist; the cells left (all-zero amounts) go to one bootstrap over their measures.
  const closed = new Map<Cohort, { cells: Bounds[]; composite: Bounds }>();
  const needBootstrap = new Set<number>();
  const needAll = options.bootstrap > 0 && options.method === 'bootstrap';
  if (options.bootstrap > 0 && !needAll)
    for (const [cohort, list] of pairs) {
      const per = point.get(cohort) as Est[];
      const cells = per.map((est, j): Bounds => {
        if (est.tax === null) return null;
        const ratio = est.tax + 1;
        if (ratio > 0) return logRatioInterval(ratio, ratioVariance(all, totals, list, [j], per, M)).map((r) => r - 1) as Bounds;
        const kind = kinds[j] as ReturnType<typeof measureKind>;
        if (kind !== 'amount') return [-1, zeroMeanUpper(kind, est.n) / est.expected - 1];
        needBootstrap.add(j);
        return null;
      });
      const defined = definedIdx.get(cohort) as number[];
      let composite: Bounds = null;
      if (defined.length > 0) {
        const mean = defined.reduce((s, i) => s + ((per[i] as Est).tax as number) + 1, 0) / defined.length;
        if (mean > 0) composite = logRatioInterval(mean, ratioVariance(all, totals, list, defined, per, M)).map((r) => r - 1) as Bounds;
        else for (const i of defined) needBootstrap.add(i);
      }
      closed.set(cohort, { cells, composite });
    }
  const replicates =
    needAll || needBootstrap.size > 0
      ? bootstrapTaxes(all, pairs, M, needAll ? measures.map((_, j) => j) : [...needBootstrap].sort((a, b) => a - b), options)
      : [];
  const compTax = (per: (Est | undefined)[] | undefined, only: number[]) => {
    const defined = only.map((i) => per?.[i]?.tax).filter((t): t is number => t !== null && t !== undefined);
    return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
  };
  const percentile = (values: (number | null | undefined)[]): Bounds => {
    const sorted = values.filter((t): t is number => t !== null && t !== undefined).sort((a, b) => a - b);
    return sorted.length === 0 ? null : [quantile(sorted, 0.025), quantile(sorted, 0.975)];
  };

  const result = new Map<Cohort, { measures: Cell[]; composite: Cell }>();
  for (const cohort of COMPARED) {
    if (!all.some((g) => g.cohort === cohort)) continue;
    const list = pairs.get(cohort) as Pair[];
    const cohortGroups = list.map(([c]) => all[c] as Group);
    const humanGroups = list.map(([, h]) => all[h] as Group);
    const cohortSide = sides(cohortGroups, M, authorCount);
    const humanSide = sides(humanGroups, M, authorCount);
    const per = point.get(cohort) as Est[];
    const own = closed.get(cohort);
    const bounds = (j: number): Bounds => {
      if (options.bootstrap === 0 || per[j]?.tax === null) return null;
      if (!needAll && own?.cells[j]) return own.cells[j] as Bounds;
      return percentile(replicates.map((rep) => rep.get(cohort)?.[j]?.tax));
    };
    const cells = measures.map((measure, j): Cell => {
      const est = per[j] as Est;
      return finishCell(
        cohort,
        measure,
        cohortSide[j] as Side,
        humanSide[j] as Side,
        est.tax,
        est.observed,
        est.expected,
        bounds(j),
        options,
      );
    });
    const defined = definedIdx.get(cohort) as number[];
    const compositeTax = compTax(per, defined);
    let compositeBounds: Bounds = null;
    if (options.bootstrap > 0 && compositeTax !== null)
      compositeBounds = !needAll && own?.composite ? own.composite : percentile(replicates.map((rep) => compTax(rep.get(cohort), defined)));
    const composite = finishCell(
      cohort,
      'composite',
      rowSide(cohortGroups, authorCount),
      rowSide(humanGroups, authorCount),
      compositeTax,
      null,
      null,
      compositeBounds,
      options,
    );
    result.set(cohort, { measures: cells, composite });
  }
  return result;
}

/** Groups by (cohort, stratum): compared cohorts from `rows`, humans from `reference`. */
function groupRows(prepared: PreparedRows, rows: ArrayLike<number>, reference: ArrayLike<number>, measures: readonly string[]): Group[] {
  const groups = new Map<string, { cohort: Cohort; stratum: string; members: number[] }>();
  const add = (r: number, cohort: Cohort) => {
    const stratum = prepared.strata[r] as string;
    const k = `${cohort}|${stratum}`;
    const g = groups.get(k);
    if (g) g.members.push(r);
    else groups.set(k, { cohort, stratum, members: [r] });
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const cohort = prepared.cohorts[r] as Cohort;
    if (COMPARED.includes(cohort)) add(r, cohort);
  }
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] as number;
    if (prepared.cohorts[r] === 'human') add(r, 'human');
  }
  const M = measures.length;
  const P = prepared.measures.length;
  const columns = measures.map((m) => prepared.measures.indexOf(m));
  return [...groups.values()].map(({ cohort, stratum, members }) => {
    const values = new Float64Array(members.length * M);
    const authors = new Int32Array(members.length);
    members.forEach((r, i) => {
      for (let j = 0; j < M; j++) {
        const c = columns[j] as number;
        values[i * M + j] = c < 0 ? Number.NaN : (prepared.values[r * P + c] as number);
      }
      authors[i] = prepared.authors[r] as number;
    });
    return { cohort, stratum, size: members.length, values, authors };
  });
}

type Side = { n: number; authors: number };

/** Per measure: the PRs of `groups` with a value for it, and their distinct authors (one pass over the rows). */
function sides(groups: readonly Group[], M: number, authorCount: number): Side[] {
  const n = new Array<number>(M).fill(0);
  const distinct = new Array<number>(M).fill(0);
  const seen = new Uint8Array(M * authorCount);
  for (const g of groups)
    for (let i = 0; i < g.size; i++) {
      const author = g.authors[i] as number;
      for (let j = 0; j < M; j++) {
        if (Number.isNaN(g.values[i * M + j] as number)) continue;
        n[j] = (n[j] as number) + 1;
        if (seen[j * authorCount + author] === 0) {
          seen[j * authorCount + author] = 1;
          distinct[j] = (distinct[j] as number) + 1;
        }
      }
    }
  return n.map((count, j) => ({ n: count, authors: distinct[j] as number }));
}

/** Every PR of `groups` and their distinct authors, values or not (the composite's counts). */
function rowSide(groups: readonly Group[], authorCount: number): Side {
  const seen = new Uint8Array(authorCount);
  let n = 0;
  let authors = 0;
  for (const g of groups) {
    n += g.size;
    for (const a of g.authors)
      if (seen[a] === 0) {
        seen[a] = 1;
        authors++;
      }
  }
  return { n, authors };
}

function finishCell(
  cohort: Cohort,
  measure: string,
  c: Side,
  h: Side,
  tax: number | null,
  observed: number | null,
  expected: number | null,
  bounds: Bounds,
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
  const interval = tax !== null && bounds !== null;
  return {
    ...base,
    observed: c.n === 0 ? null : observed,
    expected: c.n === 0 ? null : expected,
    tax,
    low: interval ? bounds[0] : null,
    high: interval ? bounds[1] : null,
    suppressed: false,
    ...(tax === null ? { note: c.n === 0 ? 'no comparable PRs' : 'human baseline is 0' } : {}),
  };
}

const sums =
  (M: number) =>
  (g: Group): Totals => {
    const s = new Float64Array(M);
    const n = new Int32Array(M);
    const all = allIndices(M);
    for (let i = 0; i < g.size; i++) accumulate(g.values, i, M, all, s, n);
    return { s, n };
  };

const allIndices = (M: number) => Int32Array.from({ length: M }, (_, j) => j);

function accumulate(values: Float64Array, i: number, M: number, only: Int32Array, s: Float64Array, n: Int32Array): void {
  const base = i * M;
  for (let k = 0; k < only.length; k++) {
    const j = only[k] as number;
    const v = values[base + j] as number;
    // NaN marks a PR without a value for this measure; it adds to neither sum nor count.
    // biome-ignore lint/suspicious/noSelfCompare: the cheapest NaN test, in the bootstrap's hot loop
    if (v === v) {
      s[j] = (s[j] as number) + v;
      n[j] = (n[j] as number) + 1;
    }
  }
}

/**
 * Delta-method variance of Σ_k R_k / K over the measures `idx`, where R_k = O_k / E_k is a cohort's observed total
 * over its expected total (tax + 1). Linearised per PR: a cohort PR of stratum b contributes
 * v·(x − R_k·m_h,b) / E_k, a human PR −(R_k·n_c,b / (E_k·n_h,b))·v·(x − m_h,b) (v: it has a value). Each
 * (cohort, stratum) group adds N/(N−1) times the sum of squares of its PRs' contributions about their mean: the
 * variance the stratified bootstrap estimates, which resamples the same groups, value counts included.
 */
function ratioVariance(
  all: readonly Group[],
  totals: readonly Totals[],
  list: readonly Pair[],
  idx: readonly number[],
  per: readonly Est[],
  M: number,
): number {
  const K = idx.length;
  const a = new Float64Array(K);
  const coefficient = new Float64Array(K);
  let variance = 0;
  for (const [ci, hi] of list) {
    const ct = totals[ci] as Totals;
    const ht = totals[hi] as Totals;
    for (const side of ['cohort', 'human'] as const) {
      for (let k = 0; k < K; k++) {
        const j = idx[k] as number;
        const est = per[j] as Est;
        const nc = ct.n[j] as number;
        const nh = ht.n[j] as number;
        // A stratum without values on a side does not enter measure j.
        if (nc === 0 || nh === 0 || est.tax === null) {
          coefficient[k] = 0;
          a[k] = 0;
          continue;
        }
        const ratio = est.tax + 1;
        const expectedTotal = est.expected * est.n;
        const humanMean = (ht.s[j] as number) / nh;
        a[k] = side === 'cohort' ? ratio * humanMean : humanMean;
        coefficient[k] = side === 'cohort' ? 1 / (K * expectedTotal) : -(ratio * nc) / (K * expectedTotal * nh);
      }
      variance += groupSpread(all[side === 'cohort' ? ci : hi] as Group, M, idx, a, coefficient);
    }
  }
  return variance;
}

/**
 * N/(N−1) · Σ_i (w_i − w̄)² for w_i = Σ_k coefficient_k · v_ik · (x_ik − a_k) over the group's rows, in one pass
 * (w is centred near 0 by construction, so Σw² − (Σw)²/N loses nothing that matters).
 */
function groupSpread(g: Group, M: number, idx: readonly number[], a: Float64Array, coefficient: Float64Array): number {
  const N = g.size;
  if (N < 2) return 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < N; i++) {
    let wi = 0;
    for (let k = 0; k < idx.length; k++) {
      const x = g.values[i * M + (idx[k] as number)] as number;
      // biome-ignore lint/suspicious/noSelfCompare: NaN test, per value
      if (x === x) wi += (coefficient[k] as number) * (x - (a[k] as number));
    }
    sum += wi;
    sumSquares += wi * wi;
  }
  return (Math.max(0, sumSquares - (sum * sum) / N) * N) / (N - 1);
}

/** For each compared cohort, its groups paired with the human group of the same stratum (index pairs). */
function pairUp(groups: readonly Group[]): Map<Cohort, Pair[]> {
  const human = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g.cohort === 'human') human.set(g.stratum, i);
  });
  const out = new Map<Cohort, Pair[]>(COMPARED.map((c) => [c, []]));
  groups.forEach((g, i) => {
    const h = human.get(g.stratum);
    if (g.cohort !== 'human' && h !== undefined) out.get(g.cohort)?.push([i, h]);
  });
  return out;
}

function taxes(pairs: Map<Cohort, Pair[]>, totals: readonly Totals[], M: number): Map<Cohort, Est[]> {
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

/**
 * Stratified bootstrap over the measures `only`: every (cohort, stratum) group is resampled with replacement,
 * seeded. One draw per row whatever `only` is, so a measure's replicates do not depend on which others are asked.
 */
function bootstrapTaxes(
  groups: readonly Group[],
  pairs: Map<Cohort, Pair[]>,
  M: number,
  only: readonly number[],
  options: CellOptions,
): Map<Cohort, Est[]>[] {
  const random = seededRandom(options.seed);
  const indices = Int32Array.from(only);
  const out: Map<Cohort, Est[]>[] = [];
  for (let b = 0; b < options.bootstrap; b++) {
    const totals = groups.map((g) => {
      const s = new Float64Array(M);
      const n = new Int32Array(M);
      const size = g.size;
      for (let k = 0; k < size; k++) accumulate(g.values, Math.floor(random() * size), M, indices, s, n);
      return { s, n };
    });
    out.push(taxes(pairs, totals, M));
  }
  return out;
}
