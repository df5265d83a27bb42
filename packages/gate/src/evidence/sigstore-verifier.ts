import { type LoadedTrustedRoots, loadTrustedRoots, type TrustedRootInput, verifyAttestationBundle } from '@trustgate/verify';
import type { BundleVerifier } from './types.js';

/**
 * The production verifier: packages/verify checks the bundle (certificate chain, transparency log,
 * signature, identity policy) against the trusted root; any predicate type is accepted here because each
 * requirement picks its own. The trusted root is parsed once and shared by every bundle of a decision.
 */
export function sigstoreVerifier(trustedRoot?: TrustedRootInput | LoadedTrustedRoots): BundleVerifier {
  const roots = isLoaded(trustedRoot) ? trustedRoot : loadTrustedRoots(trustedRoot);
  return async (bundle, signers) => {
    const verified = await verifyAttestationBundle(bundle, { signers, predicateType: null, trustedRoot: roots });
    const { subjectAlternativeName, ...claims } = verified.signer;
    // Only a time the verifier checked (a SET or an RFC 3161 token), never the bundle's unsigned integratedTime.
    return {
      statement: verified.statement,
      signer: { identity: subjectAlternativeName, ...claims },
      ...(verified.signedAt ? { signedAt: verified.signedAt } : {}),
    };
  };
}

function isLoaded(value: unknown): value is LoadedTrustedRoots {
  return typeof value === 'object' && value !== null && 'roots' in value && 'source' in value;
}
