import { resolve } from 'node:path';
import { buildReport, combineVerdict, type FileResult, type Report, type ScanPolicy, worstFindingVerdict } from '@trustgate/core/base';
import { findModelReferences, type ReferenceScanOptions } from './scan.js';

/** Adds model-reference results to a scan's results: a file already scanned gets the findings, not a second row. */
export function mergeSourceResults(files: readonly FileResult[], references: readonly FileResult[]): FileResult[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const merged = [...files];
  for (const ref of references) {
    const existing = byPath.get(ref.path);
    if (existing === undefined) {
      merged.push(ref);
      continue;
    }
    const findingVerdict = worstFindingVerdict([existing.findingVerdict, ref.findingVerdict]);
    const combined = {
      ...existing,
      findings: [...existing.findings, ...ref.findings],
      findingVerdict,
      verdict: combineVerdict(findingVerdict, existing.completeness),
    };
    merged[merged.indexOf(existing)] = combined;
  }
  return merged;
}

/** A scan report with the model references under each PATH (`--sources`) merged in and summarised again. */
export async function withModelReferences(
  report: Report,
  paths: readonly string[],
  policy: ScanPolicy,
  cwd: string,
  options: ReferenceScanOptions = {},
): Promise<Report> {
  const shared = { ...options, scans: options.scans ?? new Map() };
  const references = (await Promise.all(paths.map((p) => findModelReferences(resolve(cwd, p), policy, p, shared)))).flat();
  return buildReport(mergeSourceResults(report.files, references), policy.failOn, report.tool);
}
