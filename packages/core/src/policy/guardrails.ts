import { z } from 'zod';

/** `guardrails:` — limits on what agents may open and link to. */
export const guardrailsPolicySchema = z
  .strictObject({
    agentPrsPerDay: z.number().int().min(0).optional(),
    initiatorPrsPerDay: z.number().int().min(0).optional(),
    allowedHosts: z.array(z.string().min(1)).default(['github.com']),
  })
  .describe('Agent guardrails.');

export type GuardrailsPolicy = z.infer<typeof guardrailsPolicySchema>;
