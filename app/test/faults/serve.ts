import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PRIVATE_KEY, SECRET } from '../e2e/harness.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'packages/cli/bin/trustgate.js');

/** Whether `trustgate serve` can be run as built (npm test builds first). */
export const built = existsSync(join(ROOT, 'packages/cli/dist/main.js')) && existsSync(join(ROOT, 'app/dist/index.js'));

/** `trustgate serve` as operators run it: a process of its own, killed and restarted by the test. */
export interface Served {
  url: string;
  child: ChildProcess;
  /** Resident memory of the process (all its threads), in MB. */
  rssMb(): number;
  /** Everything the process wrote (its log, at `info`), kept in a file to print when a scenario fails. */
  logFile: string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function serve(env: Record<string, string>): Promise<Served> {
  const logFile = join(mkdtempSync(join(tmpdir(), 'tg-fault-log-')), 'serve.log');
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => appendFileSync(logFile, d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      appendFileSync(logFile, d);
      err += d.toString();
      if (err.length > 20_000) err = err.slice(-10_000);
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m?.[1]) resolveUrl(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`trustgate serve exited with ${code}: ${err.slice(-2000)}`)));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    child,
    logFile,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    async kill9() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (alive()) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The environment `trustgate serve` reads, pointed at a mock GitHub and a store. */
export function serveEnv(store: Record<string, string>, githubUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...store,
    APP_ID: '12345',
    PRIVATE_KEY,
    WEBHOOK_SECRET: SECRET,
    GITHUB_API_URL: githubUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    TRUSTGATE_RECONCILE_INTERVAL_MS: '1000',
    TRUSTGATE_RETRY_FAILED_AFTER_MS: '300',
    TRUSTGATE_DELIVERY_LEASE_MS: '10000',
    ...extra,
  };
}

export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
