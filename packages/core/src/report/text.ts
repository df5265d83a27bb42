import type { FileResult, RemoteScan, Report } from './model.js';

/** How much of a file was analysed, when not all of it: `unsafe` with a partial analysis says both. */
export function gap(f: FileResult): string {
  return f.completeness === 'complete' ? '' : ` (analysis ${f.completeness}; findings ${f.findingVerdict})`;
}

/** What a scan before download cost: `fetched 1.2 MiB of 4.1 GiB in the repository (0.029 %), 12 file requests`. */
export function remoteLine(r: RemoteScan): string {
  const percent = r.bytesInRepository > 0 ? (100 * r.bytesFetched) / r.bytesInRepository : 0;
  const share = r.bytesInRepository > 0 ? ` (${percent >= 10 ? percent.toFixed(0) : percent.toPrecision(2)} %)` : '';
  return `${r.repository}@${r.commit} on ${r.endpoint}: fetched ${bytes(r.bytesFetched)} of ${bytes(r.bytesInRepository)} in the repository${share}, ${r.requests} file requests`;
}

function bytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v.toFixed(1)} ${units[u]} (${n} bytes)`;
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
  if (report.remote) out.push(remoteLine(report.remote));
  const s = report.summary;
  out.push(
    `${s.files} files: ${s.safe} safe, ${s.review} review, ${s.unsafe} unsafe, ${s.error} error, ${s.incomplete} not fully analysed -> ${s.verdict}${s.blocking ? ' (blocking)' : ''}`,
  );
  return `${out.join('\n')}\n`;
}
