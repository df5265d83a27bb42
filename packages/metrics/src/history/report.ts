import { COHORTS, type Cohort } from '../ledger/types.js';
import { type CoxCoefficient, type CoxFit, coxFit } from '../survival/cox.js';
import { type KaplanMeierCurve, kaplanMeier, survivalAt } from '../survival/kaplan-meier.js';
import { project, type SurvivalSamples } from '../survival/samples.js';
import { REFERENCE_FIGURES, type ReferenceFigure } from '../trust-tax/references.js';
import type { CommitOutcome } from './lifetimes.js';
import type { HistoryRun } from './read.js';

const DAY_MS = 86_400_000;
const AI: readonly Cohort[] = ['agent', 'assisted'];
/** Lines of these cohorts are the comparison group: no AI marker (human, or unknown when disclosure is not required). */
const BASELINE: readonly Cohort[] = ['human', 'unknown'];

export interface WindowFigure {
  days: number;
  /** Kaplan–Meier share of lines still alive after N days, with its 95 % interval (Greenwood, log-log). */
  survival: number | null;
  low: number | null;
  high: number | null;
  /** Lines of commits at least N days old deleted or rewritten within N days, over their lines. */
  churn: number | null;
  /** Commits at least N days old reverted within N days, over those commits. */
  reverted: number | null;
  /** Commits at least N days old whose lines a fix-like commit deleted or rewrote within N days, over those with lines. */
  fixFollowUps: number | null;
  /** Commits old enough for the window. */
  eligibleCommits: number;
}

export interface HistoryCohort {
  cohort: Cohort;
  commits: number;
  authors: number;
  linesAdded: number;
  linesDied: number;
  windows: WindowFigure[];
}

export interface CurvePoint {
  day: number;
  survival: number;
  low: number | null;
  high: number | null;
  atRisk: number;
}

export interface HazardRatio extends CoxCoefficient {
  /** What is compared with the baseline (human and unknown lines). */
  of: 'ai' | 'agent' | 'assisted';
}

export interface HazardModel {
  strata: 'repository × file' | 'repository' | 'repository (store: files are not kept per death)';
  ties: 'efron';
  ratios: HazardRatio[];
  subjects: number;
  events: number;
  clusters: number;
  converged: boolean;
}

export interface HistoryReport {
  version: 1;
  kind: 'history';
  asOf: string;
  windows: number[];
  repositories: { repo: string; commits: number; head: string | null }[];
  cohorts: HistoryCohort[];
  curves: { cohort: Cohort; points: CurvePoint[] }[];
  /** Cox models of line deaths, AI lines against baseline lines, bots left out; intervals are cluster-robust (by commit). */
  hazard: { byFile: HazardModel | null; byCohort: HazardModel | null; byRepository: HazardModel | null };
  byRepository: { repo: string; hazard: HazardModel | null; cohorts: HistoryCohort[] }[];
  /** Published survival figures, context and not a target. */
  references: readonly ReferenceFigure[];
}

/** Per-cohort survival figures and the hazard models over what `readHistories` collected. */
export function buildHistoryReport(run: HistoryRun, options: { asOf?: string; windows: readonly number[] }): HistoryReport {
  const newest = Math.max(...run.repositories.map((r) => r.newest ?? Number.NEGATIVE_INFINITY));
  const asOfMs = options.asOf ? Date.parse(options.asOf) : Number.isFinite(newest) ? newest : Date.now();
  const asOf = new Date(asOfMs).toISOString();
  run.lifetimes.finish(asOfMs);
  const samples = run.lifetimes.table.samples();
  const strata = run.lifetimes.strata;
  const commits = run.lifetimes.commits;
  const cohortOf = (i: number) => COHORTS[samples.group[i] as number] as Cohort;
  const repoOf = (i: number) => (strata[samples.stratum[i] as number] as { repo: number }).repo;
  const cohortsFor = (keep: (i: number) => boolean, outcomes: readonly CommitOutcome[]) =>
    COHORTS.flatMap((cohort) => {
      const mine = outcomes.filter((o) => o.cohort === cohort);
      if (mine.length === 0) return [];
      const curve = kaplanMeier(samples, (i) => keep(i) && cohortOf(i) === cohort);
      return [cohortFigures(cohort, mine, curve, options.windows, asOfMs)];
    });
  const models = (keep: (i: number) => boolean) => ({
    byFile: hazardModel(samples, keep, cohortOf, 'ai', 'repository × file'),
    byCohort: hazardModel(samples, keep, cohortOf, 'cohort', 'repository × file'),
    byRepository: hazardModel(samples, keep, cohortOf, 'ai', 'repository', repoOf),
  });
  return {
    version: 1,
    kind: 'history',
    asOf,
    windows: [...options.windows],
    repositories: run.repositories.map(({ repo, commits: n, head }) => ({ repo, commits: n, head })),
    cohorts: cohortsFor(() => true, commits),
    curves: COHORTS.flatMap((cohort) => {
      const curve = kaplanMeier(samples, (i) => cohortOf(i) === cohort);
      return curve.subjects > 0 ? [{ cohort, points: curvePoints(curve) }] : [];
    }),
    hazard: models(() => true),
    byRepository:
      run.repositories.length < 2
        ? []
        : run.repositories.map((r, repo) => ({
            repo: r.repo,
            hazard: models((i) => repoOf(i) === repo).byFile,
            cohorts: cohortsFor(
              (i) => repoOf(i) === repo,
              commits.filter((o) => o.repo === repo),
            ),
          })),
    references: REFERENCE_FIGURES.filter((f) => f.measure === 'line_hazard_ratio'),
  };
}

