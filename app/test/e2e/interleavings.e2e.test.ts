// Effects are idempotent across deliveries: whatever mix of redelivery (same GUID), a second delivery of the same
// event (new GUID), a restart between them and a second replica, GitHub ends as after one clean delivery: one check
// run per name, labels and reviewers added once, one comment per decision.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { type RunningApp, startServer } from '@trustgate/app';
import { queuedDeliveries } from '@trustgate/metrics';
// @ts-expect-error plain ESM test double without type declarations
import { addPull, createState, startMockGitHub } from '../mock-github/server.mjs';
// @ts-expect-error plain ESM test double without type declarations
import { checkRunRequestedAction, pullRequestEvent } from '../mock-github/webhooks.mjs';
import { FAULT_POLICY } from '../faults/workload.js';
import { type MockGitHub, type MockPull, PRIVATE_KEY, SECRET, sha } from './harness.js';
import { describeIfPostgres, scratchDatabase } from './pg.js';

jest.setTimeout(600_000);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Store = { databaseUrl: string } | { dataDir: string };
const stores: [string, () => Promise<Store>][] = [
  [
    'embedded PGlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tg-interleave-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return { dataDir: dir };
    },
  ],
  ...(describeIfPostgres()
    ? [
        [
          'PostgreSQL',
          async () => {
            const db = await scratchDatabase();
            cleanups.push(db.drop);
            return { databaseUrl: db.url };
          },
        ] as [string, () => Promise<Store>],
      ]
    : []),
];

async function app(github: MockGitHub, store: Store): Promise<RunningApp> {
  const running = await startServer({
    appId: '12345',
    privateKey: PRIVATE_KEY,
    webhookSecret: SECRET,
    baseUrl: github.url,
    port: 0,
    host: '127.0.0.1',
    reconcileIntervalMs: 0,
    logLevel: 'fatal',
    ...store,
  });
  return running;
}

/** One pull request's share of GitHub's state, with its number and commit left out so that PRs compare. */
function prEffects(github: MockGitHub, n: number) {
  const pr = github.state.pulls.get(n) as MockPull;
  const runs = [...github.state.checkRuns.values()]
    .filter((r: { head_sha: string }) => r.head_sha === sha(n))
    .map((r: { name: string; status: string; conclusion: string | null; output: { title?: string } }) => [
      r.name,
      r.status,
      r.conclusion,
      r.output.title,
    ])
    .sort();
  return {
    runs,
    labels: [...pr.labels].sort(),
    reviewers: [...pr.requestedReviewers].sort(),
    teams: [...pr.requestedTeams].sort(),
    comments: pr.comments
      .filter((c: { user: string }) => c.user === 'trustgate[bot]')
      .map((c: { body: string }) => c.body.replace(sha(n), 'HEAD')),
  };
}

describe.each(stores)('interleavings on %s', (storeName, storeOf) => {
  test('redelivery, a second delivery, a restart and a replica leave GitHub as one clean delivery does', async () => {
    let target = '';
    const github: MockGitHub = await startMockGitHub({ state: createState(), webhookSecret: SECRET, appUrl: () => target });
    cleanups.push(() => github.close());
    github.state.files.set('octo-org/service@main:.github/trustgate.yml', FAULT_POLICY);
    const store = await storeOf();
    let one = await app(github, store);
    cleanups.push(() => one.close());
    target = one.url;
    // An agent PR without its cohort label, waiting for an architect; mallory asks for an override she may not give.
    const pr = (n: number) =>
      addPull(github.state, {
        number: n,
        headSha: sha(n),
        author: 'copilot-swe-agent[bot]',
        authorType: 'Bot',
        files: ['src/a.ts'],
        assignees: ['alice'],
        createdAt: new Date(Date.UTC(2026, 10, 1, n)).toISOString(),
      });
    const opened = (n: number) => pullRequestEvent(github.state, github.state.pulls.get(n), 'opened');
    const override = (n: number) => checkRunRequestedAction(github.state, github.state.pulls.get(n), 'mallory');
    const send = (event: string, payload: object, guid: string, to = () => target) => github.deliver(event, payload, { guid, target: to });
    const settle = async (...apps: RunningApp[]) => {
      for (;;) {
        if ((await queuedDeliveries(apps[0]?.store ?? one.store)) === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    // 1: the clean delivery.
    pr(1);
    await send('pull_request', opened(1), 'o1');
    await send('check_run', override(1), 'x1');
    await settle(one);
    const clean = prEffects(github, 1);
    expect(clean.labels).toEqual(['ai:agent']);
    expect(clean.runs.map((r) => r[0])).toEqual(['trustgate / architecture-review', 'trustgate / guardrails']);
    expect(clean.comments).toHaveLength(1);
    expect(clean.teams).toEqual(['architects']);

    // 2: each delivery sent again with its GUID (GitHub's redelivery), at once and after it was processed.
    pr(2);
    await Promise.all([send('pull_request', opened(2), 'o2'), send('pull_request', opened(2), 'o2')]);
    await settle(one);
    await send('pull_request', opened(2), 'o2');
    await send('check_run', override(2), 'x2');
    await send('check_run', override(2), 'x2');
    await settle(one);
    expect(prEffects(github, 2)).toEqual(clean);

    // 3: the same events delivered again under new GUIDs (processed again, in full).
    pr(3);
    await send('pull_request', opened(3), 'o3');
    await send('check_run', override(3), 'x3');
    await settle(one);
    await send('pull_request', opened(3), 'o3-again');
    await send('check_run', override(3), 'x3-again');
    await settle(one);
    expect(prEffects(github, 3)).toEqual(clean);

    // 4: a restart between a delivery and its redelivery, with deliveries left stored for the next process.
    pr(4);
    await send('pull_request', opened(4), 'o4');
    await one.close();
    one = await app(github, store);
    target = one.url;
    await send('pull_request', opened(4), 'o4');
    await send('check_run', override(4), 'x4');
    await send('check_run', override(4), 'x4-again');
    await settle(one);
    expect(prEffects(github, 4)).toEqual(clean);

    // 5: two replicas on one PostgreSQL, each delivery sent to both.
    if (storeName === 'PostgreSQL') {
      const two = await app(github, store);
      cleanups.push(() => two.close());
      pr(5);
      await Promise.all([send('pull_request', opened(5), 'o5'), send('pull_request', opened(5), 'o5', () => two.url)]);
      await Promise.all([send('check_run', override(5), 'x5', () => two.url), send('check_run', override(5), 'x5b')]);
      await settle(one, two);
      expect(prEffects(github, 5)).toEqual(clean);
    }
    expect(github.invalid).toEqual([]);
    expect(github.calls('checks/create')).toHaveLength(storeName === 'PostgreSQL' ? 10 : 8);
  });
});
