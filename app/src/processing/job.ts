import { type SqlClient, storedDelivery } from '@trustgate/metrics';
import type { Engines } from '../engines/index.js';
import type { GitHub } from '../github/types.js';
import { HANDLERS, type Logger } from '../handlers/index.js';

/** A stored delivery to process, by id: plain data, so it can cross to a worker thread; the payload is read from the store. */
export interface ProcessRequest {
  id: string;
}

/** `processed`: a handler ran; `ignored`: the event has none; `skipped`: already done (or no longer stored). */
export type ProcessOutcome = 'processed' | 'ignored' | 'skipped';

export interface ProcessResult {
  outcome: ProcessOutcome;
  /** The delivery's event, for metrics. */
  event?: string;
}

/** Where processing gets what a handler needs: GitHub as the delivery's installation, the store, the engines. */
export interface ProcessingDeps {
  /** An installation client (the app's own when the delivery names no installation). */
  auth(installationId?: number): Promise<GitHub>;
  db: SqlClient;
  engines: Engines;
  log: Logger & { child(bindings: object): Logger };
  /** The App's id (APP_ID): its check runs are found by it. */
  appId?: number;
}

/** Run the handler a stored delivery's event maps to, from the payload the store holds. */
export async function runJob(job: ProcessRequest, deps: ProcessingDeps): Promise<ProcessResult> {
  const stored = await storedDelivery(deps.db, job.id);
  // Done already: a job retried after its worker died between finishing and telling the job engine.
  if (!stored || stored.status === 'done' || stored.payload === null)
    return { outcome: 'skipped', ...(stored ? { event: stored.event } : {}) };
  const key = stored.action ? `${stored.event}.${stored.action}` : stored.event;
  const handler = HANDLERS[key];
  if (!handler) return { outcome: 'ignored', event: stored.event };
  const github = await deps.auth(stored.installationId);
  await handler({
    deliveryId: job.id,
    event: key,
    payload: JSON.parse(stored.payload) as unknown,
    github,
    db: deps.db,
    engines: deps.engines,
    log: deps.log.child({ delivery: job.id, event: key }),
    ...(deps.appId !== undefined ? { appId: deps.appId } : {}),
  });
  return { outcome: 'processed', event: stored.event };
}

/** How stored deliveries are processed: in this thread, or in a worker thread beside the webhook server. */
export interface Executor {
  readonly kind: 'worker-thread' | 'main-thread';
  run(job: ProcessRequest): Promise<ProcessResult>;
  close(): Promise<void>;
}

export function inlineExecutor(deps: ProcessingDeps): Executor {
  return { kind: 'main-thread', run: (job) => runJob(job, deps), close: async () => {} };
}
