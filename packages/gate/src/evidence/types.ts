import type { SignerIdentity, Statement } from '@trustgate/core';

/** One evidence document as found: a Sigstore bundle or a bare Statement, with where it came from. */
export interface RawEvidence {
  /** File path (with `:line` for JSONL) or API URL; what reports name. */
  origin: string;
  /** sha256 hex of the document's bytes, for the decision's inputAttestations. */
  sha256: string;
  document: unknown;
}

/** What a signer's certificate says, as the bundle verifier reports it. */
export interface SignerClaims {
  identity?: string;
  issuer?: string;
  [claim: string]: unknown;
}

export interface VerifiedAttestation {
  statement: Statement;
  signer: SignerClaims;
  /** The earliest time a verified SET or RFC 3161 token vouches for; never an unsigned field or the predicate's claim. */
  signedAt?: Date;
}

/**
 * Checks a Sigstore bundle against accepted signers and returns the Statement it signs; throws when the
 * bundle does not verify or no signer matches. Injected, so the decision runs the same with the real
 * verifier (packages/verify), a test kit, or the App's cached trust root.
 */
export type BundleVerifier = (bundle: unknown, signers: readonly SignerIdentity[]) => Promise<VerifiedAttestation>;

/**
 * Which signer list a piece of evidence verified against. `evidence`: the environment's evidenceSigners
 * (who may sign scan results, approvals, ...); `signature`: the artifact signers; `provenance`: the build
 * workflows.
 */
export type SignerRole = 'evidence' | 'signature' | 'provenance';

/** Evidence that verified: a signed Statement naming the subject. */
export interface EvidenceItem {
  origin: string;
  sha256: string;
  statement: Statement;
  predicateType: string;
  roles: readonly SignerRole[];
  signer: SignerClaims;
  /** ISO time the evidence was signed, from a verified SET or RFC 3161 token; absent if none vouches for one. */
  time?: string;
}

export type IgnoredKind = 'malformed' | 'unsigned' | 'unverifiable' | 'other-digest' | 'unknown-predicate' | 'duplicate';

/** Evidence that does not count, and why; every decision lists these. */
export interface IgnoredEvidence {
  origin: string;
  kind: IgnoredKind;
  reason: string;
  predicateType?: string;
}
