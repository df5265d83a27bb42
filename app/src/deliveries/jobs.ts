import type { SqlClient, Store, StoreTimeouts } from '@trustgate/metrics';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from '../handlers/index.js';

/** The job engine's queue of claimed deliveries; each job names one stored delivery (its payload stays in the store). */
export const DELIVERY_QUEUE = 'trustgate-deliveries';
/** The job engine's tables live apart from the App's own. */
const SCHEMA = 'trustgate_jobs';
/** pg-boss refuses a shorter heartbeat; a claim not renewed for this long belongs to a process that died. */
const MIN_LEASE_S = 10;

/** A delivery job as a worker takes it up. */
export interface DeliveryJob {
  delivery: string;
  /** Earlier attempts at this job (a lease that ran out counts as one). */
  retryCount: number;
  retryLimit: number;
}

export interface DeliveryJobsOptions {
  /** The App's store: the embedded one is shared with the job engine; on PostgreSQL the engine opens its own pool. */
  store: Store;
  databaseUrl?: string;
  /** How long a worker's claim on a job lasts without renewal (renewed at a third of it while the job runs). */
  leaseMs: number;
  timeouts?: StoreTimeouts;
  log: Logger;
}

/**
 * The durable queue, on pg-boss: jobs are added in the claim's own transaction, taken by workers with `SKIP LOCKED`,
 * kept by heartbeats while they run, and a job whose heartbeat stops (its process died) is retried by any live
 * instance's monitor as soon as its lease has run out. The embedded store runs the same engine: pg-boss has a
 * PGlite backend, on PGlite's one connection.
 */
export class DeliveryJobs {
  private readonly workers: string[] = [];

  private constructor(
    private readonly boss: PgBoss,
    readonly leaseS: number,
  ) {}

  static async start(options: DeliveryJobsOptions): Promise<DeliveryJobs> {
    const leaseS = Math.max(MIN_LEASE_S, Math.ceil(options.leaseMs / 1000));
    const common = {
      schema: SCHEMA,
      // Dead workers' jobs are found within a few seconds of their lease running out.
      monitorIntervalSeconds: Math.max(1, Math.floor(leaseS / 5)),
      superviseIntervalSeconds: 60,
      schedule: false,
      registerInstance: false,
      openTelemetry: { enabled: false },
    };
    const boss = options.databaseUrl
      ? new PgBoss({
          ...common,
          connectionString: options.databaseUrl,
          max: 4,
          connectionTimeoutMillis: options.timeouts?.connectMs ?? 10_000,
          ...(options.timeouts?.statementMs ? { options: `-c statement_timeout=${options.timeouts.statementMs}` } : {}),
        })
      : new PgBoss({ ...common, backend: 'pglite', db: fromPglite(pgliteOf(options.store)) });
    // Unheard, an engine error (the database gone for a moment) would end the process; the engine retries itself.
    boss.on('error', (err: Error) => options.log.warn({ err: err.message }, 'job engine: database error; it retries'));
    await boss.start();
    await boss.createQueue(DELIVERY_QUEUE, {
      // One job per key at a time, in order, enforced by a unique index (so across replicas too): a pull request's
      // deliveries never race each other to create its check run or its comment.
      policy: 'key_strict_fifo',
      heartbeatSeconds: leaseS,
      // A delivery never runs for long (GitHub waits are capped at a minute each): past this it counts as stuck.
      expireInSeconds: 15 * 60,
      // Retries are for passing faults (GitHub down, a kill): back off from 5 s to 15 min over about a day.
      retryLimit: 12,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 15 * 60,
      deleteAfterSeconds: 24 * 60 * 60,
    });
    return new DeliveryJobs(boss, leaseS);
  }

  /** Add one job per claimed delivery, inside the claim's transaction `tx`, keyed by its group (see deliveryGroup). */
  async enqueue(tx: SqlClient, jobs: readonly { delivery: string; group?: string | undefined }[]): Promise<void> {
    await this.boss.insert(
      DELIVERY_QUEUE,
      jobs.map(({ delivery, group }) => ({ data: { delivery }, singletonKey: group ?? `delivery:${delivery}` })),
      { db: { executeSql: (text: string, values?: unknown[]) => tx.query(text, values ?? []) } },
    );
  }

  /**
   * Run `handle` for each job, `concurrency` at a time in this process; a rejection fails the attempt (retried later).
   * A job that ends failed would hold its key (and so its pull request's later deliveries): `handle` must resolve on
   * the last attempt.
   */
  async work(concurrency: number, handle: (job: DeliveryJob) => Promise<void>): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      this.workers.push(
        await this.boss.work(
          DELIVERY_QUEUE,
          {
            batchSize: 1,
            includeMetadata: true,
            pollingIntervalSeconds: 2,
            heartbeatRefreshSeconds: Math.max(1, Math.floor(this.leaseS / 3)),
          },
          async ([job]) => {
            if (!job) return;
            await handle({ delivery: (job.data as { delivery: string }).delivery, retryCount: job.retryCount, retryLimit: job.retryLimit });
          },
        ),
      );
    }
  }

  /** Jobs were added here: have idle workers look now rather than at their next poll. */
  wake(): void {
    for (const id of this.workers) this.boss.notifyWorker(id);
  }

  /** Stop taking jobs, wait for those running, and close the engine's connections. */
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 30_000 });
  }
}

/** The embedded store as pg-boss's PGlite backend sees it: statements with parameters, and scripts. */
function pgliteOf(store: Store) {
  const exec = store.exec?.bind(store);
  if (!exec) throw new TypeError('the embedded store cannot run scripts (Store.exec)');
  return {
    query: <T>(text: string, params?: unknown[]) => store.query(text, params ?? []) as Promise<{ rows: T[] }>,
    exec: async (text: string) => [await exec(text)],
  };
}
