import { PREDICATE_TYPES, type SignerIdentity } from '@trustgate/core';
import { judgeIdentity, type SignerClaims } from '@trustgate/verify';
import { z } from 'zod';
import type { EvidenceItem } from '../evidence/types.js';
import { evidenceOfType, type Requirement, type RequirementContext, result } from './types.js';

// The verification Statement `trustgate verify-* --statement` emits; only a certificate signer can meet a signer list.
const verificationSchema = z.object({
  verified: z.literal(true),
  signer: z.object({
    kind: z.literal('certificate'),
    identity: z.string().min(1),
    issuer: z.string().optional(),
    sourceRepository: z.string().optional(),
    sourceRef: z.string().optional(),
    sourceDigest: z.string().optional(),
  }),
});

/**
 * `requires.signature`: an attestation of this digest verifies against one of the listed signers, or a
 * verification Statement (signed by an evidence signer) reports a signature by one of them.
 */
export const signatureRequirement: Requirement = (ctx) => {
  const rule = ctx.policy.requires.signature;
  if (rule === undefined) return [];
  const who = rule.signers.map((s) => s.identity ?? s.identityRegexp).join(', ');
  const signed = ctx.evidence.filter((e) => e.roles.includes('signature'));
  if (signed.length > 0) return [result('signature', 'met', `signed by ${signed[0]?.signer.identity ?? who}`, signed)];
  const reported = reportedSignatures(ctx, rule.signers);
  if (reported.length > 0) {
    return [
      result(
        'signature',
        'met',
        `verified signature by ${reported[0]?.identity} (${reported[0]?.item.origin})`,
        reported.map((r) => r.item),
      ),
    ];
  }
  return [result('signature', 'missing', `no attestation or verification result for this digest shows a signature by ${who}`)];
};

function reportedSignatures(ctx: RequirementContext, signers: readonly SignerIdentity[]): { item: EvidenceItem; identity: string }[] {
  return evidenceOfType(ctx, PREDICATE_TYPES.verification).flatMap((item) => {
    const parsed = verificationSchema.safeParse(item.statement.predicate);
    if (!parsed.success) return [];
    const s = parsed.data.signer;
    const claims: SignerClaims = { subjectAlternativeName: s.identity };
    if (s.issuer) claims.issuer = s.issuer;
    if (s.sourceRepository) claims.sourceRepositoryUri = s.sourceRepository;
    if (s.sourceRef) claims.sourceRepositoryRef = s.sourceRef;
    if (s.sourceDigest) claims.sourceRepositoryDigest = s.sourceDigest;
    try {
      judgeIdentity(signers, claims);
      return [{ item, identity: s.identity }];
    } catch {
      return [];
    }
  });
}
