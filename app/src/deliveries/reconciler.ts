import { type DeliveryState, deliveryStatuses, type SqlClient } from '@trustgate/metrics';
import type { GitHub } from '../github/types.js';

/** A delivery GitHub has sent this many times without the App storing it is left alone (GitHub lists each attempt). */
const MAX_ATTEMPTS = 5;
/** GitHub keeps an App's deliveries for 3 days (GitHub Enterprise Server: 7); nothing older can be redelivered. */
export const RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** A bound on one pass, far past what GitHub keeps for an App in its retention window at 100 a page. */
const MAX_PAGES = 2000;

export interface ListedDelivery {
  id: number;
  guid: string;
  status_code: number;
  delivered_at?: string;
}

/**
 * Deliveries to ask GitHub to send again, while attempts remain: those the store has never held (every attempt was
 * refused before the claim was stored: the App was down, busy, or its store unreachable), and those it holds but never
 * answered 2xx for (the claim landed after its 503, or the process died before answering), whose copy is answered as
 * a duplicate so that GitHub's record agrees with the store's. Processing a held delivery is the job engine's: a
 * failed one stays failed.
 */
export function deliveriesToRedeliver(failed: readonly ListedDelivery[], stored: ReadonlyMap<string, DeliveryState>): ListedDelivery[] {
  const byGuid = new Map<string, ListedDelivery[]>();
  for (const d of failed) byGuid.set(d.guid, [...(byGuid.get(d.guid) ?? []), d]);
  const pick: ListedDelivery[] = [];
  for (const [guid, attempts] of byGuid) {
    const held = stored.get(guid);
    if (held?.answered || held?.status === 'failed' || attempts.length >= MAX_ATTEMPTS) continue;
    pick.push(attempts.reduce((a, b) => (b.id > a.id ? b : a)));
  }
  // Oldest first, so that what is sent again arrives in about the order it happened.
  return pick.sort((a, b) => a.id - b.id);
}

export interface ReconcileOptions {
  /** Redeliver at most this many (the room left in the backlog), the oldest first. */
  limit?: number;
  now?: number;
}

/**
 * Page through every failed delivery GitHub still keeps (`status=failure`, cursor pagination, back to the retention
 * window) and redeliver those the store never took: the guids asked for, and how many were left for lack of room.
 */
export async function reconcileDeliveries(
  appGithub: GitHub,
  db: SqlClient,
  options: ReconcileOptions = {},
): Promise<{ redelivered: string[]; left: number }> {
  const since = (options.now ?? Date.now()) - RETENTION_MS;
  const failed: ListedDelivery[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await appGithub.rest.apps.listWebhookDeliveries({ per_page: 100, status: 'failure', ...(cursor ? { cursor } : {}) });
    for (const d of res.data) {
      // The `status` filter is GitHub's; check it too, as a server that ignores it lists every attempt.
      if (d.status_code >= 200 && d.status_code < 400) continue;
      failed.push({ id: d.id, guid: d.guid, status_code: d.status_code, delivered_at: d.delivered_at });
    }
    const oldest = res.data.at(-1)?.delivered_at;
    cursor = /[?&]cursor=([^&>]+)[^>]*>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
    if (!cursor || (oldest && Date.parse(oldest) < since)) break;
  }
  const stored = await deliveryStatuses(db, [...new Set(failed.map((d) => d.guid))]);
  const candidates = deliveriesToRedeliver(failed, stored);
  const redo = candidates.slice(0, options.limit ?? Number.POSITIVE_INFINITY);
  for (const d of redo) await appGithub.rest.apps.redeliverWebhookDelivery({ delivery_id: d.id });
  return { redelivered: redo.map((d) => d.guid), left: candidates.length - redo.length };
}
