import { createHash, sign } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical.js';
import type { DecisionSigner } from './key.js';

/** The predecessor of the first record. */
export const GENESIS = `sha256:${'0'.repeat(64)}`;

const hash = z.string().regex(/^sha256:[0-9a-f]{64}$/);

/** What was decided, as an auditor reads it back: enough to re-run the decision against the same policy and evidence. */
export const decisionEntrySchema = z.strictObject({
  subject: z.strictObject({ digest: z.string(), name: z.string().optional() }),
  environment: z.string(),
  decision: z.enum(['pass', 'fail']),
  decidedAt: z.string(),
  requirements: z.array(z.strictObject({ id: z.string(), status: z.string() })),
  /** The policy file and the sha256 of its bytes; null when there was none (a repository without a policy). */
  policy: z.strictObject({ uri: z.string(), sha256: z.string() }).nullable(),
  evidence: z.array(z.strictObject({ origin: z.string(), sha256: z.string(), predicateType: z.string() })),
  /** Who decided: `cli`, or `app:OWNER/REPO` for a deployment protection rule. */
  source: z.string(),
  /** Why, when the decision was not an evaluation of requirements (ungated, no policy). */
  note: z.string().optional(),
});
export type DecisionEntry = z.infer<typeof decisionEntrySchema>;

export const decisionRecordSchema = z.strictObject({
  version: z.literal(1),
  seq: z.number().int().positive(),
  recordedAt: z.string(),
  prev: hash,
  entry: decisionEntrySchema,
  keyId: hash,
  /** Ed25519 over the canonical JSON of every field above, base64. */
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  /** sha256 of the canonical JSON of every field above (signature included): the next record's `prev`. */
  hash,
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

type Unsigned = Omit<DecisionRecord, 'signature' | 'hash'>;

/** The bytes the signature is over. */
export function signedBytes(r: Unsigned): Buffer {
  const { version, seq, recordedAt, prev, entry, keyId } = r;
  return Buffer.from(canonicalJson({ version, seq, recordedAt, prev, entry, keyId }));
}

/** The record's hash as it should be, from its content (so an edited record no longer matches its own). */
export function recordHash(r: Omit<DecisionRecord, 'hash'>): string {
  const { version, seq, recordedAt, prev, entry, keyId, signature } = r;
  const bytes = canonicalJson({ version, seq, recordedAt, prev, entry, keyId, signature });
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A new record after `prev` (the last record's hash, or GENESIS), signed. Pure but for the signature. */
export function sealRecord(
  at: { seq: number; prev: string; recordedAt: string },
  entry: DecisionEntry,
  signer: DecisionSigner,
): DecisionRecord {
  const unsigned: Unsigned = { version: 1, seq: at.seq, recordedAt: at.recordedAt, prev: at.prev, entry, keyId: signer.keyId };
  const signature = sign(null, signedBytes(unsigned), signer.privateKey).toString('base64');
  const signed = { ...unsigned, signature };
  return { ...signed, hash: recordHash(signed) };
}

/** One JSON line, keys in canonical order: what the store keeps and `decisions export` writes. */
export function recordLine(r: DecisionRecord): string {
  return canonicalJson(r);
}

/** The structural shape of a gate decision (packages/gate's Decision): what a log entry is made from. */
export interface DecisionLike {
  environment: string;
  subject: { digest: string; name?: string };
  decision: 'pass' | 'fail';
  decidedAt: string;
  requirements: readonly { id: string; status: string }[];
  evidence: { counted: readonly { origin: string; sha256: string; predicateType: string }[] };
  ungated?: string;
}

/** A gate decision as a log entry: requirement statuses, the policy digest and the digests of the evidence counted. */
export function entryFromDecision(decision: DecisionLike, policy: { uri: string; sha256: string } | null, source: string): DecisionEntry {
  return {
    subject: { digest: decision.subject.digest, ...(decision.subject.name ? { name: decision.subject.name } : {}) },
    environment: decision.environment,
    decision: decision.decision,
    decidedAt: decision.decidedAt,
    requirements: decision.requirements.map((r) => ({ id: r.id, status: r.status })),
    policy,
    evidence: decision.evidence.counted.map((e) => ({ origin: e.origin, sha256: e.sha256, predicateType: e.predicateType })),
    source,
    ...(decision.ungated ? { note: decision.ungated } : {}),
  };
}

/** A decision that evaluated no requirements (no policy, ungated, not a digest, an input error): what, and why. */
export function unevaluatedEntry(d: {
  subject: string;
  environment: string;
  approved: boolean;
  note: string;
  policy: { uri: string; sha256: string } | null;
  source: string;
}): DecisionEntry {
  return {
    subject: { digest: d.subject },
    environment: d.environment,
    decision: d.approved ? 'pass' : 'fail',
    decidedAt: new Date().toISOString(),
    requirements: [],
    policy: d.policy,
    evidence: [],
    source: d.source,
    note: d.note,
  };
}
