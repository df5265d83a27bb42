import type { TrustTaxReport } from '../trust-tax/report.js';
import { flatCells } from './cells.js';

const HEADER = [
  'section',
  'key',
  'cohort',
  'measure',
  'n',
  'authors',
  'human_n',
  'human_authors',
  'observed',
  'expected',
  'tax',
  'low',
  'high',
  'suppressed',
];

function field(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per cell (cohort headline, then per period, repository, team). */
export function toCsv(report: TrustTaxReport): string {
  const rows = flatCells(report).map(({ section, key, cell: c }) =>
    [
      section,
      key,
      c.cohort,
      c.measure,
      c.n,
      c.authors,
      c.humanN,
      c.humanAuthors,
      c.observed,
      c.expected,
      c.tax,
      c.low,
      c.high,
      c.suppressed,
    ]
      .map(field)
      .join(','),
  );
  return `${[HEADER.join(','), ...rows].join('\n')}\n`;
}
