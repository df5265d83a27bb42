import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore, type Store } from '@trustgate/metrics';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import { createApp } from '../app.js';
import { reconcileDeliveries } from '../deliveries/reconciler.js';
import { secondaryRateLimitRetry } from '../deliveries/rate-limit.js';
import type { Engines } from '../engines/index.js';
import type { GitHub } from '../github/types.js';
import type { AppSettings } from '../settings.js';
import { AppMetrics } from './metrics.js';
import { trustTaxRoutes } from './trust-tax.js';

export const WEBHOOK_PATH = '/api/github/webhooks';

export interface RunningApp {
  url: string;
  port: number;
  store: Store;
  metrics: AppMetrics;
  /** Run one reconciler pass now (also runs at start-up and every `reconcileIntervalMs`). */
  reconcile(): Promise<string[]>;
  close(): Promise<void>;
}

// Probot's throttling queues every write one second apart, process-wide; instead GitHub's own secondary rate limit
// answers are waited out and retried. A function, because Probot sets its throttle options after plain defaults.
const AppOctokit = ProbotOctokit.plugin(secondaryRateLimitRetry).defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));

/** Start the App: store, Probot webhooks at /api/github/webhooks, /healthz, /metrics, and the reconciler. */
export async function startServer(settings: AppSettings, options: { engines?: Engines; store?: Store } = {}): Promise<RunningApp> {
  const store =
    options.store ??
    (await openStore({
      ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}),
      ...(settings.dataDir ? { dataDir: settings.dataDir } : {}),
    }));
  const metrics = new AppMetrics();
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    logFormat: 'json',
    logLevel: settings.logLevel,
    Octokit: AppOctokit as typeof ProbotOctokit,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  });
  const appFn = createApp({
    store,
    metrics,
    ...(options.engines ? { engines: options.engines } : {}),
    ...(settings.deliveryLeaseMs !== undefined ? { leaseMs: settings.deliveryLeaseMs } : {}),
  });
  const webhooks = await createNodeMiddleware(appFn, { probot, webhooksPath: WEBHOOK_PATH });
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
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(`${await metrics.registry.metrics()}\n${trustTaxText}`);
      return;
    }
    if (path === '/dashboard' || path?.startsWith('/dashboard/')) {
      await trustTax.dashboard(req, res);
      return;
    }
    if (path === WEBHOOK_PATH) {
      // A bad signature is answered by Probot before any handler runs: nothing is stored, only counted.
      res.on('finish', () => {
        if (res.statusCode === 400 || res.statusCode === 401) {
          const event = String(req.headers['x-github-event'] ?? 'unknown');
          metrics.delivery(event, 'rejected');
        }
      });
    }
    await webhooks(req, res, () => {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const reconcile = async (): Promise<string[]> => {
    const guids = await reconcileDeliveries((await probot.auth()) as unknown as GitHub, store);
    metrics.redeliveries.inc(guids.length);
    if (guids.length) probot.log.info({ redelivered: guids }, 'asked GitHub to redeliver failed deliveries');
    return guids;
  };
  const reconcileQuietly = () =>
    reconcile().catch((err: Error) => {
      probot.log.warn({ err: err.message }, 'reconciler pass failed; will retry on the next pass');
      return [];
    });
  const startup = reconcileQuietly();
  const timer = settings.reconcileIntervalMs > 0 ? setInterval(reconcileQuietly, settings.reconcileIntervalMs) : undefined;
  timer?.unref();

  return {
    url: `http://${settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host}:${port}`,
    port,
    store,
    metrics,
    reconcile,
    async close() {
      if (timer) clearInterval(timer);
      await startup;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.store) await store.close();
    },
  };
}
