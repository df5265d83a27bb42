// Fault injection against the real `trustgate serve` process (Jepsen style, scaled down): bursts over capacity,
// kill -9 at random points with an immediate restart, two replicas, PostgreSQL refused and partitioned. After each,
// every delivery is stored as done exactly once and GitHub's state equals that of one clean run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { openStore } from '@trustgate/metrics';
import type { MockGitHub } from '../e2e/harness.js';
import { DATABASE_URL_TEST, describeIfPostgres, scratchDatabase } from '../e2e/pg.js';
import { TcpProxy } from './proxy.js';
import { built, type Served, serve, serveEnv, until } from './serve.js';
import { type Delivery, effects, workloadGitHub } from './workload.js';

if (!built && process.env.CI === 'true') throw new Error('the fault tests run the built CLI: run npm run build first');
if (!built) console.warn('packages/cli/dist or app/dist missing: skipping the fault tests (npm test builds first)');

jest.setTimeout(600_000);
const PRS = 12;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A seeded generator, so a failing interleaving can be replayed (FAULT_SEED). */
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
let state = SEED;
const random = () => {
  state = (state * 48271) % 2147483647;
  return state / 2147483647;
};

type StoreEnv = () => Promise<Record<string, string>>;
const pglite: StoreEnv = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tg-fault-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { TRUSTGATE_DATA_DIR: dir };
};
const postgres: StoreEnv = async () => {
  const db = await scratchDatabase();
  cleanups.push(db.drop);
  return { DATABASE_URL: db.url };
};
const stores: [string, StoreEnv][] = [
  ['embedded PGlite', pglite],
  ...(describeIfPostgres() ? [['PostgreSQL', postgres] as [string, StoreEnv]] : []),
];

/** One scenario's world: a mock GitHub with the workload, the App's URL as the test moves it. */
async function world() {
  const at = { url: '' };
  const { github, deliveries } = await workloadGitHub(PRS, () => at.url);
  cleanups.push(() => github.close());
  return { at, github, deliveries };
}

/** Send every delivery at once, as GitHub does in a burst; refused and failed ones are left to the reconciler. */
function burst(github: MockGitHub, deliveries: readonly Delivery[]) {
  return Promise.all(deliveries.map((d) => github.deliver(d.event, d.payload, { guid: d.guid })));
}

/** Every delivery answered 2xx at least once (stored), and nothing waiting in the store; on a timeout, why not. */
async function settled(github: MockGitHub, deliveries: readonly Delivery[], app: () => Served, env: Record<string, string>) {
  let metrics = '';
  try {
    await until('every delivery stored and processed', async () => {
      const ok = new Set(github.state.deliveries.filter((d) => d.status_code === 200).map((d) => d.guid));
      if (!deliveries.every((d) => ok.has(d.guid))) return false;
      metrics = await fetch(`${app().url}/metrics`).then(
        (r) => r.text(),
        () => '',
      );
      return /^trustgate_app_queue_depth 0$/m.test(metrics);
    });
  } catch (err) {
    console.error(await diagnosis(github, deliveries, app(), env, metrics));
    throw err;
  }
}

/** What a scenario that did not settle left behind: unanswered deliveries, the store's rows, the jobs, the App's log. */
async function diagnosis(github: MockGitHub, deliveries: readonly Delivery[], app: Served, env: Record<string, string>, metrics: string) {
  const ok = new Set(github.state.deliveries.filter((d) => d.status_code === 200).map((d) => d.guid));
  const attempts = (guid: string) => github.state.deliveries.filter((d) => d.guid === guid).map((d) => d.status_code);
  const lines = [
    `seed ${SEED}`,
    `never answered 200: ${JSON.stringify(deliveries.filter((d) => !ok.has(d.guid)).map((d) => [d.guid, attempts(d.guid)]))}`,
    `queue depth: ${/^trustgate_app_queue_depth .*$/m.exec(metrics)?.[0] ?? '(no /metrics)'}`,
  ];
  const store = await openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.TRUSTGATE_DATA_DIR ?? '' }).catch(
    (err: Error) => err,
  );
  if (store instanceof Error) lines.push(`store: ${store.message}`);
  else {
    try {
      const unanswered = deliveries.filter((d) => !ok.has(d.guid)).map((d) => d.guid);
      const rows = await store.query(
        `select id, status, attempts, error, answered_at is not null as answered from deliveries
          where status <> 'done' or id = any($1) order by id`,
        [unanswered],
      );
      lines.push(`deliveries not done or never answered 200: ${JSON.stringify(rows.rows)}`);
      const jobs = await store
        .query(
          "select state, singleton_key, retry_count, started_on, start_after, heartbeat_on, data from trustgate_jobs.job where state <> 'completed' order by created_on",
        )
        .catch((err: Error) => ({ rows: [err.message] }));
      lines.push(`jobs not completed: ${JSON.stringify(jobs.rows)}`);
    } finally {
      await store.close();
    }
  }
  lines.push(`App log (${app.logFile}), last lines:`, readFileSync(app.logFile, 'utf8').split('\n').slice(-150).join('\n'));
  return lines.join('\n');
}

