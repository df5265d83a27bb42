import { z } from 'zod';

export const architectureReviewRuleSchema = z.strictObject({
  name: z.string().min(1),
  paths: z.array(z.string().min(1)).min(1).describe('Glob patterns of changed files the rule covers.'),
  teams: z.array(z.string().min(1)).default([]).describe('org/team slugs whose members may approve.'),
  users: z.array(z.string().min(1)).default([]),
  count: z.number().int().min(1).default(1),
});

/** `review:` — architecture review required on AI-tagged pull requests. */
export const reviewPolicySchema = z
  .strictObject({
    cohorts: z.array(z.enum(['agent', 'assisted', 'unknown', 'human'])).default(['agent', 'assisted']),
    rules: z.array(architectureReviewRuleSchema).default([]),
    useCodeowners: z.boolean().default(false),
    overrideTeams: z.array(z.string().min(1)).default([]),
    unknownInitiatorApprovals: z
      .number()
      .int()
      .min(0)
      .default(1)
      .describe('Extra approvals every rule needs when an agent change has an unknown initiator (no GitHub account could be resolved).'),
  })
  .describe('Architecture review on AI-tagged pull requests.');

export type ReviewPolicy = z.infer<typeof reviewPolicySchema>;
export type ArchitectureReviewRule = z.infer<typeof architectureReviewRuleSchema>;
