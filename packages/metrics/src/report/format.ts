import type { TrustTaxReport } from '../trust-tax/report.js';
import { toCsv } from './csv.js';
import { toMarkdown } from './markdown.js';
import { toTable } from './table.js';

export type ReportFormat = 'table' | 'json' | 'csv' | 'markdown';
export const REPORT_FORMATS: readonly ReportFormat[] = ['table', 'json', 'csv', 'markdown'];

export function formatTrustTaxReport(report: TrustTaxReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return toCsv(report);
    case 'markdown':
      return toMarkdown(report);
    default:
      return toTable(report);
  }
}
