import { z } from 'zod';

/** Who must have signed: a certificate identity (exact, or an anchored regexp) and an exact issuer. */
export const signerIdentitySchema = z
  .strictObject({
    identity: z.string().min(1).optional().describe('Certificate SAN, matched exactly.'),
    identityRegexp: z.string().min(1).optional().describe('Regexp for the SAN; trustgate anchors it with ^...$.'),
    issuer: z.string().url().describe('OIDC issuer, matched exactly.'),
    signerWorkflow: z.string().min(1).optional().describe('owner/repo/.github/workflows/file.yml[@ref]'),
    sourceRepository: z.string().min(1).optional(),
    sourceRef: z.string().min(1).optional(),
    runnerEnvironment: z.enum(['github-hosted', 'self-hosted', 'any']).default('github-hosted'),
  })
  .refine((v) => (v.identity === undefined) !== (v.identityRegexp === undefined), {
    message: 'give exactly one of identity or identityRegexp',
  });

export type SignerIdentity = z.infer<typeof signerIdentitySchema>;
