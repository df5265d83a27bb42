import { claimDelivery, type DeliveryRecord, failDelivery, finishDelivery, type SqlClient, type Store } from '@trustgate/metrics';

export type DeliveryOutcome = 'processed' | 'duplicate';

/**
 * Process a delivery at most once: the claim, the handler's store writes and the "done" mark share one transaction,
 * so a crash leaves no trace and a redelivery runs again, while a duplicate (or a replica racing on the same
 * PostgreSQL, which waits on the delivery's key) sees it done and skips. A failure is recorded so it can be retried.
 */
export async function processOnce(store: Store, delivery: DeliveryRecord, run: (tx: SqlClient) => Promise<void>): Promise<DeliveryOutcome> {
  try {
    const claimed = await store.transaction(async (tx) => {
      if (!(await claimDelivery(tx, delivery))) return false;
      await run(tx);
      await finishDelivery(tx, delivery.id);
      return true;
    });
    return claimed ? 'processed' : 'duplicate';
  } catch (err) {
    await failDelivery(store, delivery, (err as Error).message ?? String(err)).catch(() => undefined);
    throw err;
  }
}
