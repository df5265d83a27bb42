import type { SignerIdentity } from '@trustgate/core';
import type { SignerPolicy } from './bundle/verify.js';
import { VerifyError } from './errors.js';
import { parsePublicKey } from './key.js';

/** The identity flags every face offers (`--certificate-identity[-regexp]`, `--certificate-oidc-issuer`, `--key`). */
export interface SignerFlags {
  identity?: string;
  identityRegexp?: string;
  issuer?: string;
  /** PEM text of a managed public key, and where it came from. */
  keyPem?: string;
  keySource?: string;
}

/** Turn the flags into a policy: exactly one of an identity (with issuer) or a key; neither is a refusal. */
export function signerPolicyFrom(flags: SignerFlags): SignerPolicy {
  const { identity, identityRegexp, issuer } = flags;
  if (flags.keyPem !== undefined) {
    if (identity || identityRegexp) throw new VerifyError('POLICY_MISSING', 'give either a key or a certificate identity, not both');
    return { key: parsePublicKey(flags.keyPem, flags.keySource ?? 'key') };
  }
  if (!issuer || !identity === !identityRegexp) {
    throw new VerifyError(
      'POLICY_MISSING',
      'say who must have signed: --certificate-identity ID (or --certificate-identity-regexp RE) with --certificate-oidc-issuer URL, or --key PEM',
    );
  }
  const signer: SignerIdentity = { issuer, runnerEnvironment: 'any' };
  if (identity) signer.identity = identity;
  else signer.identityRegexp = identityRegexp;
  return { signers: [signer] };
}
