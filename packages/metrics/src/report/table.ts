import type { TrustTaxReport } from '../trust-tax/report.js';
import { cellText } from './cells.js';
import { flowText } from './flow.js';

/** Plain-text report for a terminal. */
export function toTable(report: TrustTaxReport): string {
  const out = [
    `Trust tax as of ${report.asOf}${report.since ? ` for PRs merged since ${report.since}` : ''}: ${report.pullRequests} merged PRs`,
    `  cohorts: ${Object.entries(report.byCohortCount)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
    '  excess over human PRs of the same repository and size bucket (directly standardised), 95% interval',
    '',
  ];
  const rows = report.cohorts.flatMap((c) => [c.composite, ...c.measures].map((cell) => [c.cohort, cell.measure, cellText(cell)]));
  const width = [0, 1].map((i) => Math.max(...rows.map((r) => (r[i] as string).length), 8));
  out.push(`${'cohort'.padEnd(width[0] as number)}  ${'measure'.padEnd(width[1] as number)}  trust tax`);
  for (const r of rows) out.push(`${(r[0] as string).padEnd(width[0] as number)}  ${(r[1] as string).padEnd(width[1] as number)}  ${r[2]}`);
  if (report.cohorts.length === 0) out.push('(no AI or unknown-cohort PRs to compare)');
  if (report.flow.rows.length > 0) out.push('', ...flowText(report.flow));
  if (report.gaps.length > 0)
    out.push(
      '',
      `ledger gaps (patch omitted by GitHub, lines dropped): ${report.gaps.map((g) => `${g.repo}:${g.path}@${g.sha.slice(0, 7)}`).join(', ')}`,
    );
  return `${out.join('\n')}\n`;
}
