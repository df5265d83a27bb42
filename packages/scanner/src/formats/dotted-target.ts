import type { ScanPolicy } from '@trustgate/core/base';
import { type GlobalJudgement, judgeGlobal } from '../pickle/globals-policy.js';
import { globalsPolicy } from './policy.js';

/**
 * A dotted Python path a loader imports by name (a Hydra `_target_`, a skops type, a TorchServe handler): judged
 * like the pickle global it amounts to, with `trusted` names passing as safe (`pkg.` a prefix: the framework's own packages; otherwise exact).
 */
export function judgeDotted(path: string, policy: ScanPolicy, trusted: readonly string[] = []): GlobalJudgement {
  const dot = path.lastIndexOf('.');
  if (dot <= 0) return { verdict: 'review', reason: `"${path}" is not a module path` };
  const judged = judgeGlobal(path.slice(0, dot), path.slice(dot + 1), globalsPolicy(policy));
  if (judged.verdict === 'review' && trusted.some((t) => (t.endsWith('.') ? path.startsWith(t) : path === t)))
    return { verdict: 'safe', reason: 'a framework class' };
  return judged;
}
