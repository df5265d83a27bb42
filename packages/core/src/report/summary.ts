import { worstVerdict, type Verdict } from '../verdict.js';
import type { FileResult, Report, ReportSummary } from './model.js';

export function summarise(files: readonly FileResult[], failOn: readonly Verdict[]): ReportSummary {
  const counts = { safe: 0, review: 0, unsafe: 0, error: 0 };
  for (const f of files) counts[f.verdict]++;
  const verdict = worstVerdict(files.map((f) => f.verdict));
  return { files: files.length, ...counts, verdict, blocking: files.some((f) => failOn.includes(f.verdict)) };
}

export function buildReport(files: FileResult[], failOn: readonly Verdict[], tool: Report['tool']): Report {
  return { version: 1, tool, files, summary: summarise(files, failOn) };
}
