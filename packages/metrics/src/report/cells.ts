import type { Cell } from '../trust-tax/evaluate.js';
import type { TrustTaxReport } from '../trust-tax/report.js';

/** Trust tax as a signed percentage, e.g. `+23.4%`; `-` when there is no number. */
export function percent(value: number | null): string {
  if (value === null) return '-';
  const p = value * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;
}

export function cellText(cell: Cell): string {
  if (cell.suppressed) return `suppressed (n=${cell.n})`;
  if (cell.tax === null) return `- (${cell.note ?? 'no data'})`;
  const interval = cell.low === null || cell.high === null ? '' : ` [${percent(cell.low)}, ${percent(cell.high)}]`;
  return `${percent(cell.tax)}${interval} n=${cell.n}`;
}

/** Every cell of the report with where it belongs, for flat formats. */
export function flatCells(report: TrustTaxReport): { section: string; key: string; cell: Cell }[] {
  return [
    ...report.cohorts.flatMap((c) => [c.composite, ...c.measures].map((cell) => ({ section: 'cohort', key: 'all', cell }))),
    ...report.overTime.flatMap((p) => p.cells.map((cell) => ({ section: 'period', key: p.period, cell }))),
    ...report.byRepository.flatMap((p) => p.cells.map((cell) => ({ section: 'repository', key: p.repo, cell }))),
    ...report.byTeam.flatMap((p) => p.cells.map((cell) => ({ section: 'team', key: p.team, cell }))),
    ...(report.byAuthor ?? []).flatMap((p) => p.cells.map((cell) => ({ section: 'author', key: p.author, cell }))),
  ];
}
