import type { SqlClient } from './sql.js';

export interface DeliveryRecord {
  id: string;
  event: string;
  action?: string;
  installationId?: number;
  repository?: string;
}

export type DeliveryStatus = 'processing' | 'done' | 'failed';

/**
 * Claim a delivery inside the caller's transaction. Returns false when another transaction already processed it
 * (or holds it: the unique key makes a concurrent replica wait, then see the row). A failed delivery may be claimed
 * again, which is how a redelivery retries it.
 */
export async function claimDelivery(tx: SqlClient, d: DeliveryRecord): Promise<boolean> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into deliveries (id, event, action, installation_id, repository, status)
     values ($1, $2, $3, $4, $5, 'processing')
     on conflict (id) do update set status = 'processing', attempts = deliveries.attempts + 1, error = null
       where deliveries.status = 'failed'
     returning id`,
    [d.id, d.event, d.action ?? null, d.installationId ?? null, d.repository ?? null],
  );
  return rows.length === 1;
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

/** Delivery ids among `ids` that were processed to the end. */
export async function doneDeliveries(db: SqlClient, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(`select id from deliveries where status = 'done' and id = any($1)`, [[...ids]]);
  return new Set(rows.map((r) => r.id));
}
