import {
  answeredDeliveries,
  type ClaimedDelivery,
  claimDeliveries,
  type DeliveryClaim,
  finishDeliveries,
  type Store,
} from '@trustgate/metrics';
import { Batcher } from './batcher.js';
import type { DeliveryJobs } from './jobs.js';

/** GitHub gives up on a delivery after 10 s; a claim not renewed for this long belongs to a process that died. */
export const DEFAULT_LEASE_MS = 30_000;

/** `claimed`: stored and queued now; `duplicate`: processed before; `queued`: stored before, not yet processed. */
export type Receipt = 'claimed' | 'duplicate' | 'queued';

/**
 * Each delivery stored once, with its payload and its job in one transaction, and marked done once processed. Claims
 * and finishes made in the same moment are written together (group commit): a burst costs a few transactions.
 */
/** A delivery to store, and the job group it is processed in. */
export type ArrivingDelivery = ClaimedDelivery & { group?: string | undefined };

export class DeliveryClaims {
  private readonly claims: Batcher<ArrivingDelivery, DeliveryClaim>;
  private readonly finishes: Batcher<string, undefined>;
  private readonly answers: Batcher<string, undefined>;

  constructor(store: Store, jobs: DeliveryJobs) {
    this.claims = new Batcher(async (ds) => {
      const groups = new Map(ds.map((d) => [d.id, d.group]));
      const out = await claimDeliveries(store, ds, (tx, ids) =>
        jobs.enqueue(
          tx,
          ids.map((delivery) => ({ delivery, group: groups.get(delivery) })),
        ),
      );
      if (out.includes('claimed')) jobs.wake();
      return out;
    });
    this.finishes = new Batcher(async (ids) => {
      await finishDeliveries(store, ids);
      return ids.map(() => undefined);
    });
    this.answers = new Batcher(async (ids) => {
      await answeredDeliveries(store, ids);
      return ids.map(() => undefined);
    });
  }

  /**
   * Store a verified delivery and queue it, or find it stored already: a duplicate (or a replica racing on the same
   * PostgreSQL) sees it done, or queued, and leaves it to the job that exists.
   */
  async receive(delivery: ArrivingDelivery): Promise<Receipt> {
    const claim = await this.claims.submit(delivery);
    return claim === 'done' ? 'duplicate' : claim;
  }

  /**
   * GitHub was answered 2xx for a stored delivery. Until this is recorded, the reconciler has GitHub send the delivery
   * again should GitHub list it as failed (a claim that landed after its 503): the copy is answered as a duplicate.
   */
  answered(id: string): Promise<void> {
    return this.answers.submit(id) as Promise<unknown> as Promise<void>;
  }

  /** A delivery processed to its end: done, its payload no longer kept. */
  finish(id: string): Promise<void> {
    return this.finishes.submit(id) as Promise<unknown> as Promise<void>;
  }
}
