// The job engine's recovery at its own level: a worker process killed (kill -9) while it holds a delivery's job, and
// the job taken over by another process as soon as its lease has run out, not after a retry backoff.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { openStore, type Store } from '@trustgate/metrics';
import { DeliveryJobs, orderedJobId } from '../../src/deliveries/jobs.js';
import { describeIfPostgres, scratchDatabase } from '../e2e/pg.js';

jest.setTimeout(120_000);
const LEASE_MS = 10_000;
/** The monitor's interval (2 s at this lease), the takeover sweep's (1 s), and a loaded machine's slack. */
const EPSILON_MS = 4000;
const CHILD = join(import.meta.dirname, 'dying-worker.mjs');
/** The child runs the App's source, but the store package as built. */
const built = existsSync(resolve(import.meta.dirname, '../../../packages/metrics/dist/index.js'));
if (!built && process.env.CI === 'true') throw new Error('packages/metrics/dist missing: run npm run build first');

const quiet = { info() {}, warn() {}, error() {} };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Env = Record<string, string>;
const pglite = async (): Promise<Env> => {
  const dir = mkdtempSync(join(tmpdir(), 'tg-jobs-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { TRUSTGATE_DATA_DIR: dir };
};
const postgres = async (): Promise<Env> => {
  const db = await scratchDatabase();
  cleanups.push(db.drop);
  return { DATABASE_URL: db.url };
};
const stores: [string, () => Promise<Env>][] = [
  ['embedded PGlite', pglite],
  ...(describeIfPostgres() ? [['PostgreSQL', postgres] as [string, () => Promise<Env>]] : []),
];

const open = (env: Env) => openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.TRUSTGATE_DATA_DIR ?? '' });
const engine = (store: Store, env: Env) =>
  DeliveryJobs.start({ store, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}), leaseMs: LEASE_MS, log: quiet });

/** Start the dying worker; resolves with its process once it holds a job, and when that job's lease runs out. */
async function holder(env: Env) {
  const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', CHILD], {
    env: { PATH: process.env.PATH ?? '', ...env, LEASE_MS: String(LEASE_MS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  cleanups.push(async () => {
    child.kill('SIGKILL');
    await exited;
  });
  const heartbeat = await new Promise<number>((resolveAt, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /holding ([\d.]+)/.exec(out);
      if (m?.[1]) resolveAt(Number(m[1]));
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code}: ${err.slice(-2000)}`)));
  });
  return {
    expiresAt: heartbeat + LEASE_MS,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe('job ids', () => {
  test('sort in the order they were made, past 4,096 in one millisecond, and are UUIDs', () => {
    const ids = Array.from({ length: 10_000 }, () => orderedJobId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

(built ? describe.each(stores) : describe.skip.each(stores))('delivery jobs on %s', (_name, storeEnv) => {
  test("a pull request's deliveries enqueued together run in the order they came, never by chance", async () => {
    const env = await storeEnv();
    const store = await open(env);
    const jobs = await engine(store, env);
    cleanups.push(async () => {
      await jobs.stop();
      await store.close();
    });
    const names = Array.from({ length: 12 }, (_, i) => `d${String(i).padStart(2, '0')}`);
    await store.transaction((tx) =>
      jobs.enqueue(
        tx,
        names.map((delivery) => ({ delivery, group: 'pr:7' })),
      ),
    );
    const ran: string[] = [];
    await jobs.work(1, async (job) => {
      ran.push(job.delivery);
    });
    jobs.wake();
    const deadline = Date.now() + 60_000;
    while (ran.length < names.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(ran).toEqual(names);
  });

  test('a worker killed holding a job: taken over within its lease plus a few seconds, never before, its key kept in order', async () => {
    const env = await storeEnv();
    const embedded = !env.DATABASE_URL;
    let store = await open(env);
    let jobs = await engine(store, env);
    // Two deliveries of one pull request: the second must wait for the first, whoever holds it.
    await store.transaction((tx) =>
      jobs.enqueue(tx, [
        { delivery: 'first', group: 'pr:1' },
        { delivery: 'second', group: 'pr:1' },
      ]),
    );
    // The embedded store has one process at a time: the survivor starts once the holder is dead (a restart).
    if (embedded) {
      await jobs.stop();
      await store.close();
    }
    const dying = await holder(env);
    const taken: { delivery: string; at: number; retryCount: number }[] = [];
    const survivor = async () => {
      await jobs.work(1, async (job) => {
        taken.push({ delivery: job.delivery, at: Date.now(), retryCount: job.retryCount });
      });
    };
    // On PostgreSQL the survivor is a live replica, working before the kill: it must not take the held job early.
    if (!embedded) await survivor();
    await dying.kill9();
    if (embedded) {
      store = await open(env);
      jobs = await engine(store, env);
      await survivor();
    }
    cleanups.push(async () => {
      await jobs.stop();
      await store.close();
    });
    const deadline = dying.expiresAt + 3 * LEASE_MS;
    while (taken.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    expect(taken.map((t) => [t.delivery, t.retryCount])).toEqual([
      ['first', 1],
      ['second', 0],
    ]);
    const after = (taken[0]?.at ?? Number.NaN) - dying.expiresAt;
    console.info(`taken over ${after} ms after the lease ran out: ${JSON.stringify(taken)}`);
    expect(after).toBeGreaterThanOrEqual(0);
    expect(after).toBeLessThanOrEqual(EPSILON_MS);
  });
});
