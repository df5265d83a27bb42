import { blocksFile, type Verdict, worstCompleteness, worstFindingVerdict, worstVerdict } from '../verdict.js';
import type { FileResult, Report, ReportSummary } from './model.js';

export function summarise(files: readonly FileResult[], failOn: readonly Verdict[]): ReportSummary {
  const counts = { safe: 0, review: 0, unsafe: 0, error: 0 };
  for (const f of files) counts[f.verdict]++;
  return {
    files: files.length,
    ...counts,
    incomplete: files.filter((f) => f.completeness !== 'complete').length,
    verdict: worstVerdict(files.map((f) => f.verdict)),
    findingVerdict: worstFindingVerdict(files.map((f) => f.findingVerdict)),
    completeness: worstCompleteness(files.map((f) => f.completeness)),
    blocking: files.some((f) => blocksFile(f, failOn)),
  };
}

export function buildReport(files: FileResult[], failOn: readonly Verdict[], tool: Report['tool']): Report {
  return { version: 1, tool, files, summary: summarise(files, failOn) };
}
