import { parseBundle } from './bundle/load.js';
import { type SignerPolicy, type VerifiedBundle, verifyBundle } from './bundle/verify.js';
import type { Artifact } from './digest.js';
import { loadTrustedRoots, type LoadedTrustedRoots, type TrustedRootInput } from './trust/root.js';

export interface VerifyBlobOptions {
  artifact: Artifact;
  policy: SignerPolicy;
  /** Parsed roots, or what the user gave (JSON text / object); absent = bundled public-good. */
  trustedRoot?: TrustedRootInput | LoadedTrustedRoots;
  source?: string;
}

/** Verify a Sigstore bundle over a blob (file bytes or `sha256:` digest): `cosign verify-blob` with an anchored identity. */
export function verifyBlob(bundleJson: unknown, options: VerifyBlobOptions): VerifiedBundle {
  const bundle = parseBundle(bundleJson, options.source ?? 'bundle');
  return verifyBundle(bundle, { artifact: options.artifact, policy: options.policy, roots: resolveRoots(options.trustedRoot) });
}

export function resolveRoots(input: TrustedRootInput | LoadedTrustedRoots | undefined): LoadedTrustedRoots {
  if (
    input !== undefined &&
    typeof input === 'object' &&
    'roots' in input &&
    'source' in input &&
    Array.isArray((input as LoadedTrustedRoots).roots)
  ) {
    return input as LoadedTrustedRoots;
  }
  return loadTrustedRoots(input as TrustedRootInput | undefined);
}
