import { z } from 'zod';
import { signerIdentitySchema } from './identity.js';

/** `verify:` — default signer identities and trust roots for signature checks. */
export const verifyPolicySchema = z
  .strictObject({
    identities: z.array(signerIdentitySchema).default([]).describe('Accepted signers; any one of them suffices.'),
    trustedRoot: z.string().min(1).optional().describe('Path to a trusted_root.json; default: bundled public-good.'),
  })
  .describe('Signature verification policy.');

export type VerifyPolicy = z.infer<typeof verifyPolicySchema>;
