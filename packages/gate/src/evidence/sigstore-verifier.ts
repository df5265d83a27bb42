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
    const signedAt = integratedTime(bundle);
    return {
      statement: verified.statement,
      signer: { identity: subjectAlternativeName, ...claims },
      ...(signedAt ? { signedAt } : {}),
    };
  };
}

function isLoaded(value: unknown): value is LoadedTrustedRoots {
  return typeof value === 'object' && value !== null && 'roots' in value && 'source' in value;
}

/** The transparency log's time of the (already verified) entry: when the evidence was signed. */
function integratedTime(bundle: unknown): Date | undefined {
  const entries = (bundle as { verificationMaterial?: { tlogEntries?: unknown } }).verificationMaterial?.tlogEntries;
  if (!Array.isArray(entries)) return undefined;
  const seconds = Number((entries[0] as { integratedTime?: unknown } | undefined)?.integratedTime);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}
