import { type KeyObject, verify } from 'node:crypto';
import { type DecisionRecord, decisionRecordSchema, GENESIS, recordHash, signedBytes } from './record.js';

/** Why a chain does not hold, per record: each a forgery or a loss an auditor must be told about. */
export type ChainFault =
  | 'RECORD_MALFORMED'
  | 'RECORD_EDITED'
  | 'KEY_UNTRUSTED'
  | 'SIGNATURE_INVALID'
  | 'RECORD_OUT_OF_ORDER'
  | 'RECORD_MISSING'
  | 'CHAIN_FORK'
  | 'CHAIN_BROKEN';

export type ChainVerdict =
  | { ok: true; count: number; first?: { seq: number; prev: string }; head?: { seq: number; hash: string } }
  | { ok: false; line: number; seq?: number; fault: ChainFault; reason: string; verified: number };

/**
 * Check a decision log as exported, offline: every record well-formed, hashing to its own `hash`, signed by a
 * trusted key, and following the one before it (seq + 1, prev = its hash). Stops at the first broken record. An
 * export that starts later than seq 1 (`--since`) is checked from its first record on, whose `prev` is reported.
 */
export function verifyChain(documents: readonly unknown[], trusted: ReadonlyMap<string, KeyObject>): ChainVerdict {
  let before: DecisionRecord | undefined;
  for (const [i, doc] of documents.entries()) {
    const line = i + 1;
    const broken = (fault: ChainFault, reason: string, seq?: number): ChainVerdict => ({
      ok: false,
      line,
      ...(seq !== undefined ? { seq } : {}),
      fault,
      reason,
      verified: i,
    });
    const parsed = decisionRecordSchema.safeParse(doc);
    if (!parsed.success) return broken('RECORD_MALFORMED', `not a decision record: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const r = parsed.data;
    if (recordHash(r) !== r.hash)
      return broken('RECORD_EDITED', 'its content does not hash to its hash: it was changed after it was sealed', r.seq);
    const key = trusted.get(r.keyId);
    if (key === undefined) return broken('KEY_UNTRUSTED', `signed by ${r.keyId}, which is not a trusted key (--key)`, r.seq);
    if (!verify(null, signedBytes(r), key, Buffer.from(r.signature, 'base64')))
      return broken('SIGNATURE_INVALID', `its signature does not verify with ${r.keyId}`, r.seq);
    const fault = before === undefined ? firstFault(r) : linkFault(before, r);
    if (fault) return broken(fault[0], fault[1], r.seq);
    before = r;
  }
  const first = documents.length > 0 ? (decisionRecordSchema.parse(documents[0]) as DecisionRecord) : undefined;
  return {
    ok: true,
    count: documents.length,
    ...(first ? { first: { seq: first.seq, prev: first.prev } } : {}),
    ...(before ? { head: { seq: before.seq, hash: before.hash } } : {}),
  };
}

function firstFault(r: DecisionRecord): [ChainFault, string] | undefined {
  if (r.seq === 1 && r.prev !== GENESIS) return ['CHAIN_BROKEN', `record 1 must follow ${GENESIS}, not ${r.prev}`];
  if (r.seq !== 1 && r.prev === GENESIS) return ['CHAIN_BROKEN', `record ${r.seq} claims to be the first`];
  return undefined;
}

function linkFault(before: DecisionRecord, r: DecisionRecord): [ChainFault, string] | undefined {
  // Same predecessor as the record before it: two appends raced (or one was forged beside the other).
  if (r.prev === before.prev) return ['CHAIN_FORK', `it has the same predecessor as record ${before.seq} (${r.prev}): the chain forked`];
  if (r.seq <= before.seq) return ['RECORD_OUT_OF_ORDER', `record ${r.seq} comes after record ${before.seq}`];
  if (r.seq !== before.seq + 1) return ['RECORD_MISSING', `record ${before.seq + 1} is missing (this is ${r.seq}, after ${before.seq})`];
  if (r.prev !== before.hash) return ['CHAIN_BROKEN', `it follows ${r.prev}, but record ${before.seq} hashes to ${before.hash}`];
  return undefined;
}
