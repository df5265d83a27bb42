import { z } from 'zod';

/** `metrics:` — trust-tax measurement settings. */
export const metricsPolicySchema = z
  .strictObject({
    churnDays: z.array(z.number().int().min(1)).default([14, 30, 90]),
    perPerson: z.boolean().default(false).describe('Per-person views; off by default (aggregate by team).'),
    minCellPrs: z.number().int().min(1).default(20),
    minCellAuthors: z.number().int().min(1).default(5),
    aiReviewers: z.array(z.string()).default([]).describe('Extra AI reviewer logins whose reviews never count (bots always excluded).'),
    bootstrap: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(200)
      .describe('0 turns the 95% intervals off; otherwise the bootstrap resamples for the cells without a closed-form interval.'),
    teams: z
      .array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'a team is named org/team-slug'))
      .default([])
      .describe(
        'org/team slugs to break the trust tax down by: a pull request counts for the first listed team its author (for an agent change, its initiator) belongs to; otherwise `unassigned`.',
      ),
    bugLabels: z
      .array(z.string().min(1))
      .default(['bug'])
      .describe('Labels (any case) that make an issue a bug: a pull request closing one is a fix in the follow-up counts.'),
  })
  .describe('Trust-tax metrics.');

export type MetricsPolicy = z.infer<typeof metricsPolicySchema>;
