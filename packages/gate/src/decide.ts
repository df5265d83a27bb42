import { type Digest, type EnvironmentPolicy, formatDigest, type Waiver } from '@trustgate/core';
import { evidenceForDigest } from './evidence/for-digest.js';
import type { EvidenceItem, IgnoredEvidence, SignerClaims } from './evidence/types.js';
import { REQUIREMENTS, type RequirementResult } from './requirements/index.js';
import { isActive } from './requirements/waivers.js';

export interface DecisionInput {
  environment: string;
  policy: EnvironmentPolicy;
  subject: Digest;
  subjectName?: string;
  /** Verified evidence, for any digest: only the subject's counts. */
  evidence: readonly EvidenceItem[];
  /** Evidence already rejected while loading or verifying (reported, not counted). */
  ignored?: readonly IgnoredEvidence[];
  now: Date;
}

export interface WaiverRecord extends Waiver {
  status: 'applied' | 'expired' | 'unused';
}

export interface CountedEvidence {
  origin: string;
  sha256: string;
  predicateType: string;
  signer: SignerClaims;
  time?: string;
}

export interface Decision {
  version: 1;
  environment: string;
  subject: { digest: string; name?: string };
  decision: 'pass' | 'fail';
  decidedAt: string;
  requirements: RequirementResult[];
  waivers: WaiverRecord[];
  evidence: { counted: CountedEvidence[]; ignored: IgnoredEvidence[] };
  /** Set when promotion.allowWithoutPolicy let the environment through with no gate: why (nothing was verified). */
  ungated?: string;
}

/**
 * The promotion decision, pure: the environment's policy over the verified evidence for one digest at
 * one instant. Passes only when every requirement is met or waived by an unexpired waiver.
 */
export function decide(input: DecisionInput): Decision {
  const { counted, ignored } = evidenceForDigest(input.evidence, input.subject);
  const waivers = input.policy.waivers;
  const active = (id: string) => waivers.find((w) => w.requirement === id && isActive(w, input.now));
  const ctx = {
    environment: input.environment,
    policy: input.policy,
    subject: input.subject,
    evidence: counted,
    now: input.now,
    waiverFor: active,
  };
  const requirements = REQUIREMENTS.flatMap((r) => r(ctx)).map((r) => applyWaiver(r, waivers, input.now));
  const used = new Set(requirements.filter((r) => r.status === 'waived').map((r) => r.waiver));
  const pass = requirements.every((r) => r.status === 'met' || r.status === 'waived');
  return {
    version: 1,
    environment: input.environment,
    subject: { digest: formatDigest(input.subject), ...(input.subjectName ? { name: input.subjectName } : {}) },
    decision: pass ? 'pass' : 'fail',
    decidedAt: input.now.toISOString(),
    requirements,
    waivers: waivers.map((w) => ({ ...w, status: used.has(w) ? 'applied' : isActive(w, input.now) ? 'unused' : 'expired' })),
    evidence: {
      counted: counted.map((e) => ({
        origin: e.origin,
        sha256: e.sha256,
        predicateType: e.predicateType,
        signer: e.signer,
        ...(e.time ? { time: e.time } : {}),
      })),
      ignored: [...(input.ignored ?? []), ...ignored],
    },
  };
}

function applyWaiver(r: RequirementResult, waivers: readonly Waiver[], now: Date): RequirementResult {
  if (r.status === 'met' || r.status === 'waived') return r;
  const mine = waivers.filter((w) => w.requirement === r.id);
  const live = mine.find((w) => isActive(w, now));
  if (live && r.waivable !== false) {
    return {
      ...r,
      status: 'waived',
      waiver: live,
      reason: `${r.reason}; waived by ${live.approver} until ${live.expires}: ${live.reason}`,
    };
  }
  if (live) return { ...r, reason: `${r.reason}; waiver by ${live.approver} ignored: this requirement cannot be waived` };
  const expired = mine[0];
  if (expired) return { ...r, reason: `${r.reason}; the waiver by ${expired.approver} expired on ${expired.expires}` };
  return r;
}
