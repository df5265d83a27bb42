import type { SqlClient } from './sql.js';

export interface DeliveryRecord {
  id: string;
  event: string;
  action?: string;
  installationId?: number;
  repository?: string;
}

export type DeliveryStatus = 'processing' | 'done' | 'failed';

export type DeliveryClaim = 'claimed' | 'done' | 'in-flight';

/**
 * Claim a delivery for processing, atomically (one statement, so replicas on one PostgreSQL cannot both win). A
 * delivery already done is not claimed again; one being processed is claimed again only once its claim is older
 * than `leaseMs` (the process holding it died); a failed one may be claimed again, which is how redelivery retries.
 */
export async function claimDelivery(db: SqlClient, d: DeliveryRecord, leaseMs: number): Promise<DeliveryClaim> {
  const { rows } = await db.query<{ id: string }>(
    `insert into deliveries (id, event, action, installation_id, repository, status, claimed_at)
     values ($1, $2, $3, $4, $5, 'processing', now())
     on conflict (id) do update set status = 'processing', attempts = deliveries.attempts + 1, error = null, claimed_at = now()
       where deliveries.status = 'failed'
          or (deliveries.status = 'processing' and deliveries.claimed_at < now() - make_interval(secs => $6))
     returning id`,
    [d.id, d.event, d.action ?? null, d.installationId ?? null, d.repository ?? null, leaseMs / 1000],
  );
  if (rows.length === 1) return 'claimed';
  const current = await deliveryStatus(db, d.id);
  return current?.status === 'done' ? 'done' : 'in-flight';
}

export async function finishDelivery(tx: SqlClient, id: string): Promise<void> {
  await tx.query(`update deliveries set status = 'done', finished_at = now() where id = $1`, [id]);
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

export async function deliveryStatus(db: SqlClient, id: string): Promise<{ status: DeliveryStatus; attempts: number } | undefined> {
  const { rows } = await db.query<{ status: DeliveryStatus; attempts: number }>('select status, attempts from deliveries where id = $1', [
    id,
  ]);
  return rows[0];
}

/** The recorded status of each of `ids` that the store knows. */
export async function deliveryStatuses(db: SqlClient, ids: readonly string[]): Promise<Map<string, DeliveryStatus>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; status: DeliveryStatus }>('select id, status from deliveries where id = any($1)', [
    [...ids],
  ]);
  return new Map(rows.map((r) => [r.id, r.status]));
}
