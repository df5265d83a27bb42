import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asTrustgateError } from '@trustgate/core';
import { openStore, queuedDeliveries, type Store, type StoreTimeouts } from '@trustgate/metrics';
import type { Probot } from 'probot';
import { deliveryReceiver, deliveryWorker } from '../app.js';
import { Backlog } from '../deliveries/backlog.js';
import { AnswersFirst } from '../deliveries/burst.js';
import { DEFAULT_LEASE_MS, DeliveryClaims } from '../deliveries/claims.js';
import { DeliveryJobs } from '../deliveries/jobs.js';
import { reconcileDeliveries } from '../deliveries/reconciler.js';
import type { Engines } from '../engines/index.js';
import { startProbot } from '../github/octokit.js';
import type { GitHub } from '../github/types.js';
import type { AppSettings } from '../settings.js';
import type { Executor } from '../processing/job.js';
import { storeThread, threadExecutor, threadsAvailable } from '../processing/thread.js';
import { AppMetrics } from './metrics.js';
import { trustTaxRoutes } from './trust-tax.js';
import { webhookEndpoint } from './webhooks.js';

export const WEBHOOK_PATH = '/api/github/webhooks';
/** Deliveries processed at once: enough to overlap GitHub's latency, few enough to keep answering webhooks fast. */
const DEFAULT_WORKERS = 8;
/** Stored deliveries waiting before new ones are refused (GitHub then has them sent again): a bound on the store. */
const DEFAULT_QUEUE_CAPACITY = 10_000;
const DEFAULT_RETRY_FAILED_AFTER_MS = 60_000;
/** PostgreSQL: a connection not had in 3 s or a statement not answered in 8 s is an outage, not a wait (GitHub waits 10 s). */
const POSTGRES_TIMEOUTS: StoreTimeouts = { connectMs: 3000, statementMs: 8000 };
/** /healthz answers within this, reporting the store as down when it has not answered. */
const HEALTH_TIMEOUT_MS = 2000;

export interface RunningApp {
  url: string;
  port: number;
  store: Store;
  metrics: AppMetrics;
  /** Run one reconciler pass now (also runs at start-up and every `reconcileIntervalMs`). */
  reconcile(): Promise<string[]>;
  /** Where handlers run: a worker thread, or this thread (engines given in code, or the App not built). */
  processing: Executor['kind'];
  /** Resolves once no stored delivery is waiting or being processed (in any replica sharing the store). */
  idle(): Promise<void>;
  /** Stop taking deliveries, finish the ones being processed (the rest stay stored), then close the store. */
  close(): Promise<void>;
}

