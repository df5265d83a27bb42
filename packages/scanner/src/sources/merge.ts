import { type FileResult, worstVerdict } from '@trustgate/core';

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
    const combined = {
      ...existing,
      findings: [...existing.findings, ...ref.findings],
      verdict: worstVerdict([existing.verdict, ref.verdict]),
    };
    merged[merged.indexOf(existing)] = combined;
  }
  return merged;
}
