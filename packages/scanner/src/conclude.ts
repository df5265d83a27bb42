import {
  type Completeness,
  combineVerdict,
  type Finding,
  type FindingVerdict,
  worstCompleteness,
  worstFindingVerdict,
} from '@trustgate/core/base';
import type { Analysis, ModelMetadata } from './analyser.js';
import { findingEffect } from './rules.js';

/** What a nested analysis contributes to its container: what it found and how much of it was read. */
export type Outcome = Pick<Analysis, 'findingVerdict' | 'completeness'>;

// Findings copied up from a member are judged through the member's outcome, not again as the container's own
// (an extra format's malformed-file finding is a gap in the member, not a finding of the archive).
const absorbed = new WeakSet<Finding>();

/** An Analysis from its two parts; `verdict` is their combination (docs/scanner.md, "Verdicts"). */
export function analysisFrom(
  format: string,
  findings: Finding[],
  findingVerdict: FindingVerdict,
  completeness: Completeness,
  metadata?: ModelMetadata,
): Analysis {
  const a: Analysis = { format, findings, verdict: combineVerdict(findingVerdict, completeness), findingVerdict, completeness };
  if (metadata) a.metadata = metadata;
  return a;
}

/**
 * An analysis whose finding verdict is the worst of its own findings and of what it contains, and whose
 * completeness is the least complete of its own gaps and its members' (a member that could not be read at all
 * leaves its container partly analysed). `floor` says the container itself could not be read (`failed`).
 */
export function conclude(
  format: string,
  findings: Finding[],
  nested: readonly Outcome[] = [],
  metadata?: ModelMetadata,
  floor: Completeness = 'complete',
): Analysis {
  const found: FindingVerdict[] = nested.map((n) => n.findingVerdict);
  const gaps: Completeness[] = [floor, ...nested.map((n) => (n.completeness === 'failed' ? 'partial' : n.completeness))];
  for (const f of findings) {
    if (absorbed.has(f)) continue;
    const effect = findingEffect(f);
    if (effect === 'partial' || effect === 'failed') gaps.push(effect);
    else found.push(effect);
  }
  return analysisFrom(format, findings, worstFindingVerdict(found), worstCompleteness(gaps), metadata);
}

/** Fold a nested member's analysis into its container's findings; members' own paths are kept. */
export function absorb(into: Finding[], nested: Analysis, memberPath: string): void {
  for (const f of nested.findings) {
    if (f.severity === 'info' && nested.verdict === 'safe') continue;
    const copy = f.location ? f : { ...f, location: { path: memberPath } };
    absorbed.add(copy);
    into.push(copy);
  }
}
