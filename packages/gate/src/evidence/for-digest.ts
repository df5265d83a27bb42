import type { Digest } from '@trustgate/core';
import { KNOWN_PREDICATES } from '../predicates.js';
import type { EvidenceItem, IgnoredEvidence } from './types.js';

/**
 * Only evidence whose Statement names this exact digest and whose predicate type the gate reads counts; the rest is
 * reported (about another artifact, or of a type no requirement reads: it must not weigh on freshness or be listed
 * as an input of the decision).
 */
export function evidenceForDigest(items: readonly EvidenceItem[], digest: Digest): { counted: EvidenceItem[]; ignored: IgnoredEvidence[] } {
  const counted: EvidenceItem[] = [];
  const ignored: IgnoredEvidence[] = [];
  for (const item of items) {
    if (!(item.predicateType in KNOWN_PREDICATES)) {
      ignored.push({
        origin: item.origin,
        kind: 'unknown-predicate',
        predicateType: item.predicateType,
        reason: `no requirement reads predicate type ${item.predicateType}`,
      });
    } else if (namesDigest(item, digest)) counted.push(item);
    else {
      const named = item.statement.subject.flatMap((s) => Object.entries(s.digest).map(([a, h]) => `${a}:${h}`));
      ignored.push({
        origin: item.origin,
        kind: 'other-digest',
        predicateType: item.predicateType,
        reason: `it is about ${named.join(', ')}, not ${digest.algorithm}:${digest.hex}`,
      });
    }
  }
  return { counted, ignored };
}

function namesDigest(item: EvidenceItem, digest: Digest): boolean {
  return item.statement.subject.some(
    (s) => typeof s.digest[digest.algorithm] === 'string' && s.digest[digest.algorithm]?.toLowerCase() === digest.hex,
  );
}