/** After the App has stopped: every delivery stored once, done, and the budget counted each agent PR once. */
async function storedDone(env: Record<string, string>, deliveries: readonly Delivery[]): Promise<string> {
  const store = await openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.TRUSTGATE_DATA_DIR ?? '' });
  try {
    const { rows } = await store.query<{ id: string; status: string }>('select id, status from deliveries order by id');
    expect(rows).toEqual(deliveries.map((d) => ({ id: d.guid, status: 'done' })).sort((a, b) => a.id.localeCompare(b.id)));
    const prs = await store.query<{ n: string }>('select count(*)::text as n from agent_pull_requests');
    if (cleanAgentPrs !== undefined) expect(prs.rows).toEqual([{ n: cleanAgentPrs }]);
    return prs.rows[0]?.n ?? '';
  } finally {
    await store.close();
  }
}

let clean: unknown;
let cleanAgentPrs: string | undefined;
beforeAll(async () => {
  if (!built) return;
  // The reference: the same deliveries, one at a time, to an App nothing happens to.
  const { at, github, deliveries } = await world();
  const env = serveEnv(await pglite(), github.url);
  const app = await serve(env);
  at.url = app.url;
  for (const d of deliveries) expect((await github.deliver(d.event, d.payload, { guid: d.guid })).status).toBe(200);
  await settled(github, deliveries, () => app, env);
  await app.stop();
  expect(github.invalid).toEqual([]);
  clean = effects(github);
  cleanAgentPrs = await storedDone(env, deliveries);
  for (const c of cleanups.splice(0).reverse()) await c();
});

(built ? describe.each(stores) : describe.skip.each(stores))('trustgate serve on %s under faults', (storeName, storeEnv) => {
  test('the clean run checks every pull request once', () => {
    const runs = Object.values((clean as { checkRuns: Record<string, { count: number }> }).checkRuns);
    expect(runs).toHaveLength(PRS * 2);
    expect(runs.every((r) => r.count === 1)).toBe(true);
  });

  test('a burst over capacity: the refused are redelivered, every delivery processed once, GitHub as after a clean run', async () => {
    const { at, github, deliveries } = await world();
    const env = serveEnv(await storeEnv(), github.url, { TRUSTGATE_QUEUE_CAPACITY: '5' });
    const app = await serve(env);
    cleanups.push(() => app.kill9());
    at.url = app.url;
    const answers = await burst(github, deliveries);
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    await settled(github, deliveries, () => app, env);
    await app.stop();
    expect(effects(github)).toEqual(clean);
    expect(github.invalid).toEqual([]);
    await storedDone(env, deliveries);
  });

  test(`kill -9 at random points while processing, restarted at once (seed ${SEED})`, async () => {
    const { at, github, deliveries } = await world();
    const env = serveEnv(await storeEnv(), github.url);
    let app = await serve(env);
    cleanups.push(() => app.kill9());
    at.url = app.url;
    const sent = burst(github, deliveries);
    for (let kill = 0; kill < 3; kill++) {
      // Somewhere between answering and the last GitHub call of the backlog.
      await new Promise((r) => setTimeout(r, 200 + random() * 2500));
      await app.kill9();
      app = await serve(env);
      at.url = app.url;
    }
    await sent;
    await settled(github, deliveries, () => app, env);
    await app.stop();
    expect(effects(github)).toEqual(clean);
    expect(github.invalid).toEqual([]);
    await storedDone(env, deliveries);
  });

  (storeName === 'PostgreSQL' ? test : test.skip)('two replicas on one PostgreSQL, each delivery sent to both', async () => {
    const { at, github, deliveries } = await world();
    const env = serveEnv(await storeEnv(), github.url);
    const [one, two] = await Promise.all([serve(env), serve(env)]);
    cleanups.push(
      () => one.kill9(),
      () => two.kill9(),
    );
    at.url = one.url;
    const answers = await Promise.all(
      deliveries.flatMap((d) => [
        github.deliver(d.event, d.payload, { guid: d.guid }),
        github.deliver(d.event, d.payload, { guid: d.guid, target: () => two.url }),
      ]),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await settled(github, deliveries, () => one, env);
    await Promise.all([one.stop(), two.stop()]);
    expect(effects(github)).toEqual(clean);
    await storedDone(env, deliveries);
  });

  (storeName === 'PostgreSQL' ? test.each : test.skip.each)(['refuse', 'drop'] as const)(
    'PostgreSQL cut (%s): answers and /healthz stay within GitHub’s 10 s, and everything is processed once it is back',
    async (cut) => {
      const { at, github, deliveries } = await world();
      const proxy = await TcpProxy.start('127.0.0.1', Number(new URL(DATABASE_URL_TEST ?? '').port || 5432));
      cleanups.push(() => proxy.close());
      const storeVars = await storeEnv();
      const env = serveEnv({ DATABASE_URL: proxy.via(storeVars.DATABASE_URL ?? '') }, github.url);
      const app = await serve(env);
      cleanups.push(() => app.kill9());
      at.url = app.url;
      const half = Math.floor(deliveries.length / 2);
      await burst(github, deliveries.slice(0, half));
      cut === 'refuse' ? proxy.refuse() : proxy.drop();
      const started = Date.now();
      const [answers, health] = await Promise.all([
        burst(github, deliveries.slice(half)),
        fetch(`${app.url}/healthz`).then(async (r) => [r.status, await r.text()] as const),
      ]);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(health).toEqual([503, '{"status":"store unavailable"}']);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 503));
      proxy.heal();
      await until('/healthz to recover', async () => (await fetch(`${app.url}/healthz`)).status === 200);
      await settled(github, deliveries, () => app, storeVars);
      await app.stop();
      expect(effects(github)).toEqual(clean);
      await storedDone({ DATABASE_URL: storeVars.DATABASE_URL ?? '' }, deliveries);
    },
  );
});
