import type { TrustTaxReport } from '../trust-tax/report.js';
import { cellText } from './cells.js';
import { FLOW_HEADER, flowCells, referenceLine } from './flow.js';

/** A Markdown summary: cohorts by measure, then the composite by team. */
export function toMarkdown(report: TrustTaxReport): string {
  const out = [
    '## Trust tax',
    '',
    `${report.pullRequests} merged PRs as of ${report.asOf}; excess over human PRs of the same repository and size bucket, with 95% intervals.`,
    '',
    `| measure | ${report.cohorts.map((c) => `${c.cohort} (${c.prs} PRs)`).join(' | ')} |`,
    `|---|${report.cohorts.map(() => '---').join('|')}|`,
  ];
  const names = ['composite', ...report.measures];
  for (const name of names)
    out.push(
      `| ${name} | ${report.cohorts.map((c) => cellText(name === 'composite' ? c.composite : (c.measures.find((m) => m.measure === name) ?? c.composite))).join(' | ')} |`,
    );
  if (report.byTeam.length > 0) {
    out.push('', '### Composite by team', '', '| team | cohort | trust tax |', '|---|---|---|');
    for (const t of report.byTeam)
      for (const c of t.cells.filter((x) => x.measure === 'composite')) out.push(`| ${t.team} | ${c.cohort} | ${cellText(c)} |`);
  }
  if (report.flow.rows.length > 0) {
    out.push(
      '',
      `### Review flow beside published figures (${report.flow.note})`,
      '',
      `| ${FLOW_HEADER.join(' | ')} |`,
      `|${FLOW_HEADER.map(() => '---').join('|')}|`,
    );
    for (const r of report.flow.rows) out.push(`| ${flowCells(r).join(' | ')} |`);
    out.push('', ...report.flow.references.map((f) => `- ${referenceLine(f)}`));
  }
  if (report.gaps.length > 0) out.push('', `Ledger gaps: ${report.gaps.map((g) => `\`${g.repo}:${g.path}\``).join(', ')}`);
  return `${out.join('\n')}\n`;
}