/** Start the App: store, job engine, webhooks at /api/github/webhooks, /healthz, /metrics, and the reconciler. */
export async function startServer(settings: AppSettings, options: { engines?: Engines; store?: Store } = {}): Promise<RunningApp> {
  const probot = await startProbot(settings);
  const store =
    options.store ??
    (settings.databaseUrl
      ? await openStore({
          databaseUrl: settings.databaseUrl,
          timeouts: POSTGRES_TIMEOUTS,
          onConnectionError: (err) =>
            probot.log.warn({ err: err.message }, 'PostgreSQL closed an idle connection; the pool opens a new one'),
        })
      : threadsAvailable()
        ? await storeThread(settings.dataDir)
        : await openStore(settings.dataDir ? { dataDir: settings.dataDir } : {}));
  const metrics = new AppMetrics();
  const leaseMs = settings.deliveryLeaseMs ?? DEFAULT_LEASE_MS;
  const jobs = await DeliveryJobs.start({
    store,
    ...(store.kind === 'postgres' && settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}),
    leaseMs,
    timeouts: POSTGRES_TIMEOUTS,
    log: probot.log,
  });
  const backlog = new Backlog(() => queuedDeliveries(store), settings.queueCapacity ?? DEFAULT_QUEUE_CAPACITY);
  const claims = new DeliveryClaims(store, jobs);
  const burst = new AnswersFirst();
  const executor = await processingExecutor(settings, probot, store, options.engines);
  const retryAfterMs = settings.retryFailedAfterMs ?? DEFAULT_RETRY_FAILED_AFTER_MS;
  // A delivery is asked for again once per interval, however many passes (here or in other replicas) find it failed.
  const spacingMs = Math.max(settings.reconcileIntervalMs, retryAfterMs) || DEFAULT_RETRY_FAILED_AFTER_MS;
  const pass = async (): Promise<string[]> => {
    await backlog.refresh(true);
    const room = Math.max(0, backlog.capacity - backlog.depth);
    const { redelivered, left } = await reconcileDeliveries((await probot.auth()) as unknown as GitHub, store, {
      limit: room,
      spacingMs,
      ...(settings.reconcileRequestTimeoutMs !== undefined ? { requestTimeoutMs: settings.reconcileRequestTimeoutMs } : {}),
    });
    metrics.redeliveries.inc(redelivered.length);
    if (redelivered.length || left) {
      probot.log.info({ redelivered: redelivered.length, left }, 'asked GitHub to redeliver deliveries refused before they were stored');
    }
    // Left for lack of room: look again once the backlog has had time to drain.
    if (left > 0) retrySoon(true);
    return redelivered;
  };
  // One pass at a time in this process: passes due while one runs (stuck in an outage) share its result.
  let running: Promise<string[]> | undefined;
  const reconcile = (): Promise<string[]> => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };
  const reconcileQuietly = () =>
    reconcile().catch((err: Error) => {
      const failure = asTrustgateError(err);
      probot.log.warn({ err: failure.message, code: failure.code }, 'reconciler pass failed; will retry on the next pass');
      return [];
    });
  // A refusal is usually a passing fault (a burst, the database away for a moment): have GitHub send the refused
  // deliveries again soon, once per interval, so an outage does not use up a delivery's attempts in a few minutes.
  let early: NodeJS.Timeout | undefined;
  let lastEarly = Number.NEGATIVE_INFINITY;
  const retrySoon = (more = false): void => {
    if (early || retryAfterMs <= 0 || (!more && Date.now() - lastEarly < settings.reconcileIntervalMs)) return;
    early = setTimeout(() => {
      early = undefined;
      lastEarly = Date.now();
      void reconcileQuietly();
    }, retryAfterMs);
    early.unref();
  };

  const deps = {
    store,
    metrics,
    claims,
    backlog,
    executor,
    burst,
    onUndelivered: () => retrySoon(),
    ...(settings.claimTimeoutMs !== undefined ? { claimTimeoutMs: settings.claimTimeoutMs } : {}),
  };
  const webhooks = webhookEndpoint({
    secret: settings.webhookSecret,
    receive: deliveryReceiver(deps, probot.log),
    // Unrecorded, a delivery GitHub also lists as failed is sent once more, and answered as a duplicate.
    answered: (id) =>
      void claims.answered(id).catch((err: Error) => probot.log.warn({ delivery: id, err: err.message }, 'answer not recorded')),
    // Refused at the door: nothing is stored, only counted (under a fixed set of event labels).
    rejected: (event, status) => metrics.delivery(event, status === 503 ? 'busy' : 'rejected'),
    log: probot.log,
  });
  await jobs.work(settings.workers ?? DEFAULT_WORKERS, deliveryWorker(deps, probot.log));
  const trustTax = trustTaxRoutes(store, settings.dashboardToken);

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: Error) => {
      probot.log.error({ err: err.message }, 'request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      const up = await answersWithin(HEALTH_TIMEOUT_MS, store.query('select 1'));
      res.writeHead(up ? 200 : 503, { 'content-type': 'application/json' }).end(up ? '{"status":"ok"}' : '{"status":"store unavailable"}');
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      // A trust-tax report that cannot be built must not take the App's own metrics down with it.
      const trustTaxText = await trustTax.gauges().catch((err: Error) => {
        probot.log.warn({ err: err.message }, 'trust-tax gauges unavailable');
        return '';
      });
      await backlog.refresh(true);
      metrics.queueDepth.set(backlog.depth);
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(`${await metrics.registry.metrics()}\n${trustTaxText}`);
      return;
    }
    if (path === '/dashboard' || path?.startsWith('/dashboard/')) {
      await trustTax.dashboard(req, res);
      return;
    }
    if (path === WEBHOOK_PATH) {
      res.on('close', burst.receive());
      await webhooks(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => resolve());
    });
  } catch (err) {
    // A failed start must not leave the job engine, the store and processing threads keeping the process alive.
    await jobs.stop();
    await executor.close();
    if (!options.store) await store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;

  const startup = reconcileQuietly();
  const timer = settings.reconcileIntervalMs > 0 ? setInterval(reconcileQuietly, settings.reconcileIntervalMs) : undefined;
  timer?.unref();
  return {
    url: `http://${settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host}:${port}`,
    port,
    store,
    metrics,
    reconcile,
    processing: executor.kind,
    async idle() {
      while ((await queuedDeliveries(store)) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async close() {
      if (timer) clearInterval(timer);
      if (early) clearTimeout(early);
      await startup;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
      await executor.close();
      if (!options.store) await store.close();
    },
  };
}

/** Whether `work` settles within `ms` (and resolves). */
async function answersWithin(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const ok = await Promise.race([
    work.then(
      () => true as const,
      () => false as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  return ok;
}

/**
 * A worker thread runs the handlers, so that answering webhooks never waits behind them. Engines given in code (tests)
 * cannot cross a thread boundary: those run in this thread, as does everything when the App has not been built.
 */
async function processingExecutor(settings: AppSettings, probot: Probot, store: Store, engines: Engines | undefined): Promise<Executor> {
  if (!engines && threadsAvailable()) return threadExecutor(settings, store);
  if (!engines) probot.log.warn('app/dist/processing/ is missing (run npm run build): the store and the handlers run in the main thread');
  // The handlers and engines are loaded where they run: in the processing thread, or here when there is none.
  const [{ inlineExecutor }, { createEngines, withDecisionLog }] = await Promise.all([
    import('../processing/job.js'),
    import('../engines/index.js'),
  ]);
  return inlineExecutor({
    auth: async (installationId) => (await probot.auth(installationId)) as unknown as GitHub,
    db: store,
    engines: withDecisionLog(engines ?? createEngines(), settings.decisionKey),
    log: probot.log,
    ...(Number.isInteger(Number(settings.appId)) ? { appId: Number(settings.appId) } : {}),
  });
}
