import { buildStatement, PREDICATE_TYPES, type Statement, TRUSTGATE_VERSION } from '@trustgate/core';
import type { VerifiedSigner } from './bundle/verify.js';

/** What trustgate verified, as an in-toto Statement the promotion gate consumes as evidence. */
export interface VerificationPredicate {
  verifier: { name: 'trustgate'; version: string };
  kind: 'blob' | 'attestation' | 'model';
  verified: true;
  signer:
    | { kind: 'certificate'; identity: string; issuer?: string; sourceRepository?: string; sourceRef?: string; sourceDigest?: string }
    | { kind: 'key' };
  trustedRoot: string;
  /** Predicate type of the verified attestation (kind attestation). */
  attestationPredicateType?: string;
  verifiedAt: string;
}

export function verificationStatement(
  subject: { name: string; sha256: string },
  kind: VerificationPredicate['kind'],
  signer: VerifiedSigner,
  trustedRoot: string,
  extra: { attestationPredicateType?: string; now?: Date } = {},
): Statement<VerificationPredicate> {
  const predicate: VerificationPredicate = {
    verifier: { name: 'trustgate', version: TRUSTGATE_VERSION },
    kind,
    verified: true,
    signer: signerSummary(signer),
    trustedRoot,
    verifiedAt: (extra.now ?? new Date()).toISOString(),
  };
  if (extra.attestationPredicateType) predicate.attestationPredicateType = extra.attestationPredicateType;
  return buildStatement([{ name: subject.name, digest: { sha256: subject.sha256 } }], PREDICATE_TYPES.verification, predicate);
}

export function signerSummary(signer: VerifiedSigner): VerificationPredicate['signer'] {
  if (signer.kind === 'key') return { kind: 'key' };
  const c = signer.claims;
  const out: VerificationPredicate['signer'] = { kind: 'certificate', identity: c.subjectAlternativeName };
  if (c.issuer) out.issuer = c.issuer;
  if (c.sourceRepositoryUri) out.sourceRepository = c.sourceRepositoryUri;
  if (c.sourceRepositoryRef) out.sourceRef = c.sourceRepositoryRef;
  if (c.sourceRepositoryDigest) out.sourceDigest = c.sourceRepositoryDigest;
  return out;
}
