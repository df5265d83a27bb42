import type { TrustTaxReport } from '../trust-tax/report.js';

export interface GaugeSample {
  name: string;
  help: string;
  labels: Record<string, string>;
  value: number;
}

/** Headline numbers as Prometheus gauge samples (suppressed or undefined cells are left out, never zero). */
export function trustTaxGauges(report: TrustTaxReport): GaugeSample[] {
  const out: GaugeSample[] = [];
  for (const c of report.cohorts) {
    out.push({ name: 'trustgate_trust_tax_prs', help: 'Merged PRs in the report, by cohort.', labels: { cohort: c.cohort }, value: c.prs });
    for (const cell of [c.composite, ...c.measures]) {
      if (cell.suppressed || cell.tax === null) continue;
      const labels = { cohort: c.cohort, measure: cell.measure };
      out.push({ name: 'trustgate_trust_tax', help: 'Trust tax: relative excess over comparable human PRs.', labels, value: cell.tax });
      if (cell.low !== null)
        out.push({ name: 'trustgate_trust_tax_low', help: 'Lower bound of the 95% interval.', labels, value: cell.low });
      if (cell.high !== null)
        out.push({ name: 'trustgate_trust_tax_high', help: 'Upper bound of the 95% interval.', labels, value: cell.high });
    }
  }
  out.push({
    name: 'trustgate_trust_tax_ledger_gaps',
    help: 'Files whose patch GitHub omitted (lines dropped from the ledger).',
    labels: {},
    value: report.gaps.length,
  });
  return out;
}