function cohortFigures(
  cohort: Cohort,
  outcomes: readonly CommitOutcome[],
  curve: KaplanMeierCurve,
  windows: readonly number[],
  asOf: number,
): HistoryCohort {
  return {
    cohort,
    commits: outcomes.length,
    authors: new Set(outcomes.map((o) => o.author)).size,
    linesAdded: outcomes.reduce((s, o) => s + o.born, 0),
    linesDied: curve.events,
    windows: windows.map((days, w): WindowFigure => {
      const eligible = outcomes.filter((o) => asOf - o.at >= days * DAY_MS);
      const withLines = eligible.filter((o) => o.born > 0);
      const born = withLines.reduce((s, o) => s + o.born, 0);
      // Nobody followed for N days: the curve says nothing about day N.
      const at = curve.subjects > 0 && curve.followUp >= days ? survivalAt(curve, days) : undefined;
      return {
        days,
        survival: at ? at.survival : null,
        low: at?.low ?? null,
        high: at?.high ?? null,
        churn: born === 0 ? null : withLines.reduce((s, o) => s + (o.diedWithin[w] as number), 0) / born,
        reverted:
          eligible.length === 0
            ? null
            : eligible.filter((o) => o.revertedAfter !== null && o.revertedAfter <= days).length / eligible.length,
        fixFollowUps: withLines.length === 0 ? null : withLines.filter((o) => o.fixedWithin[w]).length / withLines.length,
        eligibleCommits: eligible.length,
      };
    }),
  };
}

/** Daily to 90 days, then weekly, to the longest follow-up (at most two years). */
export function curvePoints(curve: KaplanMeierCurve): CurvePoint[] {
  const last = Math.min(730, Math.floor(curve.followUp));
  const days: number[] = [];
  for (let d = 0; d <= Math.min(90, last); d++) days.push(d);
  for (let d = 97; d <= last; d += 7) days.push(d);
  let k = 0;
  let atRisk = curve.subjects;
  let current = { survival: 1, low: null as number | null, high: null as number | null };
  return days.map((day) => {
    while (k < curve.steps.length && (curve.steps[k]?.time as number) <= day) {
      const s = curve.steps[k] as (typeof curve.steps)[number];
      current = { survival: s.survival, low: s.low, high: s.high };
      atRisk = s.atRisk - s.events;
      k++;
    }
    return { day, ...current, atRisk };
  });
}

export function hazardModel(
  samples: SurvivalSamples,
  keep: (i: number) => boolean,
  cohortOf: (i: number) => Cohort,
  compare: 'ai' | 'cohort',
  strata: HazardModel['strata'],
  stratum?: (i: number) => number,
): HazardModel | null {
  const inModel = (i: number) => keep(i) && (AI.includes(cohortOf(i)) || BASELINE.includes(cohortOf(i)));
  const covariates =
    compare === 'ai'
      ? (i: number) => [AI.includes(cohortOf(i)) ? 1 : 0]
      : (i: number) => [cohortOf(i) === 'agent' ? 1 : 0, cohortOf(i) === 'assisted' ? 1 : 0];
  const data = project(samples, inModel, compare === 'ai' ? 1 : 2, covariates, stratum);
  let fit: CoxFit | undefined;
  if (compare === 'cohort') {
    // A cohort with no lines at all makes the information singular: fit only the cohorts present.
    const present = [0, 1].filter((j) => data.x.some((v, k) => k % 2 === j && v === 1));
    if (present.length === 0) return null;
    const only =
      present.length === 2
        ? data
        : project(
            data,
            () => true,
            1,
            (i) => [data.x[i * 2 + (present[0] as number)] as number],
          );
    fit = coxFit(only);
    if (!fit) return null;
    const names: HazardRatio['of'][] = present.map((j) => (j === 0 ? 'agent' : 'assisted'));
    return model(fit, strata, names);
  }
  fit = coxFit(data);
  return fit ? model(fit, strata, ['ai']) : null;
}

function model(fit: CoxFit, strata: HazardModel['strata'], names: HazardRatio['of'][]): HazardModel {
  return {
    strata,
    ties: 'efron',
    ratios: fit.coefficients.map((c, j) => ({ of: names[j] as HazardRatio['of'], ...c })),
    subjects: fit.subjects,
    events: fit.events,
    clusters: fit.clusters,
    converged: fit.converged,
  };
}
