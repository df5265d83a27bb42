import type { SqlClient } from '../store/sql.js';
import type { DecisionSigner } from './key.js';
import { type DecisionEntry, type DecisionRecord, GENESIS, recordLine, sealRecord } from './record.js';

// One log per store: appends take this transaction-scoped lock, so no two records are ever sealed on the same head.
const DECISION_LOG_LOCK = 7312002;

/**
 * Append a decision to the store's log atomically: under the log's lock, read the head, seal the next record on
 * it and insert it, in one transaction (the caller's, when it is in one: a delivery's record lands with the
 * delivery). `sourceKey` (a delivery and environment) makes a retried append a no-op that returns the first record.
 */
export async function appendDecision(
  db: SqlClient,
  entry: DecisionEntry,
  signer: DecisionSigner,
  options: { sourceKey?: string; now?: Date } = {},
): Promise<DecisionRecord> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [DECISION_LOG_LOCK]);
    if (options.sourceKey !== undefined) {
      const done = await tx.query<{ record: string }>('select record from decision_log where source_key = $1', [options.sourceKey]);
      if (done.rows[0]) return JSON.parse(done.rows[0].record) as DecisionRecord;
    }
    const head = await tx.query<{ seq: string; hash: string }>('select seq, hash from decision_log order by seq desc limit 1');
    const last = head.rows[0];
    const record = sealRecord(
      { seq: last ? Number(last.seq) + 1 : 1, prev: last?.hash ?? GENESIS, recordedAt: (options.now ?? new Date()).toISOString() },
      entry,
      signer,
    );
    await tx.query('insert into decision_log (seq, prev_hash, hash, recorded_at, source_key, record) values ($1, $2, $3, $4, $5, $6)', [
      record.seq,
      record.prev,
      record.hash,
      record.recordedAt,
      options.sourceKey ?? null,
      recordLine(record),
    ]);
    return record;
  });
}

/** The log's records in order as their stored JSON lines, from `since` (an ISO time) on. */
export async function exportDecisions(db: SqlClient, since?: string): Promise<string[]> {
  const { rows } = await db.query<{ record: string }>('select record from decision_log where recorded_at >= $1 order by seq', [
    since ?? '-infinity',
  ]);
  return rows.map((r) => r.record);
}
