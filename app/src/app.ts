import { failDelivery, type Store, storedDelivery } from '@trustgate/metrics';
import type { ApplicationFunction } from 'probot';
import type { Backlog } from './deliveries/backlog.js';
import type { AnswersFirst } from './deliveries/burst.js';
import type { DeliveryClaims, Receipt } from './deliveries/claims.js';
import { deliveryGroup } from './deliveries/group.js';
import type { DeliveryJob } from './deliveries/jobs.js';
import { AppError } from './errors.js';
import type { Logger } from './handlers/index.js';
import type { AppMetrics } from './http/metrics.js';
import type { Executor } from './processing/job.js';

/** A claim that the store cannot take in this long is answered 503, before GitHub itself gives up (10 s). */
export const DEFAULT_CLAIM_TIMEOUT_MS = 6000;

export interface AppDependencies {
  store: Store;
  metrics: AppMetrics;
  /** Stores each delivery with its payload and its job, and marks it done once processed. */
  claims: DeliveryClaims;
  /** Deliveries waiting in the store: past its capacity new ones are refused, and GitHub has them sent again. */
  backlog: Backlog;
  /** What runs a stored delivery's handler (in this thread or a worker thread). */
  executor: Executor;
  /** Holds jobs back while a burst of webhooks is being answered. */
  burst?: AnswersFirst;
  claimTimeoutMs?: number;
  /** Told when a delivery was refused before it was stored: GitHub must send it again. */
  onUndelivered?: () => void;
}

/** A webhook delivery whose signature has been verified. */
export interface VerifiedDelivery {
  /** `X-GitHub-Delivery` */
  id: string;
  /** `X-GitHub-Event` */
  name: string;
  payload: unknown;
  /** The payload's JSON text as received, when there is one (stored as is; saves serialising it again). */
  body?: string;
}

/**
 * What the App does with a verified delivery: store it by delivery id with its payload and its job (one transaction).
 * Resolves once the delivery may be answered 2xx (stored now, or before: a duplicate); rejects with `APP_BUSY` when
 * the backlog is full and with `APP_STORE_UNAVAILABLE` when the store does not take the claim in time, so that GitHub
 * records a failure and the reconciler has it sent again.
 */
export function deliveryReceiver(deps: AppDependencies, log: Logger): (delivery: VerifiedDelivery) => Promise<void> {
  const timeoutMs = deps.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;
  return async ({ id, name, payload, body }) => {
    const p = payload as { action?: unknown; installation?: { id?: unknown }; repository?: { full_name?: unknown } };
    const action = typeof p.action === 'string' ? p.action : undefined;
    const installationId = typeof p.installation?.id === 'number' ? p.installation.id : undefined;
    if (!deps.backlog.reserve()) {
      deps.metrics.delivery(name, 'busy');
      deps.onUndelivered?.();
      throw new AppError('APP_BUSY', `delivery refused: ${deps.backlog.depth} deliveries are waiting to be processed`);
    }
    const claim = deps.claims.receive({
      id,
      event: name,
      ...(action ? { action } : {}),
      ...(installationId !== undefined ? { installationId } : {}),
      ...(typeof p.repository?.full_name === 'string' ? { repository: p.repository.full_name } : {}),
      payload: body ?? JSON.stringify(payload),
      group: deliveryGroup(name, payload),
    });
    let receipt: Receipt;
    try {
      receipt = await within(timeoutMs, claim);
    } catch (err) {
      deps.backlog.release();
      deps.metrics.delivery(name, 'unavailable');
      deps.onUndelivered?.();
      log.error({ delivery: id, event: name, err: (err as Error).message }, 'delivery not stored; GitHub lists it as failed');
      claim.then(
        (late) =>
          late === 'claimed' &&
          log.warn(
            { delivery: id, event: name },
            'delivery stored after it was answered 503: processed, and GitHub asked to send it again',
          ),
        () => undefined,
      );
      throw new AppError('APP_STORE_UNAVAILABLE', 'the App could not store the delivery; it will be sent again', { cause: err });
    }
    if (receipt === 'claimed') {
      deps.backlog.stored();
    } else {
      deps.backlog.release();
      deps.metrics.delivery(name, receipt);
      log.info({ delivery: id, event: name, outcome: receipt }, 'delivery already stored');
    }
  };
}

/**
 * The job engine's handler: process one stored delivery and mark it done. A failure rejects, so the engine retries
 * the job with backoff; on the last attempt the delivery is recorded as failed and the job settled (GitHub sending it
 * again, as an operator may ask, claims it anew).
 */
export function deliveryWorker(deps: AppDependencies, log: Logger): (job: DeliveryJob) => Promise<void> {
  return async (job) => {
    await deps.burst?.quiet();
    const started = process.hrtime.bigint();
    let event = 'unknown';
    try {
      const result = await deps.executor.run({ id: job.delivery });
      event = result.event ?? event;
      if (result.outcome !== 'skipped') await deps.claims.finish(job.delivery);
      deps.metrics.delivery(event, result.outcome === 'skipped' ? 'duplicate' : result.outcome);
      log.info({ delivery: job.delivery, event, outcome: result.outcome, attempt: job.retryCount + 1 }, 'delivery handled');
    } catch (err) {
      // The run failed before it could say which event it held: the stored delivery knows.
      if (event === 'unknown') event = (await storedDelivery(deps.store, job.delivery).catch(() => undefined))?.event ?? event;
      deps.metrics.delivery(event, 'failed');
      const last = job.retryCount >= job.retryLimit;
      const message = (err as Error).message ?? String(err);
      log.error(
        { delivery: job.delivery, attempt: job.retryCount + 1, of: job.retryLimit + 1, err: message },
        last ? 'delivery failed on its last attempt; recorded as failed' : 'delivery failed; the job engine retries it',
      );
      if (!last) throw err;
      // Settled rather than failed: a failed job would hold its pull request's key, and its later deliveries with it.
      await failDelivery(deps.store, job.delivery, message).catch(() => undefined);
    } finally {
      deps.metrics.handlerSeconds.observe({ event: deps.metrics.eventLabel(event) }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}

/**
 * The same receiver as a Probot application function, for running it under Probot's own server (`probot run`). Probot
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

/** `work`, or a rejection once `ms` have passed (the work itself goes on: a claim that lands late is still processed). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
