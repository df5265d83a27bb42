import type { DeliveryRecord, Store } from '@trustgate/metrics';
import type { ApplicationFunction, Context } from 'probot';
import { DeliveryClaims, type Receipt } from './deliveries/claims.js';
import type { WorkQueue } from './deliveries/queue.js';
import { AppError } from './errors.js';
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
}

/**
 * The Probot application function. Every delivery (Probot has verified its signature) is claimed in the store by
 * delivery id and answered at once; its handler then runs from the work queue, at most once.
 */
export function createApp(deps: AppDependencies): ApplicationFunction {
  const claims = new DeliveryClaims(deps.store, deps.leaseMs);
  return (app) => {
    app.onAny(async (event) => {
      // Probot hands onAny listeners its Context; the webhooks typings only know the bare event.
      const context = event as unknown as Context;
      const payload = context.payload as { action?: unknown; installation?: { id?: unknown }; repository?: { full_name?: unknown } };
      const action = typeof payload.action === 'string' ? payload.action : undefined;
      const key = action ? `${context.name}.${action}` : context.name;
      const installationId = typeof payload.installation?.id === 'number' ? payload.installation.id : undefined;
      const delivery: DeliveryRecord = {
        id: context.id,
        event: context.name,
        ...(action ? { action } : {}),
        ...(installationId !== undefined ? { installationId } : {}),
        ...(typeof payload.repository?.full_name === 'string' ? { repository: payload.repository.full_name } : {}),
      };
      const place = deps.queue.reserve();
      if (!place) {
        deps.metrics.delivery(context.name, 'busy');
        // Refused before anything is stored: GitHub records a failure and the reconciler has it sent again later.
        throw new AppError('APP_BUSY', `delivery ${context.id} (${key}) refused: ${deps.queue.depth} deliveries are already queued`);
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
        deps.metrics.delivery(context.name, receipt);
        context.log.info({ delivery: context.id, event: key, outcome: receipt }, 'delivery already claimed');
        return;
      }
      const job: DeliveryJob = {
        id: context.id,
        key,
        payload: context.payload,
        ...(installationId !== undefined ? { installationId } : {}),
      };
      place.fill(() => processDelivery(deps, claims, delivery, job, context.log));
    });
  };
}

async function processDelivery(
  deps: AppDependencies,
  claims: DeliveryClaims,
  delivery: DeliveryRecord,
  job: DeliveryJob,
  log: Context['log'],
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
    log.error(
      { delivery: delivery.id, event: job.key, err: (err as Error).message },
      'delivery failed; recorded as failed for the reconciler to have GitHub redeliver it',
    );
  } finally {
    deps.metrics.handlerSeconds.observe({ event: delivery.event }, Number(process.hrtime.bigint() - started) / 1e9);
  }
}
