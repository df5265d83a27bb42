import { z } from 'zod';
import { agentsPolicySchema } from './agents.js';
import { attributionPolicySchema } from './attribution.js';
import { guardrailsPolicySchema } from './guardrails.js';
import { metricsPolicySchema } from './metrics.js';
import { promotionPolicySchema } from './promotion.js';
import { reviewPolicySchema } from './review.js';
import { scanPolicySchema } from './scan.js';
import { verifyPolicySchema } from './verify.js';

/** The whole `.github/trustgate.yml`. Every section is optional and defaults to the safe behaviour. */
export const policySchema = z
  .strictObject({
    version: z.literal(1).describe('Schema version; always 1.'),
    scan: scanPolicySchema.default(() => scanPolicySchema.parse({})),
    verify: verifyPolicySchema.default(() => verifyPolicySchema.parse({})),
    promotion: promotionPolicySchema.default(() => promotionPolicySchema.parse({})),
    attribution: attributionPolicySchema.default(() => attributionPolicySchema.parse({})),
    review: reviewPolicySchema.default(() => reviewPolicySchema.parse({})),
    guardrails: guardrailsPolicySchema.default(() => guardrailsPolicySchema.parse({})),
    metrics: metricsPolicySchema.default(() => metricsPolicySchema.parse({})),
    agents: agentsPolicySchema.default(() => agentsPolicySchema.parse({})),
  })
  .describe('trustgate policy (.github/trustgate.yml)');

export type Policy = z.infer<typeof policySchema>;

export function defaultPolicy(): Policy {
  return policySchema.parse({ version: 1 });
}

export * from './agents.js';
export * from './attribution.js';
export * from './guardrails.js';
export * from './identity.js';
export * from './metrics.js';
export * from './promotion.js';
export * from './review.js';
export * from './scan.js';
export * from './verify.js';
