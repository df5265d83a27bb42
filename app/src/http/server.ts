import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asTrustgateError } from '@trustgate/core';
import { openStore, type Store } from '@trustgate/metrics';
import type { Probot } from 'probot';
import { deliveryReceiver } from '../app.js';
import { DEFAULT_LEASE_MS } from '../deliveries/claims.js';
import { WorkQueue } from '../deliveries/queue.js';
import { reconcileDeliveries } from '../deliveries/reconciler.js';
import { defaultEngines, type Engines } from '../engines/index.js';
import { startProbot } from '../github/octokit.js';
import type { GitHub } from '../github/types.js';
import type { AppSettings } from '../settings.js';
import { type Executor, inlineExecutor } from '../processing/job.js';
import { storeThread, threadExecutor, threadsAvailable } from '../processing/thread.js';
import { AppMetrics } from './metrics.js';
import { trustTaxRoutes } from './trust-tax.js';
import { webhookEndpoint } from './webhooks.js';

export const WEBHOOK_PATH = '/api/github/webhooks';
/** Deliveries processed at once: enough to overlap GitHub's latency, few enough to keep answering webhooks fast. */
const DEFAULT_WORKERS = 8;
const DEFAULT_QUEUE_CAPACITY = 1000;
const DEFAULT_RETRY_FAILED_AFTER_MS = 60_000;

export interface RunningApp {
  url: string;
  port: number;
  store: Store;
  metrics: AppMetrics;
  /** Run one reconciler pass now (also runs at start-up and every `reconcileIntervalMs`). */
  reconcile(): Promise<string[]>;
  /** Where handlers run: a worker thread, or this thread (engines given in code, or the App not built). */
  processing: Executor['kind'];
  /** Resolves once every delivery answered so far has been processed to its end. */
  idle(): Promise<void>;
  /** Stop taking deliveries, finish the ones already answered, then close the store. */
  close(): Promise<void>;
}

/** Start the App: store, webhooks at /api/github/webhooks (Probot's verifier), /healthz, /metrics, and the reconciler. */
export async function startServer(settings: AppSettings, options: { engines?: Engines; store?: Store } = {}): Promise<RunningApp> {
  const probot = await startProbot(settings);
  const store =
    options.store ??
    (settings.databaseUrl
      ? await openStore({
          databaseUrl: settings.databaseUrl,
          onConnectionError: (err) =>
            probot.log.warn({ err: err.message }, 'PostgreSQL closed an idle connection; the pool opens a new one'),
        })
      : threadsAvailable()
        ? await storeThread(settings.dataDir)
        : await openStore(settings.dataDir ? { dataDir: settings.dataDir } : {}));
  const metrics = new AppMetrics();
  const queue = new WorkQueue(settings.workers ?? DEFAULT_WORKERS, settings.queueCapacity ?? DEFAULT_QUEUE_CAPACITY);
  const leaseMs = settings.deliveryLeaseMs ?? DEFAULT_LEASE_MS;
  const executor = processingExecutor(settings, probot, store, options.engines);
  const reconcile = async (): Promise<string[]> => {
    const guids = await reconcileDeliveries((await probot.auth()) as unknown as GitHub, store, leaseMs);
    metrics.redeliveries.inc(guids.length);
    if (guids.length) probot.log.info({ redelivered: guids }, 'asked GitHub to redeliver failed or abandoned deliveries');
    return guids;
  };
  const reconcileQuietly = () =>
    reconcile().catch((err: Error) => {
      const failure = asTrustgateError(err);
      probot.log.warn({ err: failure.message, code: failure.code }, 'reconciler pass failed; will retry on the next pass');
      return [];
    });
  // A failed delivery is usually a passing fault: have it sent again soon, once per interval, so an outage does not use
  // up a delivery's attempts in a few minutes.
  let early: NodeJS.Timeout | undefined;
  let lastEarly = Number.NEGATIVE_INFINITY;
  const retryAfterMs = settings.retryFailedAfterMs ?? DEFAULT_RETRY_FAILED_AFTER_MS;
  const retrySoon = (): void => {
    if (early || retryAfterMs <= 0 || Date.now() - lastEarly < settings.reconcileIntervalMs) return;
    early = setTimeout(() => {
      early = undefined;
      lastEarly = Date.now();
      void reconcileQuietly();
    }, retryAfterMs);
    early.unref();
  };

  const webhooks = webhookEndpoint({
    verify: (body, signature) => probot.webhooks.verify(body, signature),
    receive: deliveryReceiver({ store, metrics, queue, executor, leaseMs, onUndelivered: () => retrySoon() }, probot.log),
    // A forged or malformed delivery is answered before anything runs: nothing is stored, only counted.
    rejected: (event) => metrics.delivery(event, 'rejected'),
    log: probot.log,
  });
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
      await store.query('select 1');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      // A trust-tax report that cannot be built must not take the App's own metrics down with it.
      const trustTaxText = await trustTax.gauges().catch((err: Error) => {
        probot.log.warn({ err: err.message }, 'trust-tax gauges unavailable');
        return '';
      });
      metrics.queueDepth.set(queue.depth);
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(`${await metrics.registry.metrics()}\n${trustTaxText}`);
      return;
    }
    if (path === '/dashboard' || path?.startsWith('/dashboard/')) {
      await trustTax.dashboard(req, res);
      return;
    }
    if (path === WEBHOOK_PATH) {
      res.on('close', queue.receive());
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
    // A failed start must not leave the store and processing threads keeping the process alive.
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
    idle: () => queue.idle(),
    async close() {
      if (timer) clearInterval(timer);
      if (early) clearTimeout(early);
      await startup;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.idle();
      await executor.close();
      if (!options.store) await store.close();
    },
  };
}

/**
 * A worker thread runs the handlers, so that answering webhooks never waits behind them. Engines given in code (tests)
 * cannot cross a thread boundary: those run in this thread, as does everything when the App has not been built.
 */
function processingExecutor(settings: AppSettings, probot: Probot, store: Store, engines: Engines | undefined): Executor {
  if (!engines && threadsAvailable()) return threadExecutor(settings, store);
  if (!engines) probot.log.warn('app/dist/processing/ is missing (run npm run build): the store and the handlers run in the main thread');
  return inlineExecutor({
    auth: async (installationId) => (await probot.auth(installationId)) as unknown as GitHub,
    db: store,
    engines: engines ?? defaultEngines,
    log: probot.log,
  });
}
