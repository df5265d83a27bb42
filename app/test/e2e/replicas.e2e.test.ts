import { afterEach, describe, expect, test } from '@jest/globals';
import type { RunningApp } from '@trustgate/app';
// @ts-expect-error plain ESM test double without type declarations
import { pullRequestEvent } from '../mock-github/webhooks.mjs';
import { agentPr, type Harness, POLICY, startHarness, startReplica } from './harness.js';
import { describeIfPostgres, scratchDatabase } from './pg.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A second App replica on the same PostgreSQL and the same mock GitHub as the harness's. */
async function replica(h: Harness, databaseUrl: string): Promise<RunningApp> {
  const app = await startReplica(h, databaseUrl);
  cleanups.push(() => app.close());
  return app;
}

(describeIfPostgres() ? describe : describe.skip)('two App replicas on one PostgreSQL', () => {
  test('the same delivery sent to both at once is processed exactly once', async () => {
    const db = await scratchDatabase();
    cleanups.push(db.drop);
    const h = await startHarness({ databaseUrl: db.url });
    cleanups.push(() => h.close());
    h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
    h.github.state.teams.set('octo-org/architects', new Set(['bob']));
    const second = await replica(h, db.url);

    for (let n = 1; n <= 5; n++) {
      const payload = pullRequestEvent(h.github.state, agentPr(h.github, n, { files: ['src/a.ts'] }), 'opened');
      const guid = `race-${n}`;
      const answers = await Promise.all([
        h.github.deliver('pull_request', payload, { guid }),
        h.github.deliver('pull_request', payload, { guid, target: () => second.url }),
      ]);
      // Both answer at once: one claims it, the other finds it claimed (in flight or done) and leaves it alone.
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
    }
    await Promise.all([h.app.idle(), second.idle()]);
    const outcomes = async (app: RunningApp) =>
      [...(await (await fetch(`${app.url}/metrics`)).text()).matchAll(/outcome="(\w[\w-]*)"\} (\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
    // Five processed in all, and five left to the other replica (as duplicates or in flight).
    const all = [...(await outcomes(h.app)), ...(await outcomes(second))];
    const count = (re: RegExp) => all.filter((o) => re.test(o)).reduce((n, o) => n + Number(o.split(' ')[1]), 0);
    expect(count(/^processed /)).toBe(5);
    expect(count(/^(duplicate|queued) /)).toBe(5);

    // One architecture-review and one guardrails check per pull request, never two.
    const created = h.github.calls('checks/create').map((c) => `${String(c.body.head_sha).slice(-2)} ${String(c.body.name)}`);
    expect(created.length).toBe(10);
    expect(new Set(created).size).toBe(10);
    const { rows } = await h.app.store.query<{ id: string; status: string }>('select id, status from deliveries order by id');
    expect(rows).toEqual([1, 2, 3, 4, 5].map((n) => ({ id: `race-${n}`, status: 'done' })));
    const agentPrs = await h.app.store.query<{ n: string }>('select count(*)::text as n from agent_pull_requests');
    expect(agentPrs.rows).toEqual([{ n: '5' }]);
    expect(h.github.invalid).toEqual([]);
  });
});
