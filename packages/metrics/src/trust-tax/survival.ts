import { COHORTS, type Cohort } from '../ledger/types.js';
import { type CurvePoint, curvePoints, type HazardModel, hazardModel } from '../history/report.js';
import type { TrustTaxDataset } from '../measures/types.js';
import { kaplanMeier, survivalAt } from '../survival/kaplan-meier.js';
import { SurvivalTable } from '../survival/samples.js';
import { REFERENCE_FIGURES, type ReferenceFigure } from './references.js';

const DAY_MS = 86_400_000;
const AGENT = [1, 0];
const ASSISTED = [0, 1];
const OTHER = [0, 0];

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
  const repos = [...new Set(data.pullRequests.map((p) => p.repo))].sort();
  // Per merged PR (by repository, then number): what its records carry, and its lines not yet accounted for.
  type Pr = { stratum: number; index: number; x: readonly number[]; group: number; mergedAt: string; left: number; born: boolean };
  const prs = new Map<string, Map<number, Pr>>(repos.map((r) => [r, new Map()]));
  data.pullRequests.forEach((p, index) => {
    if (!p.mergedAt) return;
    const x = p.cohort === 'agent' ? AGENT : p.cohort === 'assisted' ? ASSISTED : OTHER;
    prs.get(p.repo)?.set(p.number, {
      stratum: repos.indexOf(p.repo),
      index,
      x,
      group: COHORTS.indexOf(p.cohort),
      mergedAt: p.mergedAt,
      left: 0,
      born: false,
    });
  });
  const find = (repo: string, n: number | null) => (n === null ? undefined : prs.get(repo)?.get(n));
  const table = new SurvivalTable(2, 1024);
  // Still-alive lines are censored in the order PRs first had lines born.
  const born: Pr[] = [];
  for (const b of data.ledger.births) {
    const p = find(b.repo, b.pr);
    if (!p) continue;
    if (!p.born) {
      p.born = true;
      born.push(p);
    }
    p.left += b.lines;
  }
  const add = (p: Pr | undefined, age: number, event: boolean, lines: number) => {
    if (!p || lines <= 0) return;
    table.add(Math.max(0, age), event, lines, p.stratum, p.index, p.x, p.group);
    p.left -= lines;
  };
  for (const d of data.ledger.deaths) if (d.byPr !== d.originPr) add(find(d.repo, d.originPr), d.ageDays, true, d.lines);
  for (const g of data.ledger.gaps) if (g.originPr !== null && g.lines) add(find(g.repo, g.originPr), g.ageDays, false, g.lines);
  for (const p of born) if (p.left > 0) add(p, (asOfMs - Date.parse(p.mergedAt)) / DAY_MS, false, p.left);
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
