import { type DeliveryStatus, deliveryStatuses, type SqlClient } from '@trustgate/metrics';
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
 * Deliveries to ask GitHub to send again: not processed to the end in the store, attempts remain, and either no
 * attempt succeeded or the store recorded a failure after GitHub was answered (a handler slower than GitHub's
 * timeout is answered 202 and finishes in the background).
 */
export function deliveriesToRedeliver(listed: readonly ListedDelivery[], stored: ReadonlyMap<string, DeliveryStatus>): ListedDelivery[] {
  const byGuid = new Map<string, ListedDelivery[]>();
  for (const d of listed) byGuid.set(d.guid, [...(byGuid.get(d.guid) ?? []), d]);
  const pick: ListedDelivery[] = [];
  for (const [guid, attempts] of byGuid) {
    const status = stored.get(guid);
    if (status === 'done' || attempts.length >= MAX_ATTEMPTS) continue;
    if (status !== 'failed' && attempts.some((a) => a.status_code >= 200 && a.status_code < 300)) continue;
    pick.push(attempts.reduce((a, b) => (b.id > a.id ? b : a)));
  }
  return pick;
}

/** List the App's recent deliveries (app JWT) and redeliver the failed ones; returns the guids asked for. */
export async function reconcileDeliveries(appGithub: GitHub, db: SqlClient, pages = 3): Promise<string[]> {
  const listed: ListedDelivery[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < pages; page++) {
    const res = await appGithub.rest.apps.listWebhookDeliveries({ per_page: 100, ...(cursor ? { cursor } : {}) });
    listed.push(...res.data.map((d) => ({ id: d.id, guid: d.guid, status_code: d.status_code, redelivery: d.redelivery })));
    cursor = /[?&]cursor=([^&>]+)[^>]*>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
    if (!cursor) break;
  }
  const stored = await deliveryStatuses(db, [...new Set(listed.map((d) => d.guid))]);
  const redo = deliveriesToRedeliver(listed, stored);
  for (const d of redo) await appGithub.rest.apps.redeliverWebhookDelivery({ delivery_id: d.id });
  return redo.map((d) => d.guid);
}
