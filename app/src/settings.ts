import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { asTrustgateError } from '@trustgate/core';
import { decisionSigner } from '@trustgate/metrics';
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
  /** A delivery whose claim the store has not taken in this long is answered 503; absent means 6 s (GitHub waits 10 s). */
  claimTimeoutMs?: number;
  /** Deliveries processed at the same time; absent means 8. */
  workers?: number;
  /** Stored deliveries waiting to be processed before new ones are refused (GitHub has them sent again); absent means 10,000. */
  queueCapacity?: number;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** Token for the read-only trust-tax dashboard; absent means the dashboard answers 503 (disabled). */
  dashboardToken?: string;
  /** Ed25519 PEM that signs the decision log; absent means deployment decisions are not logged. */
  decisionKey?: string;
}

/**
 * Settings from the environment. Every missing or invalid one is listed at once (an operator fixes them in one go),
 * each with the variable that supplies it; the private key must parse as a PEM private key.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): AppSettings {
  const problems: string[] = [];
  const need = (name: string): string => {
    const v = env[name];
    if (!v) problems.push(`${name} is not set`);
    return v ?? '';
  };
  const read = <T>(name: string, parse: (v: string) => T | undefined, what: string): T | undefined => {
    const v = env[name];
    if (v === undefined) return undefined;
    const parsed = parse(v);
    if (parsed === undefined) problems.push(`${name}=${v} is not ${what}`);
    return parsed;
  };
  const appId = need('APP_ID');
  const decisionKey = readDecisionKey(env, problems);
  const privateKey = readPrivateKey(env, problems);
  const webhookSecret = need('WEBHOOK_SECRET');
  const port = read('PORT', (v) => wholeNumber(v, 0, 65535), 'a port number') ?? 3000;
  const level = read('LOG_LEVEL', (v) => (LOG_LEVELS.includes(v) ? v : undefined), `one of ${LOG_LEVELS.join(', ')}`) ?? 'info';
  const databaseUrl = read('DATABASE_URL', postgresUrl, 'a PostgreSQL URL (postgres://user:password@host:5432/database)');
  read('GITHUB_API_URL', httpUrl, 'an http(s) URL (the REST API root, e.g. https://github.example.com/api/v3)');
  const ms = (v: string) => wholeNumber(v, 0);
  const reconcileIntervalMs = read('TRUSTGATE_RECONCILE_INTERVAL_MS', ms, 'a whole number of milliseconds');
  const retryFailedAfterMs = read('TRUSTGATE_RETRY_FAILED_AFTER_MS', ms, 'a whole number of milliseconds');
  const positive = (v: string) => wholeNumber(v, 1);
  const deliveryLeaseMs = env.TRUSTGATE_DELIVERY_LEASE_MS
    ? read('TRUSTGATE_DELIVERY_LEASE_MS', positive, 'a positive whole number')
    : undefined;
  const workers = env.TRUSTGATE_WORKERS ? read('TRUSTGATE_WORKERS', positive, 'a positive whole number') : undefined;
  const queueCapacity = env.TRUSTGATE_QUEUE_CAPACITY ? read('TRUSTGATE_QUEUE_CAPACITY', positive, 'a positive whole number') : undefined;
  if (problems.length > 0) {
    const list = problems.map((p) => `\n  - ${p}`).join('');
    throw new AppError(
      'APP_SETTINGS_INVALID',
      `${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} missing or invalid (see docs/app.md for the App's settings):${list}`,
    );
  }
  return {
    appId,
    privateKey,
    webhookSecret,
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    port,
    host: env.HOST ?? '0.0.0.0',
    ...(databaseUrl ? { databaseUrl: env.DATABASE_URL as string } : {}),
    ...(env.TRUSTGATE_DATA_DIR ? { dataDir: env.TRUSTGATE_DATA_DIR } : {}),
    reconcileIntervalMs: reconcileIntervalMs ?? 10 * 60 * 1000,
    ...(retryFailedAfterMs !== undefined ? { retryFailedAfterMs } : {}),
    ...(deliveryLeaseMs !== undefined ? { deliveryLeaseMs } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(queueCapacity !== undefined ? { queueCapacity } : {}),
    logLevel: level as AppSettings['logLevel'],
    ...(env.TRUSTGATE_DASHBOARD_TOKEN ? { dashboardToken: env.TRUSTGATE_DASHBOARD_TOKEN } : {}),
    ...(decisionKey ? { decisionKey } : {}),
  };
}

const LOG_LEVELS: readonly string[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

function wholeNumber(v: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const n = Number(v);
  return v.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function httpUrl(v: string): URL | undefined {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function postgresUrl(v: string): URL | undefined {
  try {
    const url = new URL(v);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** TRUSTGATE_DECISION_KEY_FILE or TRUSTGATE_DECISION_KEY (literal `\n` allowed): the decision log's Ed25519 key. */
function readDecisionKey(env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  const file = env.TRUSTGATE_DECISION_KEY_FILE;
  const source = file ? `TRUSTGATE_DECISION_KEY_FILE=${file}` : 'TRUSTGATE_DECISION_KEY';
  try {
    const pem = file ? readFileSync(file, 'utf8') : env.TRUSTGATE_DECISION_KEY?.replace(/\\n/g, '\n');
    if (pem) decisionSigner(pem, source);
    return pem || undefined;
  } catch (err) {
    problems.push(`${source}: ${asTrustgateError(err, file).message}`);
    return undefined;
  }
}

/** PRIVATE_KEY (literal `\n` allowed, as environment files hold keys) or the file PRIVATE_KEY_PATH names. */
function readPrivateKey(env: NodeJS.ProcessEnv, problems: string[]): string {
  let pem: string | undefined;
  let source = 'PRIVATE_KEY';
  if (env.PRIVATE_KEY) pem = env.PRIVATE_KEY.replace(/\\n/g, '\n');
  else if (env.PRIVATE_KEY_PATH) {
    source = `PRIVATE_KEY_PATH=${env.PRIVATE_KEY_PATH}`;
    try {
      pem = readFileSync(env.PRIVATE_KEY_PATH, 'utf8');
    } catch (err) {
      problems.push(`${source}: ${asTrustgateError(err, env.PRIVATE_KEY_PATH).message}`);
      return '';
    }
  } else {
    problems.push('PRIVATE_KEY or PRIVATE_KEY_PATH is not set (the .pem key GitHub generated for the App)');
    return '';
  }
  try {
    createPrivateKey(pem);
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    problems.push(`${source} is not a PEM private key (${why}); use the .pem file GitHub generated for the App`);
  }
  return pem;
}
