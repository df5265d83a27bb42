import { severityRank, type Verdict, verdictRank } from '../verdict.js';
import { cell } from './markdown.js';
import type { Report } from './model.js';

const ICON: Record<Verdict, string> = { safe: '✅', review: '🟡', unsafe: '⛔', error: '❗' };

// GitHub drops a step summary over 1 MiB whole; several gates can share one step, so each gets a share of it.
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export interface StepSummaryOptions {
  title: string;
  /** Lines under the heading (which policy decided, what the workflow overrode). */
  notes?: readonly string[];
  /** Where the whole report is, named when rows are left out. */
  reportPath?: string;
  maxBytes?: number;
}

/**
 * A scan's step summary that stays under `maxBytes` however many files were scanned: the heading and counts, then
 * every finding of the files that are not safe (worst first) while they fit, then counts for the rest.
 */
export function toStepSummary(report: Report, options: StepSummaryOptions): string {
  const max = options.maxBytes ?? STEP_SUMMARY_LIMIT / 2;
  const s = report.summary;
  const head = [
    `### ${options.title}: ${ICON[s.verdict]} ${s.verdict}${s.blocking ? ' (blocking)' : ''}`,
    '',
    ...(options.notes ?? []).flatMap((n) => [n, '']),
    `${s.files} files: ${s.safe} safe, ${s.review} review, ${s.unsafe} unsafe, ${s.error} error${s.incomplete ? `; ${s.incomplete} not fully analysed` : ''}`,
    '',
  ];
  const flagged = report.files
    .filter((f) => f.verdict !== 'safe' || f.findings.some((x) => x.severity !== 'info'))
    .sort((a, b) => verdictRank(b.verdict) - verdictRank(a.verdict));
  const rows: string[] = [];
  let findings = 0;
  for (const f of flagged) {
    const list = [...f.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    if (list.length === 0) rows.push(`| \`${cell(f.path)}\` | ${ICON[f.verdict]} ${f.verdict} | | | |`);
    for (const x of list)
      rows.push(
        `| \`${cell(x.location?.path ?? f.path)}\` | ${ICON[f.verdict]} ${f.verdict} | ${x.rule} | ${x.severity} | ${cell(x.message)} |`,
      );
    findings += Math.max(1, list.length);
  }
  const flaggedSet = new Set(flagged);
  const safeByFormat = new Map<string, number>();
  for (const f of report.files) if (!flaggedSet.has(f)) safeByFormat.set(f.format, (safeByFormat.get(f.format) ?? 0) + 1);
  const tail = safeByFormat.size
    ? [
        '',
        '| safe files by format | files |',
        '|---|---|',
        ...[...safeByFormat].sort((a, b) => b[1] - a[1]).map(([fmt, n]) => `| ${cell(fmt)} | ${n} |`),
      ]
    : [];
  const fixed = Buffer.byteLength([...head, ...tail].join('\n')) + 400;
  const table = rows.length ? ['| file | verdict | rule | severity | message |', '|---|---|---|---|---|'] : [];
  let used = Buffer.byteLength(table.join('\n')) + fixed;
  let shown = 0;
  for (const r of rows) {
    const bytes = Buffer.byteLength(r) + 1;
    if (used + bytes > max) break;
    table.push(r);
    used += bytes;
    shown++;
  }
  const more = rows.length - shown;
  const left =
    more > 0
      ? [
          '',
          `_${more} more rows of ${findings} (findings of ${flagged.length} files) are not shown here: see the JSON report${options.reportPath ? ` \`${cell(options.reportPath)}\`` : ''}._`,
        ]
      : [];
  return `${[...head, ...table, ...left, ...tail].join('\n')}\n`;
}
