import type { DeliveryRecord, Store } from '@trustgate/metrics';
import type { ApplicationFunction } from 'probot';
import { DeliveryClaims, type Receipt } from './deliveries/claims.js';
import type { WorkQueue } from './deliveries/queue.js';
import { AppError } from './errors.js';
import type { Logger } from './handlers/index.js';
import type { AppMetrics } from './http/metrics.js';
import type { DeliveryJob, Executor } from './processing/job.js';

export interface AppDependencies {
  store: Store;
  metrics: AppMetrics;
  /** Where claimed deliveries wait to be processed, after GitHub has been answered. */
  queue: WorkQueue;
  /** What runs a claimed delivery's handler (in this thread or a worker thread). */
  executor: Executor;
  /** How long a claim on a delivery lasts without renewal before it counts as abandoned (see DeliveryClaims). */
  leaseMs?: number;
  /** Told when a delivery failed after it was answered, or was refused: GitHub must send it again. */
  onUndelivered?: () => void;
}

/** A webhook delivery whose signature has been verified. */
export interface VerifiedDelivery {
  /** `X-GitHub-Delivery` */
  id: string;
  /** `X-GitHub-Event` */
  name: string;
  payload: unknown;
  /** The payload's JSON text as received, when there is one (saves serialising it again for processing). */
  body?: string;
}

/**
 * What the App does with a verified delivery: claim it in the store by delivery id and queue its processing.
 * Resolves once the delivery may be answered 2xx (claimed now, or already claimed: a duplicate); rejects with
 * `APP_BUSY` when the queue is full, before anything is stored, so that GitHub records a failure.
 */
export function deliveryReceiver(deps: AppDependencies, log: Logger): (delivery: VerifiedDelivery) => Promise<void> {
  const claims = new DeliveryClaims(deps.store, deps.leaseMs);
  return async ({ id, name, payload, body }) => {
    const p = payload as { action?: unknown; installation?: { id?: unknown }; repository?: { full_name?: unknown } };
    const action = typeof p.action === 'string' ? p.action : undefined;
    const key = action ? `${name}.${action}` : name;
    const installationId = typeof p.installation?.id === 'number' ? p.installation.id : undefined;
    const delivery: DeliveryRecord = {
      id,
      event: name,
      ...(action ? { action } : {}),
      ...(installationId !== undefined ? { installationId } : {}),
      ...(typeof p.repository?.full_name === 'string' ? { repository: p.repository.full_name } : {}),
    };
    const place = deps.queue.reserve();
    if (!place) {
      deps.metrics.delivery(name, 'busy');
      deps.onUndelivered?.();
      // Refused before anything is stored: GitHub records a failure and the reconciler has it sent again later.
      throw new AppError('APP_BUSY', `delivery ${id} (${key}) refused: ${deps.queue.depth} deliveries are already queued`);
    }
    let receipt: Receipt;
    try {
      receipt = await claims.receive(delivery);
    } catch (err) {
      place.release();
      throw err;
    }
    if (receipt !== 'claimed') {
      place.release();
      deps.metrics.delivery(name, receipt);
      log.info({ delivery: id, event: key, outcome: receipt }, 'delivery already claimed');
      return;
    }
    const job: DeliveryJob = {
      id,
      key,
      body: body ?? JSON.stringify(payload),
      ...(installationId !== undefined ? { installationId } : {}),
    };
    place.fill(() => processDelivery(deps, claims, delivery, job, log));
  };
}

/**
 * The same App as a Probot application function, for running it under Probot's own server (`probot run`). Probot
 * has verified each delivery's signature before `onAny` sees it. `trustgate serve` answers webhooks itself (see
 * http/webhooks.ts) and skips the installation client Probot builds for every event, which answering never uses.
 */
export function createApp(deps: AppDependencies): ApplicationFunction {
  return (app) => {
    const receive = deliveryReceiver(deps, app.log);
    app.onAny(async (event) => {
      await receive({ id: event.id, name: event.name, payload: event.payload });
    });
  };
}

async function processDelivery(
  deps: AppDependencies,
  claims: DeliveryClaims,
  delivery: DeliveryRecord,
  job: DeliveryJob,
  log: Logger,
): Promise<void> {
  const started = process.hrtime.bigint();
  try {
    let handled = false;
    await claims.run(delivery, async () => {
      handled = await deps.executor.run(job);
    });
    const outcome = handled ? 'processed' : 'ignored';
    deps.metrics.delivery(delivery.event, outcome);
    log.info({ delivery: delivery.id, event: job.key, outcome }, 'delivery handled');
  } catch (err) {
    deps.metrics.delivery(delivery.event, 'failed');
    deps.onUndelivered?.();
    log.error(
      { delivery: delivery.id, event: job.key, err: (err as Error).message },
      'delivery failed; recorded as failed for the reconciler to have GitHub redeliver it',
    );
  } finally {
    deps.metrics.handlerSeconds.observe({ event: delivery.event }, Number(process.hrtime.bigint() - started) / 1e9);
  }
}
