import { z } from 'zod';

/** Who must have signed: a certificate identity (exact, or an anchored regexp) and an exact issuer. */
export const signerIdentitySchema = z
  .strictObject({
    identity: z.string().min(1).optional().describe('Certificate SAN, matched exactly.'),
    identityRegexp: z.string().min(1).optional().describe('Regexp for the SAN; trustgate anchors it with ^...$.'),
    issuer: z.string().url().describe('OIDC issuer, matched exactly.'),
    signerWorkflow: z
      .string()
      .min(1)
      .optional()
      .describe('owner/repo/.github/workflows/file.yml[@ref]; without @ref any ref of that exact file.'),
    sourceRepository: z.string().min(1).optional().describe('owner/repo (or its URL) the workflow ran in.'),
    sourceRepositoryOwner: z.string().min(1).optional().describe('owner (or its URL) of the repository the workflow ran in.'),
    sourceRepositoryId: z
      .string()
      .regex(/^\d+$/, 'a numeric repository id')
      .optional()
      .describe('Numeric id of that repository (Fulcio OID .15): survives renames, changes when the repository is re-created.'),
    sourceRepositoryOwnerId: z
      .string()
      .regex(/^\d+$/, 'a numeric owner id')
      .optional()
      .describe('Numeric id of its owner (Fulcio OID .17).'),
    signerDigest: z.string().min(1).optional().describe('Commit SHA of the signing workflow file (Fulcio OID .10).'),
    sourceRef: z.string().min(1).optional().describe('Git ref the workflow ran on, e.g. refs/heads/main.'),
    sourceDigest: z.string().min(1).optional().describe('Commit SHA the workflow ran on.'),
    runnerEnvironment: z
      .enum(['github-hosted', 'self-hosted', 'any'])
      .default('github-hosted')
      .describe('github-hosted denies self-hosted runners (GitHub Actions issuers only).'),
  })
  .refine((v) => (v.identity === undefined) !== (v.identityRegexp === undefined), {
    message: 'give exactly one of identity or identityRegexp',
  })
  // The same rule for schema/trustgate.schema.json (JSON Schema cannot run the refine above).
  .meta({ oneOf: [{ required: ['identity'] }, { required: ['identityRegexp'] }] });

export type SignerIdentity = z.infer<typeof signerIdentitySchema>;
