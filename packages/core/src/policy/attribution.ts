import { z } from 'zod';

/** Where on a pull request or commit a marker rule looks. Display names are never matched on their own. */
export const MARKER_FIELDS = [
  'author-email',
  'committer-email',
  'author-login',
  'committer-login',
  'name-suffix',
  'message',
  'subject',
  'trailer',
  'pr-author',
  'pr-body',
  'branch',
  'label',
  'pr-title',
  'author-name',
  'git-ai-note',
  'agent-trace',
] as const;

/**
 * What a match says. `mention` is reported but never decides a cohort: a text or display name that names an AI tool
 * (people are called Claude; prose mentions Devin), kept so the catalogue covers what weaker detectors flag.
 */
export const MARKER_TIERS = ['agent', 'assisted', 'bot', 'mention'] as const;

export const markerRuleSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'rule ids are letters, digits, dots, dashes and underscores'),
  tool: z.string().min(1).describe('The AI tool, e.g. "Claude Code".'),
  agent: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .describe('Short stable key reported as `agent`, e.g. "claude-code".'),
  tier: z
    .enum(MARKER_TIERS)
    .describe(
      'What a match says: an agent authored it, AI assisted a human, a dependency bot, or only a mention (reported, never decides).',
    ),
  on: z.enum(MARKER_FIELDS),
  trailer: z.string().min(1).optional().describe('Trailer key (case-insensitive) when `on` is "trailer".'),
  pattern: z
    .string()
    .min(1)
    .describe(
      'Regular expression, case-insensitive; anchored to the whole value except on pr-body, pr-title, message, subject and name-suffix. Named groups `agent`, `model` and `context` are reported.',
    ),
  evidence: z.enum(['documented', 'observed', 'inferred']).default('documented').describe('How the pattern is known.'),
  source: z.string().min(1).describe('Where the pattern is documented or observed.'),
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
export type MarkerRuleInput = z.input<typeof markerRuleSchema>;
export type MarkerField = (typeof MARKER_FIELDS)[number];
export type MarkerTier = (typeof MARKER_TIERS)[number];
