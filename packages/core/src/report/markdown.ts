import type { Verdict } from '../verdict.js';
import type { Report } from './model.js';
import { gap, remoteLine } from './text.js';

const ICON: Record<Verdict, string> = { safe: '✅', review: '🟡', unsafe: '⛔', error: '❗' };

/** Escape text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A step-summary table: one row per file, then the findings of the files that are not safe. */
export function toMarkdown(report: Report, title = 'trustgate scan'): string {
  const s = report.summary;
  const lines = [
    `### ${title}: ${ICON[s.verdict]} ${s.verdict}${s.blocking ? ' (blocking)' : ''}`,
    '',
    `${s.files} files: ${s.safe} safe, ${s.review} review, ${s.unsafe} unsafe, ${s.error} error; ${s.incomplete} not fully analysed`,
    '',
    ...(report.remote ? [cell(remoteLine(report.remote)), ''] : []),
    '| file | format | verdict | findings |',
    '|---|---|---|---|',
    ...report.files.map(
      (f) => `| \`${cell(f.path)}\` | ${cell(f.format)} | ${ICON[f.verdict]} ${f.verdict}${cell(gap(f))} | ${f.findings.length} |`,
    ),
  ];
  const flagged = report.files.filter((f) => f.findings.length > 0);
  if (flagged.length > 0) {
    lines.push('', '| file | rule | severity | message |', '|---|---|---|---|');
    for (const f of flagged) {
      for (const x of f.findings)
        lines.push(`| \`${cell(x.location?.path ?? f.path)}\` | ${x.rule} | ${x.severity} | ${cell(x.message)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
