import { type Finding, type Verdict, worstVerdict } from '@trustgate/core';
import type { Analysis, ModelMetadata } from './analyser.js';
import { findingVerdict } from './rules.js';

/** An analysis whose verdict is the worst implied by its findings and by the verdicts of what it contains. */
export function conclude(format: string, findings: Finding[], nested: readonly Verdict[] = [], metadata?: ModelMetadata): Analysis {
  const verdict = worstVerdict([...findings.map(findingVerdict), ...nested]);
  const a: Analysis = { format, findings, verdict };
  if (metadata) a.metadata = metadata;
  return a;
}

/** Fold a nested member's analysis into its container's findings; members' own paths are kept. */
export function absorb(into: Finding[], nested: Analysis, memberPath: string): void {
  for (const f of nested.findings) {
    if (f.severity === 'info' && nested.verdict === 'safe') continue;
    into.push(f.location ? f : { ...f, location: { path: memberPath } });
  }
}
