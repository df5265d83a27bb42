import type { FileResult, Report } from './model.js';

/** How much of a file was analysed, when not all of it: `unsafe` with a partial analysis says both. */
export function gap(f: FileResult): string {
  return f.completeness === 'complete' ? '' : ` (analysis ${f.completeness}; findings ${f.findingVerdict})`;
}

/** Plain text for terminals and CI logs: one line per file, indented findings. */
export function toText(report: Report): string {
  const out: string[] = [];
  for (const f of report.files) {
    out.push(`${f.verdict.toUpperCase().padEnd(6)} ${f.path} [${f.format}]${gap(f)}`);
    for (const x of f.findings) {
      const where = x.location?.path && x.location.path !== f.path ? ` in ${x.location.path}` : '';
      const at = x.location?.offset !== undefined ? ` @${x.location.offset}` : x.location?.line !== undefined ? `:${x.location.line}` : '';
      out.push(`       ${x.severity.padEnd(8)} ${x.rule} ${x.message}${where}${at}`);
    }
  }
  const s = report.summary;
  out.push(
    `${s.files} files: ${s.safe} safe, ${s.review} review, ${s.unsafe} unsafe, ${s.error} error, ${s.incomplete} not fully analysed -> ${s.verdict}${s.blocking ? ' (blocking)' : ''}`,
  );
  return `${out.join('\n')}\n`;
}
