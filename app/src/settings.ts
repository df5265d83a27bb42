import { readFileSync } from 'node:fs';
import { AppError } from './errors.js';

export interface AppSettings {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  /** GitHub REST API root (GitHub Enterprise or a test double); absent means api.github.com. */
  baseUrl?: string;
  port: number;
  host: string;
  /** PostgreSQL URL; absent means the embedded store in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** How often the reconciler looks for failed deliveries; 0 disables the periodic pass (start-up still runs). */
  reconcileIntervalMs: number;
  /**
   * After a delivery is refused before it was stored (backlog full, store unreachable), run one early reconciler pass
   * this much later instead of waiting for the periodic one; at most one per reconcile interval, unless the last pass
   * left deliveries for lack of room. Absent means 60 s; 0 never.
   */
  retryFailedAfterMs?: number;
  /**
   * How long a worker's claim on a delivery's job lasts without renewal (renewed every third of it while the job runs)
   * before any instance takes it over; absent means 30 s, and less than 10 s counts as 10 s (the job engine's floor).
   */
  deliveryLeaseMs?: number;
  /** Deliveries processed at the same time; absent means 8. */
  workers?: number;
  /** Stored deliveries waiting to be processed before new ones are refused (GitHub has them sent again); absent means 10,000. */
  queueCapacity?: number;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** Token for the read-only trust-tax dashboard; absent means the dashboard answers 503 (disabled). */
  dashboardToken?: string;
}

/** Settings from the environment; what is missing is named together with the variable that supplies it. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): AppSettings {
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new AppError('APP_SETTINGS_INVALID', `${name} is not set; see docs/app.md for the App's settings`);
    return v;
  };
  const privateKey = env.PRIVATE_KEY ?? (env.PRIVATE_KEY_PATH ? readFileSync(env.PRIVATE_KEY_PATH, 'utf8') : undefined);
  if (!privateKey) throw new AppError('APP_SETTINGS_INVALID', 'PRIVATE_KEY or PRIVATE_KEY_PATH is not set; see docs/app.md');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('APP_SETTINGS_INVALID', `PORT=${env.PORT} is not a port number`);
  }
  const level = env.LOG_LEVEL ?? 'info';
  if (!['trace', 'debug', 'info', 'warn', 'error', 'fatal'].includes(level)) {
    throw new AppError('APP_SETTINGS_INVALID', `LOG_LEVEL=${level} is not one of trace, debug, info, warn, error, fatal`);
  }
  return {
    appId: need('APP_ID'),
    privateKey: privateKey.replace(/\\n/g, '\n'),
    webhookSecret: need('WEBHOOK_SECRET'),
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    port,
    host: env.HOST ?? '0.0.0.0',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.TRUSTGATE_DATA_DIR ? { dataDir: env.TRUSTGATE_DATA_DIR } : {}),
    reconcileIntervalMs:
      env.TRUSTGATE_RECONCILE_INTERVAL_MS !== undefined ? nonNegative(env, 'TRUSTGATE_RECONCILE_INTERVAL_MS') : 10 * 60 * 1000,
    ...(env.TRUSTGATE_RETRY_FAILED_AFTER_MS !== undefined
      ? { retryFailedAfterMs: nonNegative(env, 'TRUSTGATE_RETRY_FAILED_AFTER_MS') }
      : {}),
    ...(env.TRUSTGATE_DELIVERY_LEASE_MS ? { deliveryLeaseMs: positive(env, 'TRUSTGATE_DELIVERY_LEASE_MS') } : {}),
    ...(env.TRUSTGATE_WORKERS ? { workers: positive(env, 'TRUSTGATE_WORKERS') } : {}),
    ...(env.TRUSTGATE_QUEUE_CAPACITY ? { queueCapacity: positive(env, 'TRUSTGATE_QUEUE_CAPACITY') } : {}),
    logLevel: level as AppSettings['logLevel'],
    ...(env.TRUSTGATE_DASHBOARD_TOKEN ? { dashboardToken: env.TRUSTGATE_DASHBOARD_TOKEN } : {}),
  };
}

function nonNegative(env: NodeJS.ProcessEnv, name: string): number {
  const n = Number(env[name]);
  if (!Number.isInteger(n) || n < 0)
    throw new AppError('APP_SETTINGS_INVALID', `${name}=${env[name]} is not a whole number of milliseconds`);
  return n;
}

function positive(env: NodeJS.ProcessEnv, name: string): number {
  const n = Number(env[name]);
  if (!Number.isInteger(n) || n < 1) throw new AppError('APP_SETTINGS_INVALID', `${name}=${env[name]} is not a positive whole number`);
  return n;
}
