import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { openStore } from '@trustgate/metrics';
// @ts-expect-error plain ESM test double without type declarations
import { addPull, createState, githubEffects, startMockGitHub } from '../mock-github/server.mjs';
// @ts-expect-error plain ESM test double without type declarations
import { pullRequestEvent } from '../mock-github/webhooks.mjs';
import { built, type Served, serve as serveProcess, serveEnv as faultEnv, until } from '../faults/serve.js';
import { type MockGitHub, POLICY, SECRET, sha } from './harness.js';
import { describeIfPostgres, scratchDatabase } from './pg.js';

if (!built && process.env.CI === 'true') throw new Error('the restart test runs the built CLI: run npm run build first');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** `trustgate serve` as a separate process, as operators run it. */
async function serve(env: Record<string, string>): Promise<Served> {
  const app = await serveProcess(env);
  cleanups.push(() => app.kill9());
  return app;
}

// Generous bound: under a full parallel test run on 2 cores, a restart and a lease running out take a while.
jest.setTimeout(300_000);

const stores: [string, () => Promise<Record<string, string>>][] = [
  [
    'embedded PGlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tg-app-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return { TRUSTGATE_DATA_DIR: dir };
    },
  ],
];
if (describeIfPostgres()) {
  stores.push([
    'PostgreSQL',
    async () => {
      const db = await scratchDatabase();
      cleanups.push(db.drop);
      return { DATABASE_URL: db.url };
    },
  ]);
}

/** The environment `trustgate serve` reads, pointed at the mock GitHub and the store under test. */
function serveEnv(store: Record<string, string>, github: MockGitHub, extra: Record<string, string> = {}): Record<string, string> {
  return faultEnv(store, github.url, { TRUSTGATE_RECONCILE_INTERVAL_MS: '0', ...extra });
}

async function openStoreOf(env: Record<string, string>) {
  return openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.TRUSTGATE_DATA_DIR ?? '' });
}

(built ? describe.each(stores) : describe.skip.each(stores))('trustgate serve on %s', (_, storeEnv) => {
  test('rejects a delivery with a bad signature and stores nothing', async () => {
    const github: MockGitHub = await startMockGitHub({ state: createState(), webhookSecret: SECRET, appUrl: () => appUrl });
    cleanups.push(() => github.close());
    let appUrl = '';
    const env = serveEnv(await storeEnv(), github);
    const app = await serve(env);
    appUrl = app.url;
    const pr = addPull(github.state, { number: 2, headSha: sha(2), author: 'copilot-swe-agent', labels: ['ai:agent'] });
    const res = await github.deliver('pull_request', pullRequestEvent(github.state, pr, 'opened'), {
      secret: 'not-the-secret',
      forged: true,
    });
    expect(res.status).toBe(400);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('trustgate_app_deliveries_total{event="pull_request",outcome="rejected"} 1');
    await app.stop();
    expect(github.requests.filter((r) => r.operationId !== 'apps/list-webhook-deliveries')).toEqual([]);
    const store = await openStoreOf(env);
    try {
      expect((await store.query('select id from deliveries')).rows).toEqual([]);
    } finally {
      await store.close();
    }
  });

  test('killed mid-delivery, its stored job is taken over by the restarted process: nothing lost, nothing doubled, no redelivery', async () => {
    let appUrl = '';
    const github: MockGitHub = await startMockGitHub({ state: createState(), webhookSecret: SECRET, appUrl: () => appUrl });
    cleanups.push(() => github.close());
    github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
    const env = serveEnv(await storeEnv(), github);

    // GitHub stalls on the first check run, and the App is killed while it waits (GitHub then creates it anyway).
    let release = () => {};
    github.state.stall.set('checks/create', new Promise<void>((r) => (release = r)));
    const first = await serve(env);
    appUrl = first.url;
    const pr = addPull(github.state, {
      number: 7,
      headSha: sha(7),
      author: 'copilot-swe-agent',
      labels: ['ai:agent'],
      files: ['src/a.ts'],
    });
    const delivery = await github.deliver('pull_request', pullRequestEvent(github.state, pr, 'opened'));
    // GitHub was answered once the delivery and its job were stored.
    expect(delivery.status).toBe(200);
    await until('the App to reach GitHub', () => github.requests.some((r) => r.operationId === 'checks/create'));
    await first.kill9();
    github.state.stall.delete('checks/create');
    release();

    // The restarted process finds the job's lease run out and takes it over from the store: GitHub is not asked to
    // send anything again, and the check run GitHub created before the kill is updated, not created twice.
    const second = await serve(env);
    appUrl = second.url;
    await until('the delivery to be processed', async () =>
      /^trustgate_app_deliveries_total\{event="pull_request",outcome="processed"\} 1$/m.test(
        await (await fetch(`${second.url}/metrics`)).text(),
      ),
    );
    await second.stop();

    expect(github.calls('apps/redeliver-webhook-delivery')).toEqual([]);
    const runs = githubEffects(github.state).checkRuns as Record<string, { count: number }>;
    expect(Object.entries(runs).map(([k, r]) => [k, r.count])).toEqual([
      ['aaaaa7 trustgate / architecture-review', 1],
      ['aaaaa7 trustgate / guardrails', 1],
    ]);
    expect(github.invalid).toEqual([]);
    const store = await openStoreOf(env);
    try {
      expect((await store.query('select id, status, attempts from deliveries')).rows).toEqual([
        { id: delivery.guid, status: 'done', attempts: 1 },
      ]);
      expect((await store.query('select number from agent_pull_requests')).rows).toEqual([{ number: 7 }]);
    } finally {
      await store.close();
    }
  });
});
