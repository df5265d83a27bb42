import type { Policy } from '@trustgate/core';
import type { Classification, ClassifyPullRequest } from '../engines/types.js';
import type { RepoRef } from '../github/types.js';
import type { Handler, HandlerContext } from './context.js';

/** What the gates decided about one pull request in this delivery, and under which policy. */
export interface Gated {
  classification: Classification;
  policy: Policy;
}

/** The gates' classification of a pull request in this delivery; undefined when they had no usable policy. */
export type GatedLookup = (repo: RepoRef, number: number) => Gated | undefined;

/** A handler that runs after the gates of the same delivery and reuses what they read. */
export type AfterGates = (ctx: HandlerContext, gated: GatedLookup) => Promise<void>;

/**
 * Run the gates, then `after` on the same delivery. `after` sees the gates' classification and policy, so the
 * attribution engine runs and the policy is read once per delivery.
 */
export function gateThen(gate: Handler, after: AfterGates): Handler {
  return async (ctx) => {
    const seen = new Map<string, Promise<Gated>>();
    const key = (repo: RepoRef, number: number) => `${repo.owner}/${repo.repo}#${number}`;
    const classify: ClassifyPullRequest = (input) => {
      const k = key(input.repo, input.pr.number);
      let gated = seen.get(k);
      if (!gated) {
        gated = ctx.engines.classify(input).then((classification) => ({ classification, policy: input.policy }));
        seen.set(k, gated);
      }
      return gated.then((g) => g.classification);
    };
    await gate({ ...ctx, engines: { ...ctx.engines, classify } });
    const settled = new Map<string, Gated>();
    for (const [k, p] of seen) settled.set(k, await p);
    await after(ctx, (repo, number) => settled.get(key(repo, number)));
  };
}
