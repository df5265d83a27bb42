import { z } from 'zod';

export const markerRuleSchema = z.strictObject({
  id: z.string().min(1),
  tool: z.string().min(1),
  tier: z.enum(['agent', 'assisted']),
  on: z.enum(['author-email', 'committer-email', 'author-login', 'trailer', 'pr-body', 'branch', 'label', 'bot-login']),
  pattern: z.string().min(1).describe('Regular expression, matched case-insensitively and anchored where the field is an identifier.'),
  source: z.string().optional().describe('Where the pattern is documented.'),
});

/** `attribution:` — how AI-written changes are recognised and labelled. */
export const attributionPolicySchema = z
  .strictObject({
    requireDisclosure: z.boolean().default(false).describe('When true, a change with no AI marker is "human"; otherwise it is "unknown".'),
    rules: z.array(markerRuleSchema).default([]).describe('Repository-specific marker rules, added to the built-in ones.'),
    labels: z
      .strictObject({ agent: z.string().default('ai:agent'), assisted: z.string().default('ai:assisted') })
      .default({ agent: 'ai:agent', assisted: 'ai:assisted' }),
  })
  .describe('AI-code tagging policy.');

export type AttributionPolicy = z.infer<typeof attributionPolicySchema>;
export type MarkerRule = z.infer<typeof markerRuleSchema>;
