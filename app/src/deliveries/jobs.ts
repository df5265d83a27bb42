import { randomBytes } from 'node:crypto';
import type { SqlClient, Store, StoreTimeouts } from '@trustgate/metrics';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from '../handlers/index.js';

/** The job engine's queue of claimed deliveries; each job names one stored delivery (its payload stays in the store). */
export const DELIVERY_QUEUE = 'trustgate-deliveries';
/** The job engine's tables live apart from the App's own. */
const SCHEMA = 'trustgate_jobs';
/** pg-boss refuses a shorter heartbeat; a claim not renewed for this long belongs to a process that died. */
const MIN_LEASE_S = 10;
/** How often this process looks for jobs whose lease ran out, to have them taken over at once. */
const TAKEOVER_INTERVAL_MS = 1000;
/**
 * Jobs pg-boss's monitor found with their heartbeat stopped (their worker died: see failJobsByHeartbeat, which
 * re-inserts them as `retry` with this output), due now rather than after the retry backoff that is meant for
 * handlers that failed. Only `retry` jobs are touched, never an `active` one: the key's unique index still lets one
 * job per pull request run at a time, and a job is retried only once its lease has run out.
 */
const TAKE_OVER_EXPIRED = `update ${SCHEMA}.job set start_after = ${SCHEMA}.job_now()
  where name = $1 and state = 'retry' and start_after > ${SCHEMA}.job_now()
    and output #>> '{value,message}' = 'job heartbeat timeout'
  returning id`;

let lastMs = 0;
let sequence = 0;
/**
 * A job id that sorts after every id this process made before (UUIDv7 layout: milliseconds, then a counter, then
 * random bits). Jobs inserted together share one `created_on`, and pg-boss breaks that tie by id when it picks the
 * head of a key: random ids would let a pull request's later delivery run before its earlier one.
 */
export function orderedJobId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // More than 4,096 in one millisecond: borrow the next one, so the order still holds.
    lastMs++;
    sequence = 0;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  const random = randomBytes(8);
  random[0] = ((random[0] ?? 0) & 0x3f) | 0x80;
  const tail = random.toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8)}-${(0x7000 | sequence).toString(16)}-${tail.slice(0, 4)}-${tail.slice(4)}`;
}

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
  private readonly takeover: NodeJS.Timeout;
  private sweeping = false;

  private constructor(
    private readonly boss: PgBoss,
    readonly leaseS: number,
    private readonly log: Logger,
  ) {
    this.takeover = setInterval(() => void this.takeOverExpired(), TAKEOVER_INTERVAL_MS);
    this.takeover.unref();
  }

  static async start(options: DeliveryJobsOptions): Promise<DeliveryJobs> {
    const leaseS = Math.max(MIN_LEASE_S, Math.ceil(options.leaseMs / 1000));
    // Dead workers' jobs are found within a few seconds of their lease running out. pg-boss looks for them only in its
    // supervise pass, so that pass runs this often too (its other work is a few small statements, or claimed per queue).
    const sweepS = Math.max(1, Math.floor(leaseS / 5));
    const common = {
      schema: SCHEMA,
      monitorIntervalSeconds: sweepS,
      superviseIntervalSeconds: sweepS,
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
    return new DeliveryJobs(boss, leaseS, options.log);
  }

  /** Add one job per claimed delivery, inside the claim's transaction `tx`, keyed by its group (see deliveryGroup). */
  async enqueue(tx: SqlClient, jobs: readonly { delivery: string; group?: string | undefined }[]): Promise<void> {
    await this.boss.insert(
      DELIVERY_QUEUE,
      jobs.map(({ delivery, group }) => ({ id: orderedJobId(), data: { delivery }, singletonKey: group ?? `delivery:${delivery}` })),
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

  /**
   * Make the jobs of dead workers due now (one sweep at a time), and wake this process's workers for them: a delivery
   * left by a process killed mid-job is taken over within about a monitor interval of its lease running out.
   */
  async takeOverExpired(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const { rows } = await this.boss.getDb().executeSql(TAKE_OVER_EXPIRED, [DELIVERY_QUEUE]);
      if (rows.length) {
        this.log.info({ jobs: rows.length }, 'job engine: taking over jobs whose lease ran out');
        this.wake();
      }
      return rows.length;
    } catch {
      // The database away for a moment: the engine's own statements report it, and the next sweep tries again.
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  /** Stop taking jobs, wait for those running, and close the engine's connections. */
  async stop(): Promise<void> {
    clearInterval(this.takeover);
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
