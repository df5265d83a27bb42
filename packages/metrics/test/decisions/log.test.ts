import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  appendDecision,
  type DecisionEntry,
  type DecisionRecord,
  decisionSigner,
  exportDecisions,
  GENESIS,
  openStore,
  recordHash,
  recordLine,
  type Store,
  sealRecord,
  trustedDecisionKey,
  verifyChain,
} from '@trustgate/metrics';

const pgUrl = process.env.DATABASE_URL_TEST;
const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ours = decisionSigner(pem(), 'test key');
const theirs = decisionSigner(pem(), 'attacker key');
// What `decisions verify --key` builds: our public key by its id (a private key PEM gives its public half).
const ourPublic = trustedDecisionKey(ours.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'ours');
const trusted = new Map<string, KeyObject>([[ourPublic.keyId, ourPublic.publicKey]]);

const entry = (n: number, decision: 'pass' | 'fail' = 'pass'): DecisionEntry => ({
  subject: { digest: `sha256:${n.toString(16).padStart(64, '0')}` },
  environment: 'production',
  decision,
  decidedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  requirements: [{ id: 'provenance', status: decision === 'pass' ? 'met' : 'missing' }],
  policy: { uri: '.github/trustgate.yml', sha256: 'a'.repeat(64) },
  evidence: [{ origin: 'provenance.json', sha256: 'b'.repeat(64), predicateType: 'https://slsa.dev/provenance/v1' }],
  source: 'cli',
});

let store: Store;
let lines: string[];
const docs = (ls: readonly string[]) => ls.map((l) => JSON.parse(l) as DecisionRecord);

beforeAll(async () => {
  store = await openStore();
  for (let n = 1; n <= 4; n++) await appendDecision(store, entry(n, n === 3 ? 'fail' : 'pass'), ours);
  lines = await exportDecisions(store);
});
afterAll(() => store.close());

describe('the decision log: appended, chained, signed', () => {
  it('exports every record in order, each following the one before, and the chain verifies', () => {
    const records = docs(lines);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(records[0]?.prev).toBe(GENESIS);
    expect(records[1]?.prev).toBe(records[0]?.hash);
    expect(records[2]?.entry).toMatchObject({ decision: 'fail', requirements: [{ id: 'provenance', status: 'missing' }] });
    expect(records[0]?.keyId).toBe(ours.keyId);
    expect(verifyChain(records, trusted)).toEqual({
      ok: true,
      count: 4,
      first: { seq: 1, prev: GENESIS },
      head: { seq: 4, hash: records[3]?.hash },
    });
  });

  it('a record edited after it was sealed is named (its decision flipped to pass)', () => {
    const records = docs(lines);
    const edited = records.map((r) => (r.seq === 3 ? { ...r, entry: { ...r.entry, decision: 'pass' as const } } : r));
    expect(verifyChain(edited, trusted)).toMatchObject({ ok: false, line: 3, seq: 3, fault: 'RECORD_EDITED', verified: 2 });
    // Rehashing the edit does not help: the signature no longer matches.
    const rehashed = edited.map((r) => (r.seq === 3 ? { ...r, hash: recordHash(r) } : r));
    expect(verifyChain(rehashed, trusted)).toMatchObject({ ok: false, line: 3, fault: 'SIGNATURE_INVALID' });
  });

  it('a removed record, a reordered pair and a truncated start are named', () => {
    const records = docs(lines);
    expect(
      verifyChain(
        records.filter((r) => r.seq !== 2),
        trusted,
      ),
    ).toMatchObject({ ok: false, line: 2, seq: 3, fault: 'RECORD_MISSING' });
    const [a, b, c, d] = records;
    expect(verifyChain([a, c, b, d], trusted)).toMatchObject({ ok: false, line: 2, seq: 3, fault: 'RECORD_MISSING' });
    expect(verifyChain([a, b, d, c], trusted)).toMatchObject({ ok: false, line: 3, seq: 4, fault: 'RECORD_MISSING' });
    expect(verifyChain([b, a], trusted)).toMatchObject({ ok: false, line: 2, seq: 1, fault: 'RECORD_OUT_OF_ORDER' });
    // Export from seq 2 on (--since) verifies, and says where it starts.
    expect(verifyChain([b, c, d], trusted)).toMatchObject({ ok: true, count: 3, first: { seq: 2, prev: a?.hash } });
  });

  it('a record re-signed with another key is named, whichever key id it claims', () => {
    const records = docs(lines);
    const at = records[1] as DecisionRecord;
    const forged = sealRecord({ seq: at.seq, prev: at.prev, recordedAt: at.recordedAt }, { ...at.entry, decision: 'fail' }, theirs);
    expect(verifyChain([records[0], forged], trusted)).toMatchObject({ ok: false, line: 2, seq: 2, fault: 'KEY_UNTRUSTED' });
    const claiming = sealRecord({ seq: at.seq, prev: at.prev, recordedAt: at.recordedAt }, at.entry, { ...theirs, keyId: ours.keyId });
    expect(verifyChain([records[0], claiming], trusted)).toMatchObject({ ok: false, line: 2, fault: 'SIGNATURE_INVALID' });
    // Whoever holds the trusted key and rewrites a record in the middle breaks the link to the record after it.
    const resealed = sealRecord({ seq: at.seq, prev: at.prev, recordedAt: at.recordedAt }, { ...at.entry, decision: 'fail' }, ours);
    expect(verifyChain([records[0], resealed, records[2]], trusted)).toMatchObject({ ok: false, line: 3, fault: 'CHAIN_BROKEN' });
  });

  it('a fork (two records on the same predecessor) is named', () => {
    const records = docs(lines);
    const at = records[1] as DecisionRecord;
    const twin = sealRecord({ seq: 3, prev: at.prev, recordedAt: at.recordedAt }, entry(9), ours);
    expect(verifyChain([records[0], at, twin], trusted)).toMatchObject({ ok: false, line: 3, fault: 'CHAIN_FORK' });
  });

  it('the store refuses a second record on a head, a change, and a deletion before 6 months', async () => {
    const records = docs(lines);
    const last = records[3] as DecisionRecord;
    const fork = sealRecord({ seq: 5, prev: last.prev, recordedAt: new Date().toISOString() }, entry(5), ours);
    await expect(
      store.query('insert into decision_log (seq, prev_hash, hash, recorded_at, record) values ($1, $2, $3, $4, $5)', [
        fork.seq,
        fork.prev,
        fork.hash,
        fork.recordedAt,
        recordLine(fork),
      ]),
    ).rejects.toThrow(/duplicate key/);
    await expect(store.query(`update decision_log set record = '{}' where seq = 3`)).rejects.toThrow(/append-only/);
    await expect(store.query('delete from decision_log where seq = 1')).rejects.toThrow(/kept at least 6 months \(EU AI Act Art\. 12\)/);
    expect(await exportDecisions(store)).toEqual(lines);
  });
});

