import { type Requirement, result } from './types.js';

/** `requires.signature`: some attestation of this digest verifies against one of the listed artifact signers. */
export const signatureRequirement: Requirement = (ctx) => {
  const rule = ctx.policy.requires.signature;
  if (rule === undefined) return [];
  const signed = ctx.evidence.filter((e) => e.roles.includes('signature'));
  const who = rule.signers.map((s) => s.identity ?? s.identityRegexp).join(', ');
  if (signed.length === 0) return [result('signature', 'missing', `no attestation of this digest verifies against the signers ${who}`)];
  return [result('signature', 'met', `signed by ${signed[0]?.signer.identity ?? 'an accepted signer'} (accepted: ${who})`, signed)];
};
