import {
  claimDeliveries,
  type DeliveryClaim,
  type DeliveryRecord,
  failDelivery,
  finishDeliveries,
  renewDelivery,
  type Store,
} from '@trustgate/metrics';
import { Batcher } from './batcher.js';

/** GitHub gives up on a delivery after 10 s; a claim not renewed for this long belongs to a process that died. */
export const DEFAULT_LEASE_MS = 60_000;

export type Receipt = 'claimed' | 'duplicate' | 'in-flight';

/** Each delivery processed at most once, by claims in the store that a worker renews while it works. */
export class DeliveryClaims {
  private readonly claims: Batcher<DeliveryRecord, DeliveryClaim>;
  private readonly finishes: Batcher<string, undefined>;

  constructor(
    private readonly store: Store,
    readonly leaseMs: number = DEFAULT_LEASE_MS,
  ) {
    this.claims = new Batcher((ds) => claimDeliveries(store, ds, leaseMs));
    this.finishes = new Batcher(async (ids) => {
      await finishDeliveries(store, ids);
      return ids.map(() => undefined);
    });
  }

  /**
   * Record a delivery and claim it for this worker, atomically: a duplicate (or a replica racing on the same
   * PostgreSQL) sees it done, or in flight elsewhere, and leaves it alone. An in-flight claim is not refused: its
   * worker finishes it, or dies and lets its lease run out, and then the reconciler has GitHub send it again.
   */
  async receive(delivery: DeliveryRecord): Promise<Receipt> {
    const claim = await this.claims.submit(delivery);
    return claim === 'done' ? 'duplicate' : claim;
  }

  /**
   * Process a claimed delivery to its end: `done`, or `failed` with the reason (the reconciler redelivers failed
   * ones). The claim is renewed while `run` works, so a slow delivery (a long rate-limit wait) keeps its lease.
   * GitHub is not called inside a transaction, and handlers' store writes are keyed so that running again after a
   * crash counts nothing twice.
   */
  async run(delivery: DeliveryRecord, run: () => Promise<void>): Promise<void> {
    const renew = setInterval(() => {
      renewDelivery(this.store, delivery.id).catch(() => undefined);
    }, this.leaseMs / 3);
    renew.unref();
    try {
      await run();
      await this.finishes.submit(delivery.id);
    } catch (err) {
      await failDelivery(this.store, delivery, (err as Error).message ?? String(err)).catch(() => undefined);
      throw err;
    } finally {
      clearInterval(renew);
    }
  }
}
