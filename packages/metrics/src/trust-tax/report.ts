import type { Cohort } from '../ledger/types.js';
import { measurePullRequests } from '../measures/pull-request.js';
import { compositeComponents, measureNames } from '../measures/names.js';
import type { PrMeasures, TrustTaxDataset } from '../measures/types.js';
import { type SizeBucket, sizeBucket } from './buckets.js';
import { type Cell, COMPARED, evaluatePrepared, prepareRows } from './evaluate.js';
import { type FlowComparison, flowComparison } from './flow.js';
import { type LineSurvival, lineSurvival } from './survival.js';

export interface TrustTaxOptions {
  /** When the report is made (ISO); defaults to now. */
  asOf?: string;
  /** Only PRs merged at or after this time (ISO). */
  since?: string;
  windows?: number[];
  minCellPrs?: number;
  minCellAuthors?: number;
  bootstrap?: number;
  seed?: number;
  /** Per-person rows and author names; off by default (aggregate by team). */
  perPerson?: boolean;
}

export interface CohortSummary {
  cohort: Cohort;
  prs: number;
  composite: Cell;
  measures: Cell[];
}

export interface PullRequestRow {
  repo: string;
  number: number;
  title: string;
  team: string;
  author?: string;
  cohort: Cohort;
  mergedAt: string;
  size: number;
  bucket: SizeBucket;
  values: Record<string, number | null>;
}

export interface TrustTaxReport {
  version: 1;
  asOf: string;
  since: string | null;
  windows: number[];
  settings: { minCellPrs: number; minCellAuthors: number; bootstrap: number; seed: number; perPerson: boolean };
  measures: string[];
  components: string[];
  pullRequests: number;
  byCohortCount: Record<Cohort, number>;
  cohorts: CohortSummary[];
  overTime: { period: string; cells: Cell[] }[];
  byRepository: { repo: string; cells: Cell[] }[];
  byTeam: { team: string; cells: Cell[] }[];
  byAuthor?: { author: string; cells: Cell[] }[];
  rows: PullRequestRow[];
  gaps: { repo: string; path: string; sha: string }[];
  /** Acceptance, pickup, review time and unreviewed merges per cohort, beside published figures (context only). */
  flow: FlowComparison;
  /** Kaplan–Meier line survival per cohort and the Cox ratio of AI lines, from the stored ledger. */
  survival: LineSurvival;
}

/** Measure every merged PR, then compute trust tax per cohort and breakdowns (definitions in docs/trust-tax.md). */
export function buildTrustTaxReport(data: TrustTaxDataset, options: TrustTaxOptions = {}): TrustTaxReport {
  const asOf = options.asOf ?? new Date().toISOString();
  const windows = options.windows ?? [14, 30, 90];
  const settings = {
    minCellPrs: options.minCellPrs ?? 20,
    minCellAuthors: options.minCellAuthors ?? 5,
    bootstrap: options.bootstrap ?? 200,
    seed: options.seed ?? 1,
    perPerson: options.perPerson ?? false,
  };
  const since = options.since ?? null;
  const measures = measureNames(windows);
  const components = compositeComponents(windows);
  const all = measurePullRequests(data, { asOf, windows }).filter((r) => since === null || Date.parse(r.mergedAt) >= Date.parse(since));
  all.sort((a, b) => a.mergedAt.localeCompare(b.mergedAt) || a.repo.localeCompare(b.repo) || a.number - b.number);
  const prepared = prepareRows(all, measures);
  const everyone = Int32Array.from({ length: all.length }, (_, i) => i);
  const head = evaluatePrepared(prepared, everyone, everyone, measures, components, settings);
  // Breakdowns show the composite and its components; the cells without a closed-form interval get fewer resamples.
  const light = { ...settings, bootstrap: Math.min(settings.bootstrap, 50) };
  const slice = (rows: readonly number[], reference: ArrayLike<number>) => {
    const cells = evaluatePrepared(prepared, rows, reference, components, components, light);
    return COMPARED.flatMap((c) => {
      const v = cells.get(c);
      return v ? [v.composite, ...v.measures] : [];
    });
  };
  // PRs (by index) per key, keys in order.
  const partition = (by: (r: PrMeasures) => string) => {
    const parts = new Map<string, number[]>();
    all.forEach((r, i) => {
      const list = parts.get(by(r));
      if (list) list.push(i);
      else parts.set(by(r), [i]);
    });
    return [...parts.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const human = everyone.filter((i) => (all[i] as PrMeasures).cohort === 'human');
  const byCohortCount = { agent: 0, assisted: 0, human: 0, unknown: 0, bot: 0 };
  for (const r of all) byCohortCount[r.cohort]++;
  return {
    version: 1,
    asOf,
    since,
    windows,
    settings,
    measures,
    components,
    pullRequests: all.length,
    byCohortCount,
    cohorts: COMPARED.flatMap((cohort) => {
      const v = head.get(cohort);
      return v ? [{ cohort, prs: byCohortCount[cohort], composite: v.composite, measures: v.measures }] : [];
    }),
    overTime: partition(periodOf(all)).map(([period, rows]) => ({ period, cells: slice(rows, rows) })),
    byRepository: partition((r) => r.repo).map(([repo, rows]) => ({ repo, cells: slice(rows, rows) })),
    byTeam: partition((r) => r.team).map(([team, rows]) => ({ team, cells: slice(rows, human) })),
    ...(settings.perPerson
      ? { byAuthor: partition((r) => r.author).map(([author, rows]) => ({ author, cells: slice(rows, human) })) }
      : {}),
    rows: all.map((r) => ({
      repo: r.repo,
      number: r.number,
      title: r.title,
      team: r.team,
      ...(settings.perPerson ? { author: r.author } : {}),
      cohort: r.cohort,
      mergedAt: r.mergedAt,
      size: r.size,
      bucket: sizeBucket(r.size),
      values: r.values,
    })),
    gaps: dedupeGaps(data.ledger.gaps),
    flow: flowComparison(data.pullRequests, all, since),
    survival: lineSurvival(data, asOf, windows),
  };
}

/** Months when there are enough PRs per month to show numbers (100 on average), else quarters. */
function periodOf(rows: readonly PrMeasures[]): (r: PrMeasures) => string {
  const months = new Set(rows.map((r) => r.mergedAt.slice(0, 7))).size;
  if (months === 0 || rows.length / months >= 100) return (r) => r.mergedAt.slice(0, 7);
  return (r) => `${r.mergedAt.slice(0, 4)}-Q${Math.floor((Number(r.mergedAt.slice(5, 7)) - 1) / 3) + 1}`;
}

function dedupeGaps(gaps: TrustTaxDataset['ledger']['gaps']): { repo: string; path: string; sha: string }[] {
  const seen = new Map<string, { repo: string; path: string; sha: string }>();
  for (const g of gaps) seen.set(`${g.repo}|${g.path}|${g.sha}`, { repo: g.repo, path: g.path, sha: g.sha });
  return [...seen.values()];
}
