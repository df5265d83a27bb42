import { type DeliveryState, deliveryStatuses, type SqlClient } from '@trustgate/metrics';
import type { GitHub } from '../github/types.js';

/** A redelivery that keeps failing is left alone after this many attempts (GitHub lists each attempt). */
const MAX_ATTEMPTS = 5;

export interface ListedDelivery {
  id: number;
  guid: string;
  status_code: number;
  redelivery: boolean;
}

/**
 * Deliveries to ask GitHub to send again, while attempts remain: those no attempt of which was answered 2xx (the
 * App was down, busy or could not store the claim), and those answered but then recorded as failed, or abandoned
 * (`stale`: the worker holding the claim died). Done ones, and ones a live worker is still processing, are left.
 */
export function deliveriesToRedeliver(listed: readonly ListedDelivery[], stored: ReadonlyMap<string, DeliveryState>): ListedDelivery[] {
  const byGuid = new Map<string, ListedDelivery[]>();
  for (const d of listed) byGuid.set(d.guid, [...(byGuid.get(d.guid) ?? []), d]);
  const pick: ListedDelivery[] = [];
  for (const [guid, attempts] of byGuid) {
    const status = stored.get(guid);
    if (status === 'done' || attempts.length >= MAX_ATTEMPTS) continue;
    if (status === 'processing') continue;
    if (status !== 'failed' && status !== 'stale' && attempts.some((a) => a.status_code >= 200 && a.status_code < 300)) continue;
    pick.push(attempts.reduce((a, b) => (b.id > a.id ? b : a)));
  }
  return pick;
}

/** List the App's recent deliveries (app JWT) and redeliver the failed and abandoned ones; returns the guids asked for. */
export async function reconcileDeliveries(appGithub: GitHub, db: SqlClient, leaseMs: number, pages = 3): Promise<string[]> {
  const listed: ListedDelivery[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < pages; page++) {
    const res = await appGithub.rest.apps.listWebhookDeliveries({ per_page: 100, ...(cursor ? { cursor } : {}) });
    listed.push(...res.data.map((d) => ({ id: d.id, guid: d.guid, status_code: d.status_code, redelivery: d.redelivery })));
    cursor = /[?&]cursor=([^&>]+)[^>]*>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
    if (!cursor) break;
  }
  const stored = await deliveryStatuses(db, [...new Set(listed.map((d) => d.guid))], leaseMs);
  const redo = deliveriesToRedeliver(listed, stored);
  for (const d of redo) await appGithub.rest.apps.redeliverWebhookDelivery({ delivery_id: d.id });
  return redo.map((d) => d.guid);
}
