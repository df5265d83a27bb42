import { COHORTS, type Cohort } from '../ledger/types.js';
import { type CurvePoint, curvePoints, type HazardModel, hazardModel } from '../history/report.js';
import type { PullRequestFacts, TrustTaxDataset } from '../measures/types.js';
import { kaplanMeier, survivalAt } from '../survival/kaplan-meier.js';
import { SurvivalTable } from '../survival/samples.js';
import { REFERENCE_FIGURES, type ReferenceFigure } from './references.js';

const DAY_MS = 86_400_000;

export interface LineSurvival {
  curves: { cohort: Cohort; lines: number; points: CurvePoint[]; at: { days: number; survival: number | null }[] }[];
  /** AI lines against human/unknown lines; strata by repository (the store keeps deaths per PR, not per file). */
  hazard: HazardModel | null;
  references: readonly ReferenceFigure[];
}

/**
 * Line survival from the stored ledger: each merged PR's lines from its merge until deleted or rewritten (event),
 * dropped by a gap or still alive at `asOf` (censored); Kaplan–Meier per cohort and the Cox ratio of AI lines.
 */
export function lineSurvival(data: TrustTaxDataset, asOf: string, windows: readonly number[]): LineSurvival {
  const asOfMs = Date.parse(asOf);
  const prs = new Map<string, PullRequestFacts & { index: number }>();
  data.pullRequests.forEach((p, index) => {
    if (p.mergedAt) prs.set(`${p.repo}#${p.number}`, { ...p, index });
  });
  const repos = [...new Set(data.pullRequests.map((p) => p.repo))].sort();
  const table = new SurvivalTable(2, 1024);
  const left = new Map<string, number>();
  for (const b of data.ledger.births) left.set(`${b.repo}#${b.pr}`, (left.get(`${b.repo}#${b.pr}`) ?? 0) + b.lines);
  const add = (key: string, age: number, event: boolean, lines: number) => {
    const p = prs.get(key);
    if (!p || lines <= 0) return;
    table.add(
      Math.max(0, age),
      event,
      lines,
      repos.indexOf(p.repo),
      p.index,
      [p.cohort === 'agent' ? 1 : 0, p.cohort === 'assisted' ? 1 : 0],
      COHORTS.indexOf(p.cohort),
    );
    left.set(key, (left.get(key) ?? 0) - lines);
  };
  for (const d of data.ledger.deaths) if (d.byPr !== d.originPr) add(`${d.repo}#${d.originPr}`, d.ageDays, true, d.lines);
  for (const g of data.ledger.gaps) if (g.originPr !== null && g.lines) add(`${g.repo}#${g.originPr}`, g.ageDays, false, g.lines);
  for (const [key, lines] of [...left]) {
    const p = prs.get(key);
    if (p && lines > 0) add(key, (asOfMs - Date.parse(p.mergedAt as string)) / DAY_MS, false, lines);
  }
  const samples = table.samples();
  const cohortOf = (i: number) => COHORTS[samples.group[i] as number] as Cohort;
  return {
    curves: COHORTS.flatMap((cohort) => {
      const curve = kaplanMeier(samples, (i) => cohortOf(i) === cohort);
      if (curve.subjects === 0) return [];
      return [
        {
          cohort,
          lines: curve.subjects,
          points: curvePoints(curve),
          at: windows.map((days) => ({ days, survival: curve.followUp >= days ? survivalAt(curve, days).survival : null })),
        },
      ];
    }),
    hazard: hazardModel(samples, () => true, cohortOf, 'ai', 'repository (store: files are not kept per death)'),
    references: REFERENCE_FIGURES.filter((f) => f.measure === 'line_hazard_ratio'),
  };
}
