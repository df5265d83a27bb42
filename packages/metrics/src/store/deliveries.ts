import type { SqlClient } from './sql.js';

export interface DeliveryRecord {
  id: string;
  event: string;
  action?: string;
  installationId?: number;
  repository?: string;
}

/** A delivery as it is claimed: its record and the payload's JSON text exactly as GitHub sent it. */
export interface ClaimedDelivery extends DeliveryRecord {
  payload: string;
}

/** `queued`: stored with its payload, waiting for a worker or being processed; `done`; `failed`: retries exhausted. */
export type DeliveryStatus = 'queued' | 'done' | 'failed';

/** A stored delivery as a reconciler sees it: its status, and whether GitHub has had a 2xx answer for it. */
export interface DeliveryState {
  status: DeliveryStatus;
  answered: boolean;
}

/** `claimed`: stored now, with its job; `done`: processed before; `queued`: stored before and not yet done. */
export type DeliveryClaim = 'claimed' | 'done' | 'queued';

/**
 * Claim deliveries for processing in one transaction: each new delivery (or a failed one GitHub sends again) is
 * stored with its payload, and `enqueue` adds the jobs that name the claimed ones in the same transaction, so a
 * delivery is either stored and queued or not stored at all. One statement claims the whole batch, atomically, so
 * replicas on one PostgreSQL cannot both win. A second copy of an id in the same batch is queued behind the first.
 */
export async function claimDeliveries(
  db: SqlClient,
  ds: readonly ClaimedDelivery[],
  enqueue: (tx: SqlClient, ids: string[]) => Promise<void>,
): Promise<DeliveryClaim[]> {
  const first = new Map<string, ClaimedDelivery>();
  for (const d of ds) if (!first.has(d.id)) first.set(d.id, d);
  const unique = [...first.values()];
  const column = <T>(pick: (d: ClaimedDelivery) => T) => unique.map(pick);
  const { claimed, done } = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `insert into deliveries (id, event, action, installation_id, repository, status, claimed_at, payload)
       select id, event, action, installation_id, repository, 'queued', now(), payload
         from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
           as t(id, event, action, installation_id, repository, payload)
       on conflict (id) do update set status = 'queued', attempts = deliveries.attempts + 1, error = null,
         claimed_at = now(), finished_at = null, answered_at = null, payload = excluded.payload
         where deliveries.status = 'failed'
       returning id`,
      [
        column((d) => d.id),
        column((d) => d.event),
        column((d) => d.action ?? null),
        column((d) => d.installationId ?? null),
        column((d) => d.repository ?? null),
        column((d) => d.payload),
      ],
    );
    const ids = rows.map((r) => r.id);
    if (ids.length) await enqueue(tx, ids);
    const stored = new Set(ids);
    const others = unique.filter((d) => !stored.has(d.id)).map((d) => d.id);
    const doneRows =
      others.length === 0
        ? []
        : (await tx.query<{ id: string }>(`select id from deliveries where id = any($1) and status = 'done'`, [others])).rows;
    return { claimed: stored, done: new Set(doneRows.map((r) => r.id)) };
  });
  const seen = new Set<string>();
  return ds.map((d) => {
    const again = seen.has(d.id);
    seen.add(d.id);
    if (claimed.has(d.id)) return again ? 'queued' : 'claimed';
    return done.has(d.id) ? 'done' : 'queued';
  });
}

/** A stored delivery as a worker takes it up: its record, status and payload (gone once it is done). */
export interface StoredDelivery extends DeliveryRecord {
  status: DeliveryStatus;
  payload: string | null;
}

/** The stored delivery `id`, or undefined when the store has none. */
export async function storedDelivery(db: SqlClient, id: string): Promise<StoredDelivery | undefined> {
  const { rows } = await db.query<{
    event: string;
    action: string | null;
    installation_id: string | number | null;
    repository: string | null;
    status: DeliveryStatus;
    payload: string | null;
  }>('select event, action, installation_id, repository, status, payload from deliveries where id = $1', [id]);
  const r = rows[0];
  if (!r) return undefined;
  return {
    id,
    event: r.event,
    ...(r.action !== null ? { action: r.action } : {}),
    ...(r.installation_id !== null ? { installationId: Number(r.installation_id) } : {}),
    ...(r.repository !== null ? { repository: r.repository } : {}),
    status: r.status,
    payload: r.payload,
  };
}

/** Mark deliveries processed to their end, in one statement; their payloads are no longer kept. */
export async function finishDeliveries(db: SqlClient, ids: readonly string[]): Promise<void> {
  await db.query(`update deliveries set status = 'done', finished_at = now(), error = null, payload = null where id = any($1)`, [[...ids]]);
}

/** Record that a delivery's retries are exhausted; GitHub sending it again claims it anew. */
export async function failDelivery(db: SqlClient, id: string, error: string): Promise<void> {
  await db.query(`update deliveries set status = 'failed', error = $2, finished_at = now() where id = $1 and status <> 'done'`, [
    id,
    error.slice(0, 2000),
  ]);
}

/**
 * Record that GitHub was answered 2xx for these stored deliveries, in one statement. Written after the answer: a claim
 * stored but never answered so (late, or its process killed in between) keeps `answered_at` null.
 */
export async function answeredDeliveries(db: SqlClient, ids: readonly string[]): Promise<void> {
  await db.query('update deliveries set answered_at = now() where id = any($1) and answered_at is null', [[...ids]]);
}

/** The recorded state of each of `ids` that the store knows. */
export async function deliveryStatuses(db: SqlClient, ids: readonly string[]): Promise<Map<string, DeliveryState>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; status: DeliveryStatus; answered: boolean }>(
    'select id, status, answered_at is not null as answered from deliveries where id = any($1)',
    [[...ids]],
  );
  return new Map(rows.map((r) => [r.id, { status: r.status, answered: r.answered }]));
}

/** Deliveries stored and not yet done (waiting or being processed), in every replica. */
export async function queuedDeliveries(db: SqlClient): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(`select count(*) as n from deliveries where status = 'queued'`);
  return Number(rows[0]?.n ?? 0);
}
