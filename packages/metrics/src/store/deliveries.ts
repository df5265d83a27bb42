import type { SqlClient } from './sql.js';

export interface DeliveryRecord {
  id: string;
  event: string;
  action?: string;
  installationId?: number;
  repository?: string;
}

export type DeliveryStatus = 'processing' | 'done' | 'failed';

/** A stored status as a reconciler sees it: `stale` is `processing` whose claim outlived its lease (its worker died). */
export type DeliveryState = DeliveryStatus | 'stale';

export type DeliveryClaim = 'claimed' | 'done' | 'in-flight';

/**
 * Claim deliveries for processing, all in one atomic statement (so replicas on one PostgreSQL cannot both win, and a
 * burst costs one round trip). A delivery already done is not claimed again; one being processed is claimed again
 * only once its claim is older than `leaseMs` (the process holding it died); a failed one may be claimed again, which
 * is how redelivery retries. A second copy of an id in the same batch is in flight behind the first.
 */
export async function claimDeliveries(db: SqlClient, ds: readonly DeliveryRecord[], leaseMs: number): Promise<DeliveryClaim[]> {
  const first = new Map<string, DeliveryRecord>();
  for (const d of ds) if (!first.has(d.id)) first.set(d.id, d);
  const unique = [...first.values()];
  const column = <T>(pick: (d: DeliveryRecord) => T) => unique.map(pick);
  const { rows } = await db.query<{ id: string }>(
    `insert into deliveries (id, event, action, installation_id, repository, status, claimed_at)
     select id, event, action, installation_id, repository, 'processing', now()
       from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) as t(id, event, action, installation_id, repository)
     on conflict (id) do update set status = 'processing', attempts = deliveries.attempts + 1, error = null, claimed_at = now()
       where deliveries.status = 'failed'
          or (deliveries.status = 'processing' and deliveries.claimed_at < now() - make_interval(secs => $6))
     returning id`,
    [
      column((d) => d.id),
      column((d) => d.event),
      column((d) => d.action ?? null),
      column((d) => d.installationId ?? null),
      column((d) => d.repository ?? null),
      leaseMs / 1000,
    ],
  );
  const claimed = new Set(rows.map((r) => r.id));
  const others = unique.filter((d) => !claimed.has(d.id)).map((d) => d.id);
  const done = new Set(
    others.length === 0
      ? []
      : (await db.query<{ id: string }>(`select id from deliveries where id = any($1) and status = 'done'`, [others])).rows.map(
          (r) => r.id,
        ),
  );
  const seen = new Set<string>();
  return ds.map((d) => {
    const again = seen.has(d.id);
    seen.add(d.id);
    if (claimed.has(d.id)) return again ? 'in-flight' : 'claimed';
    return done.has(d.id) ? 'done' : 'in-flight';
  });
}

/** Extend a claim still being worked on, so a long delivery is not mistaken for one whose worker died. */
export async function renewDelivery(db: SqlClient, id: string): Promise<void> {
  await db.query(`update deliveries set claimed_at = now() where id = $1 and status = 'processing'`, [id]);
}

/** Mark deliveries processed to their end, in one statement. */
export async function finishDeliveries(db: SqlClient, ids: readonly string[]): Promise<void> {
  await db.query(`update deliveries set status = 'done', finished_at = now() where id = any($1)`, [[...ids]]);
}

/** Record a failure outside the rolled-back transaction, so a redelivery can claim it again. */
export async function failDelivery(db: SqlClient, d: DeliveryRecord, error: string): Promise<void> {
  await db.query(
    `insert into deliveries (id, event, action, installation_id, repository, status, error, finished_at)
     values ($1, $2, $3, $4, $5, 'failed', $6, now())
     on conflict (id) do update set status = 'failed', error = $6, finished_at = now()
       where deliveries.status <> 'done'`,
    [d.id, d.event, d.action ?? null, d.installationId ?? null, d.repository ?? null, error.slice(0, 2000)],
  );
}

/** The recorded state of each of `ids` that the store knows; a claim older than `leaseMs` is `stale`. */
export async function deliveryStatuses(db: SqlClient, ids: readonly string[], leaseMs: number): Promise<Map<string, DeliveryState>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; status: DeliveryState }>(
    `select id, case when status = 'processing' and claimed_at < now() - make_interval(secs => $2) then 'stale' else status end as status
     from deliveries where id = any($1)`,
    [[...ids], leaseMs / 1000],
  );
  return new Map(rows.map((r) => [r.id, r.status]));
}
