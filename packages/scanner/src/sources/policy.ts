import type { ModelReference } from './references.js';

export interface SourcesPolicy {
  allow: readonly string[];
  block: readonly string[];
}

export type SourceDecision = 'allowed' | 'blocked' | 'unlisted';

/** Whether one policy entry covers a reference: `*`, a host (`models.example.com`), `org/*`, `org/name`, or a legacy bare name (`gpt2`). */
function covers(entry: string, ref: ModelReference): boolean {
  const e = entry.toLowerCase();
  if (e === '*') return true;
  if (!e.includes('/') && e.includes('.')) return e === ref.host || (ref.kind === 'url' && ref.host.endsWith(`.${e}`));
  if (ref.kind !== 'huggingface') return false;
  const id = ref.id.toLowerCase();
  return e.endsWith('/*') ? id.startsWith(e.slice(0, -1)) : id === e;
}

/** Block wins over allow; a reference no entry covers is unlisted, which the policy treats as not allowed. */
export function judgeReference(ref: ModelReference, policy: SourcesPolicy): SourceDecision {
  if (policy.block.some((e) => covers(e, ref))) return 'blocked';
  return policy.allow.some((e) => covers(e, ref)) ? 'allowed' : 'unlisted';
}
