import type { SqlClient } from '@trustgate/metrics';
import type { Engines } from '../engines/index.js';
import type { GitHub } from '../github/types.js';
import { HANDLERS, type Logger } from '../handlers/index.js';

/** A claimed delivery as it is handed to processing: plain data, so it can cross to a worker thread. */
export interface DeliveryJob {
  id: string;
  /** `event.action`, or the event alone, as HANDLERS is keyed. */
  key: string;
  /**
   * The payload as GitHub sent it (JSON text). Held as one string while the job waits, and parsed where it is
   * processed: a queue of parsed payloads would be thousands of small objects each for the collector to copy.
   */
  body: string;
  installationId?: number;
}

/** Where processing gets what a handler needs: GitHub as the delivery's installation, the store, the engines. */
export interface ProcessingDeps {
  /** An installation client (the app's own when the delivery names no installation). */
  auth(installationId?: number): Promise<GitHub>;
  db: SqlClient;
  engines: Engines;
  log: Logger & { child(bindings: object): Logger };
}

/** Run the handler the job's event maps to; false when there is none (the delivery is acknowledged and ignored). */
export async function runJob(job: DeliveryJob, deps: ProcessingDeps): Promise<boolean> {
  const handler = HANDLERS[job.key];
  if (!handler) return false;
  const github = await deps.auth(job.installationId);
  await handler({
    deliveryId: job.id,
    event: job.key,
    payload: JSON.parse(job.body) as unknown,
    github,
    db: deps.db,
    engines: deps.engines,
    log: deps.log.child({ delivery: job.id, event: job.key }),
  });
  return true;
}

/** How claimed deliveries are processed: in this thread, or in a worker thread beside the webhook server. */
export interface Executor {
  readonly kind: 'worker-thread' | 'main-thread';
  /** Process one job; resolves true when a handler ran, false when the event has none. */
  run(job: DeliveryJob): Promise<boolean>;
  close(): Promise<void>;
}

export function inlineExecutor(deps: ProcessingDeps): Executor {
  return { kind: 'main-thread', run: (job) => runJob(job, deps), close: async () => {} };
}
