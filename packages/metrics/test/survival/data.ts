import { seededRandom } from '../../src/trust-tax/rng.js';
import { SurvivalTable } from '../../src/survival/samples.js';

export interface Row {
  time: number;
  event: 0 | 1;
  weight: number;
  stratum: number;
  cluster: number;
  x: number[];
}

/**
 * Lines in blocks (a block's lines die together: tied, clustered), two binary covariates, a few strata, times on a
 * coarse grid so that ties across blocks happen too.
 */
export function generatedRows(seed: number, blocks: number): Row[] {
  const random = seededRandom(seed);
  const rows: Row[] = [];
  for (let b = 0; b < blocks; b++) {
    const x = [random() < 0.4 ? 1 : 0, random() < 0.3 ? 1 : 0];
    const stratum = Math.floor(random() * 3);
    const hazard = 0.05 * Math.exp(0.7 * (x[0] as number) - 0.4 * (x[1] as number) + 0.3 * stratum);
    const life = Math.ceil(-Math.log(1 - random()) / hazard);
    const censor = Math.ceil(random() * 60);
    const lines = 1 + Math.floor(random() * 4);
    const dies = Math.min(lines, Math.floor(random() * (lines + 1)));
    const cluster = Math.floor(b / 2);
    // Part of a block dies at its lifetime, the rest is censored (a rewrite of some of its lines).
    if (dies > 0) rows.push({ time: Math.min(life, censor), event: life <= censor ? 1 : 0, weight: dies, stratum, cluster, x });
    if (lines - dies > 0) rows.push({ time: censor, event: 0, weight: lines - dies, stratum, cluster, x });
  }
  return rows;
}

export function table(rows: readonly Row[], covariates = 2): SurvivalTable {
  const t = new SurvivalTable(covariates);
  for (const r of rows) t.add(r.time, r.event === 1, r.weight, r.stratum, r.cluster, r.x.slice(0, covariates));
  return t;
}

/** One CSV row per subject (weights expanded): R then sees the lines themselves, not frequency weights. */
export function expandedCsv(rows: readonly Row[]): string {
  const lines = ['time,event,stratum,cluster,x1,x2'];
  for (const r of rows) for (let k = 0; k < r.weight; k++) lines.push([r.time, r.event, r.stratum, r.cluster, ...r.x].join(','));
  return `${lines.join('\n')}\n`;
}
