import type { Report } from './model.js';

/** Plain text for terminals and CI logs: one line per file, indented findings. */
export function toText(report: Report): string {
  const out: string[] = [];
  for (const f of report.files) {
    out.push(`${f.verdict.toUpperCase().padEnd(6)} ${f.path} [${f.format}]`);
    for (const x of f.findings) {
      const where = x.location?.path && x.location.path !== f.path ? ` in ${x.location.path}` : '';
      const at = x.location?.offset !== undefined ? ` @${x.location.offset}` : x.location?.line !== undefined ? `:${x.location.line}` : '';
      out.push(`       ${x.severity.padEnd(8)} ${x.rule} ${x.message}${where}${at}`);
    }
  }
  const s = report.summary;
  out.push(
    `${s.files} files: ${s.safe} safe, ${s.review} review, ${s.unsafe} unsafe, ${s.error} error -> ${s.verdict}${s.blocking ? ' (blocking)' : ''}`,
  );
  return `${out.join('\n')}\n`;
}
