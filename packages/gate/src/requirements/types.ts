import type { Digest, EnvironmentPolicy, Waiver } from '@trustgate/core';
import type { EvidenceItem, SignerRole } from '../evidence/types.js';

export type RequirementStatus = 'met' | 'missing' | 'failed' | 'waived';

/** One line of a decision: what was required, whether it holds, and why. */
export interface RequirementResult {
  /** Stable id, also what a waiver names: `scan`, `approvals`, `promotion:staging`, `rule:TG-PKL-010`... */
  id: string;
  status: RequirementStatus;
  reason: string;
  /** Origins of the evidence the result rests on. */
  evidence: string[];
  /** Set when a waiver turned a missing or failed result into waived. */
  waiver?: Waiver;
  /** False when no waiver may lift it (an `unacceptable` risk tier). */
  waivable?: boolean;
}

export interface RequirementContext {
  environment: string;
  policy: EnvironmentPolicy;
  subject: Digest;
  /** Verified evidence for the subject's digest only. */
  evidence: readonly EvidenceItem[];
  now: Date;
  /** The unexpired waiver for a requirement id, if any. */
  waiverFor(id: string): Waiver | undefined;
}

export type Requirement = (ctx: RequirementContext) => RequirementResult[];

/** Evidence of one predicate type that verified against the given role's signers. */
export function evidenceOfType(ctx: RequirementContext, predicateType: string, role: SignerRole = 'evidence'): EvidenceItem[] {
  return ctx.evidence.filter((e) => e.predicateType === predicateType && e.roles.includes(role));
}

export function result(id: string, status: RequirementStatus, reason: string, evidence: readonly EvidenceItem[] = []): RequirementResult {
  return { id, status, reason, evidence: evidence.map((e) => e.origin) };
}

export function origins(items: readonly EvidenceItem[]): string {
  return items.map((e) => e.origin).join(', ');
}
