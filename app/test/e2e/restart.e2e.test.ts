import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { openStore } from '@trustgate/metrics';
// @ts-expect-error plain ESM test double without type declarations
import { addPull, createState, startMockGitHub } from '../mock-github/server.mjs';
// @ts-expect-error plain ESM test double without type declarations
import { pullRequestEvent } from '../mock-github/webhooks.mjs';
import { type MockGitHub, POLICY, PRIVATE_KEY, SECRET, sha } from './harness.js';
import { describeIfPostgres, scratchDatabase } from './pg.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'packages/cli/bin/trustgate.js');
const built = existsSync(join(ROOT, 'packages/cli/dist/main.js')) && existsSync(join(ROOT, 'app/dist/index.js'));
if (!built && process.env.CI === 'true') throw new Error('the restart test runs the built CLI: run npm run build first');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** `trustgate serve` as a separate process, as operators run it. */
async function serve(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m?.[1]) resolveUrl(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`trustgate serve exited with ${code}: ${err}`)));
  });
  return { url, child };
}

// Generous bound: under a full parallel test run on 2 cores, a restart plus a reconciler pass can take a while.
jest.setTimeout(180_000);

async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1600; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

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
  return {
    ...store,
    APP_ID: '12345',
    PRIVATE_KEY: PRIVATE_KEY,
    WEBHOOK_SECRET: SECRET,
    GITHUB_API_URL: github.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'fatal',
    ...extra,
  };
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
    app.child.kill('SIGTERM');
    await new Promise((r) => app.child.once('exit', r));
    expect(github.requests.filter((r) => r.operationId !== 'apps/list-webhook-deliveries')).toEqual([]);
    const store = await openStoreOf(env);
    try {
      expect((await store.query('select id from deliveries')).rows).toEqual([]);
    } finally {
      await store.close();
    }
  });

  test('killed mid-delivery, is redelivered by the reconciler after restart: nothing lost, nothing counted twice', async () => {
    let appUrl = '';
    const github: MockGitHub = await startMockGitHub({ state: createState(), webhookSecret: SECRET, appUrl: () => appUrl });
    cleanups.push(() => github.close());
    github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
    const env = serveEnv(await storeEnv(), github, { TRUSTGATE_RECONCILE_INTERVAL_MS: '1000', TRUSTGATE_DELIVERY_LEASE_MS: '1500' });

    // GitHub stalls on the first check run, and the App is killed while it waits.
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
    const delivery = github.deliver('pull_request', pullRequestEvent(github.state, pr, 'opened'));
    await until('the App to reach GitHub', () => github.requests.some((r) => r.operationId === 'checks/create'));
    first.child.kill('SIGKILL');
    const lost = await delivery;
    // GitHub was answered when the claim was stored: it sees a success, so only the store knows the work was lost.
    expect(lost.status).toBe(200);
    github.state.stall.delete('checks/create');
    release();

    // The restarted App's reconciler finds the claim abandoned (not renewed within its lease) and asks GitHub to send
    // the delivery again; the redelivery takes the claim over and is processed.
    const second = await serve(env);
    appUrl = second.url;
    await until('a redelivery to be answered', () =>
      github.state.deliveries.some((d) => d.guid === lost.guid && d.redelivery && d.status_code === 200),
    );
    const again = await github.deliver('pull_request', pullRequestEvent(github.state, pr, 'opened'), { guid: lost.guid });
    expect(again.status).toBe(200);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));

    expect(github.calls('apps/redeliver-webhook-delivery').length).toBeGreaterThanOrEqual(1);
    // One check run of each kind after the restart, besides the one GitHub never answered before the kill.
    expect(github.calls('checks/create').map((c) => c.body.name)).toEqual([
      'trustgate / architecture-review',
      'trustgate / architecture-review',
      'trustgate / guardrails',
    ]);
    expect(github.invalid).toEqual([]);
    const store = await openStoreOf(env);
    try {
      expect((await store.query('select id, status from deliveries')).rows).toEqual([{ id: lost.guid, status: 'done' }]);
      expect((await store.query('select number from agent_pull_requests')).rows).toEqual([{ number: 7 }]);
    } finally {
      await store.close();
    }
  });
});
