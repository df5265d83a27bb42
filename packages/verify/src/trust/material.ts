import type { KeyObject } from 'node:crypto';
import { X509Certificate } from '@sigstore/core';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { type TrustMaterial, toTrustMaterial, type VerifierOptions } from '@sigstore/verify';

/**
 * Pick the root whose certificate authorities issued the leaf (by issuer name): this is how GitHub's own instance
 * (private repositories: fulcio.githubapp.com, no transparency log) is told apart from public-good.
 */
export function selectRootForCertificate(roots: readonly TrustedRoot[], leaf: X509Certificate | undefined): TrustedRoot {
  const first = roots[0];
  if (first === undefined) throw new TypeError('no trusted roots');
  if (leaf === undefined || roots.length === 1) return first;
  for (const root of roots) {
    for (const ca of root.certificateAuthorities) {
      for (const c of ca.certChain?.certificates ?? []) {
        if (X509Certificate.parse(Buffer.from(c.rawBytes)).subject.equals(leaf.issuer)) return root;
      }
    }
  }
  return first;
}

/**
 * Trust material for one root. A managed key (`--key`) answers every key hint: the conformance protocol gives one
 * key and the bundle's hint is informational. Thresholds follow the root: an instance without transparency or CT
 * logs (GitHub's private one) cannot require their entries; a timestamp is still required.
 */
export function trustMaterialFor(
  root: TrustedRoot,
  key?: KeyObject,
  options: { requireLog?: boolean } = {},
): { material: TrustMaterial; options: VerifierOptions } {
  const material = key ? toTrustMaterial(root, () => ({ publicKey: key, validFor: () => true })) : toTrustMaterial(root);
  return {
    material,
    options: {
      tlogThreshold: root.tlogs.length > 0 && options.requireLog !== false ? 1 : 0,
      ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
      timestampThreshold: options.requireLog === false ? 0 : 1,
    },
  };
}
