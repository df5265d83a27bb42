import { z } from 'zod';
import { signerIdentitySchema } from './identity.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'expected an ISO date, e.g. 2026-12-31');

// The requirement ids a decision lists; a waiver naming anything else would silently never apply.
const REQUIREMENT_ID =
  /^(scan|signature|provenance|tests|approvals|freshness|risk-tier(:(model-card|data-governance|human-approver))?|promotion:.+|rule:.+)$/;

export const waiverSchema = z.strictObject({
  requirement: z
    .string()
    .regex(
      REQUIREMENT_ID,
      'not a requirement id: use scan, signature, provenance, tests, approvals, freshness, risk-tier[:model-card|:data-governance|:human-approver], promotion:<environment> or rule:<rule id>',
    )
    .describe('Requirement id the waiver covers, e.g. "scan" or "rule:TG-PKL-010".'),
  reason: z.string().min(1),
  approver: z.string().min(1),
  expires: isoDate,
});

export const environmentPolicySchema = z.strictObject({
  requires: z
    .strictObject({
      scan: z
        .strictObject({
          // A file the scanner sent to review has not been cleared: promoting it takes an explicit `maxVerdict: review`.
          maxVerdict: z.enum(['safe', 'review']).default('safe'),
          maxSeverity: z.enum(['critical', 'high', 'medium', 'low', 'info']).optional(),
          waivableRules: z.array(z.string()).default([]),
        })
        .optional(),
      signature: z.strictObject({ signers: z.array(signerIdentitySchema).min(1) }).optional(),
      provenance: z
        .strictObject({
          workflows: z.array(z.string().min(1)).min(1).describe('Build workflows, owner/repo/.github/workflows/f.yml[@ref].'),
          sourceRepository: z
            .string()
            .regex(/^[^/\s]+\/[^/\s]+$/, 'owner/repo')
            .optional()
            .describe("owner/repo the build ran for; default each workflow's own repository (a shared builder elsewhere names it)."),
          sourceRepositoryId: z
            .string()
            .regex(/^\d+$/, 'a numeric repository id')
            .optional()
            .describe('Numeric id of that repository: survives renames, changes when the repository is re-created.'),
          selfHostedRunners: z
            .boolean()
            .default(false)
            .describe('Accept provenance from self-hosted runners (reported as SLSA build level 1, never 2).'),
        })
        .optional(),
      approvals: z
        .strictObject({
          count: z.number().int().min(1).default(1),
          teams: z.array(z.string()).default([]),
          users: z.array(z.string()).default([]),
        })
        .optional(),
      tests: z.boolean().optional(),
      promotedFrom: z.array(z.string().min(1)).optional().describe('Environments the same digest must have passed.'),
    })
    .default({}),
  maxEvidenceAgeDays: z.number().int().min(1).optional(),
  riskTier: z
    .strictObject({
      required: z.boolean().default(false),
      high: z
        .strictObject({
          modelCard: z.boolean().default(true),
          dataGovernance: z.boolean().default(true),
          namedApprovers: z.array(z.string().min(1)).default([]),
        })
        .optional(),
    })
    .optional(),
  evidenceSigners: z.array(signerIdentitySchema).default([]).describe('Who may sign evidence statements.'),
  waivers: z.array(waiverSchema).default([]),
});

/** `promotion:` — per environment, the evidence a digest needs before it may be deployed there. */
export const promotionPolicySchema = z
  .strictObject({
    environments: z.record(z.string().min(1), environmentPolicySchema).default({}),
    allowWithoutPolicy: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Environments that may be deployed to with no promotion policy (exact names). Any other environment without an entry under environments is rejected.',
      ),
  })
  .superRefine((policy, ctx) => {
    // An environment both gated and allowed without a policy would be ambiguous: refuse it rather than pick one.
    policy.allowWithoutPolicy.forEach((name, i) => {
      if (name in policy.environments) {
        ctx.addIssue({
          code: 'custom',
          path: ['allowWithoutPolicy', i],
          message: `"${name}" has a policy under promotion.environments; remove it from one of the two`,
        });
      }
    });
    // A promotion order naming an unknown environment (or itself) could never be met: say so at load time.
    for (const [name, env] of Object.entries(policy.environments)) {
      (env.requires.promotedFrom ?? []).forEach((before, i) => {
        const path = ['environments', name, 'requires', 'promotedFrom', i];
        if (before === name) ctx.addIssue({ code: 'custom', path, message: `environment "${name}" cannot require itself` });
        else if (!(before in policy.environments)) {
          ctx.addIssue({ code: 'custom', path, message: `"${before}" is not an environment under promotion.environments` });
        }
      });
    }
  })
  .describe('Promotion gate policy.');

export type PromotionPolicy = z.infer<typeof promotionPolicySchema>;
export type EnvironmentPolicy = z.infer<typeof environmentPolicySchema>;
export type Waiver = z.infer<typeof waiverSchema>;
