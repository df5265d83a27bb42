import { PREDICATE_TYPES } from '@trustgate/core';
import { z } from 'zod';
import { evidenceOfType, type Requirement, result } from './types.js';

const vsaSchema = z.object({ verificationResult: z.enum(['PASSED', 'FAILED']), environment: z.string(), ungated: z.boolean().optional() });

/** `requires.promotedFrom`: a passing trustgate decision (VSA) for the same digest in each earlier environment. */
export const promotionOrderRequirement: Requirement = (ctx) => {
  const before = ctx.policy.requires.promotedFrom ?? [];
  const summaries = evidenceOfType(ctx, PREDICATE_TYPES.vsa).flatMap((item) => {
    const parsed = vsaSchema.safeParse(item.statement.predicate);
    return parsed.success ? [{ item, ...parsed.data }] : [];
  });
  return before.map((env) => {
    const id = `promotion:${env}`;
    const forEnv = summaries.filter((s) => s.environment === env);
    // An ungated pass (allowWithoutPolicy) verified nothing, so it cannot stand in for passing that environment's gate.
    const passed = forEnv.filter((s) => s.verificationResult === 'PASSED' && s.ungated !== true);
    const ungated = forEnv.filter((s) => s.ungated === true);
    if (passed.length > 0)
      return result(
        id,
        'met',
        `passed ${env} for this digest`,
        passed.map((s) => s.item),
      );
    if (ungated.length > 0)
      return result(
        id,
        'failed',
        `${env} was passed ungated (promotion.allowWithoutPolicy), which proves nothing: gate ${env} with a policy`,
        ungated.map((s) => s.item),
      );
    if (forEnv.length > 0)
      return result(
        id,
        'failed',
        `the ${env} gate failed for this digest`,
        forEnv.map((s) => s.item),
      );
    return result(id, 'missing', `no passing ${env} decision for this digest: promote it to ${env} first`);
  });
};
