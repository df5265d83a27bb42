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
    const seen = new Map<string, Gated>();
    const key = (repo: RepoRef, number: number) => `${repo.owner}/${repo.repo}#${number}`;
    const classify: ClassifyPullRequest = async (input) => {
      const classification = await ctx.engines.classify(input);
      seen.set(key(input.repo, input.pr.number), { classification, policy: input.policy });
      return classification;
    };
    await gate({ ...ctx, engines: { ...ctx.engines, classify } });
    await after(ctx, (repo, number) => seen.get(key(repo, number)));
  };
}
