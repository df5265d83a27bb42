import { claimDelivery, type DeliveryRecord, failDelivery, finishDelivery, type Store } from '@trustgate/metrics';
import { AppError } from '../errors.js';

export type DeliveryOutcome = 'processed' | 'duplicate';

/** GitHub gives up on a delivery after 10 s; a claim this old belongs to a process that died. */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * Process a delivery at most once. The claim is one atomic statement, so a duplicate (or a replica racing on the
 * same PostgreSQL) sees it done and skips, or sees it in flight and is refused, to be redelivered later; GitHub is
 * not called inside a transaction, so deliveries do not queue behind each other's API calls. Handlers' store writes
 * are keyed so that running again after a crash counts nothing twice.
 */
export async function processOnce(
  store: Store,
  delivery: DeliveryRecord,
  leaseMs: number,
  run: () => Promise<void>,
): Promise<DeliveryOutcome> {
  const claim = await claimDelivery(store, delivery, leaseMs);
  if (claim === 'done') return 'duplicate';
  if (claim === 'in-flight') {
    throw new AppError('APP_DELIVERY_IN_FLIGHT', `delivery ${delivery.id} is being processed by another worker; retry later`);
  }
  try {
    await run();
    await finishDelivery(store, delivery.id);
    return 'processed';
  } catch (err) {
    await failDelivery(store, delivery, (err as Error).message ?? String(err)).catch(() => undefined);
    throw err;
  }
}
