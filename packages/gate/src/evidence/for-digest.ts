import type { Digest } from '@trustgate/core';
import type { EvidenceItem, IgnoredEvidence } from './types.js';

/** Only evidence whose Statement names this exact digest counts; the rest is reported as about another artifact. */
export function evidenceForDigest(items: readonly EvidenceItem[], digest: Digest): { counted: EvidenceItem[]; ignored: IgnoredEvidence[] } {
  const counted: EvidenceItem[] = [];
  const ignored: IgnoredEvidence[] = [];
  for (const item of items) {
    if (namesDigest(item, digest)) counted.push(item);
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