async function concurrentAppends(db: Store, others: Store[]): Promise<void> {
  const before = (await exportDecisions(db)).length;
  const all = [db, ...others];
  await Promise.all(Array.from({ length: 24 }, (_, n) => appendDecision(all[n % all.length] as Store, entry(100 + n), ours)));
  const records = docs(await exportDecisions(db));
  expect(records).toHaveLength(before + 24);
  expect(new Set(records.map((r) => r.prev)).size).toBe(records.length);
  expect(verifyChain(records, trusted)).toMatchObject({ ok: true, count: before + 24 });
}

describe('appends serialize', () => {
  it('24 concurrent appends on one store make one chain, no fork', async () => {
    const own = await openStore();
    await concurrentAppends(own, []);
    await own.close();
  });

  (pgUrl ? it : it.skip)('on PostgreSQL, from three connection pools at once (DATABASE_URL_TEST)', async () => {
    const pools = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: pgUrl })));
    await pools[0]?.query('alter table decision_log disable trigger decision_log_guard');
    await pools[0]?.query('delete from decision_log');
    await pools[0]?.query('alter table decision_log enable trigger decision_log_guard');
    await concurrentAppends(pools[0] as Store, pools.slice(1));
    await Promise.all(pools.map((p) => p.close()));
  });

  it('a retried append with the same source key returns the first record; --since selects by time', async () => {
    const own = await openStore();
    const first = await appendDecision(own, entry(1), ours, { sourceKey: 'delivery-1:production', now: new Date('2026-01-01T00:00:00Z') });
    const again = await appendDecision(own, entry(2), ours, { sourceKey: 'delivery-1:production' });
    expect(again).toEqual(first);
    await appendDecision(own, entry(3), ours, { now: new Date('2026-03-01T00:00:00Z') });
    expect(docs(await exportDecisions(own)).map((r) => r.seq)).toEqual([1, 2]);
    expect(docs(await exportDecisions(own, '2026-02-01T00:00:00Z')).map((r) => r.seq)).toEqual([2]);
    // Older than 6 months: retention no longer holds it (deleting it is the operator's choice, documented).
    await expect(own.query('delete from decision_log where seq = 1')).resolves.toBeDefined();
    await own.close();
  });
});
