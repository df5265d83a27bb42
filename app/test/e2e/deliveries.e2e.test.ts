import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { createEngines, type Engines } from '@trustgate/app';
import { openStore, type Store } from '@trustgate/metrics';
// @ts-expect-error plain ESM test double without type declarations
import { deploymentProtectionRuleEvent, pullRequestEvent } from '../mock-github/webhooks.mjs';
import { agentPr as makeAgentPr, type Harness, POLICY, sha, startHarness, startReplica } from './harness.js';
import { appStores } from './pg.js';

jest.setTimeout(180_000);
let h: Harness | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  if (h) expect(h.github.invalid).toEqual([]);
  await h?.close();
  h = undefined;
  for (const c of cleanups.splice(0)) await c();
});

async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness(options);
  h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
  h.github.state.teams.set('octo-org/architects', new Set(['bob']));
  return h;
}

function agentPr(hh: Harness, number: number, extra: Record<string, unknown> = {}) {
  return makeAgentPr(hh.github, number, { files: ['src/a.ts'], ...extra });
}

const stores = appStores((drop) => cleanups.push(drop));

describe.each(stores)('deliveries on %s', (_, storeOptions) => {
  test('a duplicate delivery is acknowledged and processed once', async () => {
    const hh = await harness(await storeOptions());
    // Handlers run in the App's worker thread, as in production (the suite runs after the build).
    expect(hh.app.processing).toBe('worker-thread');
    const payload = pullRequestEvent(hh.github.state, agentPr(hh, 1), 'opened');
    const first = await hh.github.deliver('pull_request', payload);
    const again = await hh.github.deliver('pull_request', payload, { guid: first.guid });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(hh.github.calls('checks/create').map((c) => c.body.name)).toEqual(['trustgate / architecture-review', 'trustgate / guardrails']);
    const { rows } = await hh.app.store.query('select id, status, attempts from deliveries');
    expect(rows).toEqual([{ id: first.guid, status: 'done', attempts: 1 }]);
    const metrics = await (await fetch(`${hh.app.url}/metrics`)).text();
    expect(metrics).toContain('trustgate_app_deliveries_total{event="pull_request",outcome="processed"} 1');
    expect(metrics).toContain('trustgate_app_deliveries_total{event="pull_request",outcome="duplicate"} 1');
  });

  test('a failing delivery is retried by the job engine, not sent again by GitHub, and then processed once', async () => {
    const hh = await harness(await storeOptions());
    // Four refusals outlast the three retries of one request: the first attempt fails, the second succeeds.
    hh.github.state.refuse.set('pulls/list-files', 4);
    const first = await hh.github.deliver('pull_request', pullRequestEvent(hh.github.state, agentPr(hh, 3), 'opened'));
    expect(first.status).toBe(200);
    expect((await hh.app.store.query('select id, status, attempts from deliveries')).rows).toEqual([
      { id: first.guid, status: 'done', attempts: 1 },
    ]);
    expect(await hh.app.reconcile()).toEqual([]);
    expect(hh.github.calls('apps/redeliver-webhook-delivery')).toEqual([]);
    // Four refused (the first attempt's request and its three retries), then the second attempt's one.
    expect(hh.github.calls('pulls/list-files')).toHaveLength(5);
    expect(hh.github.calls('checks/create')).toHaveLength(2);
    expect((await hh.app.store.query('select number from agent_pull_requests')).rows).toEqual([{ number: 3 }]);
    const metrics = await (await fetch(`${hh.app.url}/metrics`)).text();
    expect(metrics).toContain('trustgate_app_deliveries_total{event="pull_request",outcome="failed"} 1');
    expect(metrics).toContain('trustgate_app_deliveries_total{event="pull_request",outcome="processed"} 1');
  });

  test('a claim stored after its delivery was answered 503 is processed once, and GitHub sends it again to see a 2xx', async () => {
    // A partition healing between the claim timeout and the store's own: the 503 is out, then the claim commits.
    const { databaseUrl } = await storeOptions();
    const held = heldClaims(await openStore(databaseUrl ? { databaseUrl } : {}));
    // Closed before the scratch database is dropped.
    cleanups.unshift(() => held.store.close());
    const hh = await harness({ store: held.store, ...(databaseUrl ? { databaseUrl } : {}), settings: { claimTimeoutMs: 300 } });
    const release = held.hold();
    const late = await hh.send('pull_request', pullRequestEvent(hh.github.state, agentPr(hh, 4), 'opened'));
    expect(late.status).toBe(503);
    release();
    await until(async () => (await hh.app.store.query(`select 1 from deliveries where status = 'done'`)).rows.length === 1);
    expect(await hh.app.reconcile()).toEqual([late.guid]);
    await until(async () => hh.github.state.deliveries.some((d) => d.guid === late.guid && d.status_code === 200));
    await until(async () => (await hh.app.store.query('select 1 from deliveries where answered_at is not null')).rows.length === 1);
    expect(await hh.app.reconcile()).toEqual([]);
    expect(hh.github.state.deliveries.filter((d) => d.guid === late.guid).map((d) => d.status_code)).toEqual([503, 200]);
    expect(hh.github.calls('checks/create')).toHaveLength(2);
    expect((await hh.app.store.query('select id, status, attempts from deliveries')).rows).toEqual([
      { id: late.guid, status: 'done', attempts: 1 },
    ]);
  });
});

/** A store whose next transactions wait until released (a claim stuck behind a partition that heals). */
function heldClaims(store: Store): { store: Store; hold(): () => void } {
  let gate: Promise<void> | undefined;
  return {
    store: {
      ...store,
      transaction: async (fn) => {
        await gate;
        return store.transaction(fn);
      },
    },
    hold() {
      let open = () => {};
      gate = new Promise<void>((r) => (open = r));
      return () => {
        gate = undefined;
        open();
      };
    },
  };
}

describe.each(stores)('the reconciler on %s', (_, storeOptions) => {
  test('passes stuck in an outage, here and in a replica, ask GitHub once per delivery when it heals', async () => {
    const options = await storeOptions();
    const hh = await harness({ ...options, settings: { retryFailedAfterMs: 0 } });
    expect(await hh.app.reconcile()).toEqual([]);
    // Three deliveries GitHub could not deliver (the App unreachable): none stored, each listed as failed.
    const failed: string[] = [];
    for (let n = 31; n <= 33; n++) {
      const sent = await hh.send('pull_request', pullRequestEvent(hh.github.state, agentPr(hh, n), 'opened'), {
        target: () => 'http://127.0.0.1:9',
      });
      expect(sent.status).toBe(0);
      failed.push(sent.guid);
    }
    const second = options.databaseUrl ? await startReplica(hh, options.databaseUrl, { retryFailedAfterMs: 0 }) : undefined;
    if (second) cleanups.push(() => second.close());
    // GitHub stalls: every pass due meanwhile waits on the same listing.
    let heal = () => {};
    hh.github.state.stall.set('apps/list-webhook-deliveries', new Promise<void>((r) => (heal = r)));
    const before = hh.github.calls('apps/list-webhook-deliveries').length;
    const passes = [
      hh.app.reconcile(),
      hh.app.reconcile(),
      hh.app.reconcile(),
      ...(second ? [second.reconcile(), second.reconcile()] : []),
    ];
    await until(async () => hh.github.calls('apps/list-webhook-deliveries').length === before + (second ? 2 : 1));
    hh.github.state.stall.delete('apps/list-webhook-deliveries');
    heal();
    const asked = (await Promise.all(passes)).flat();
    const ids = hh.github.calls('apps/redeliver-webhook-delivery').map((c) => Number(c.params.delivery_id));
    const guids = ids.map((id) => hh.github.state.deliveries.find((d) => d.id === id)?.guid);
    expect([...guids].sort()).toEqual([...failed].sort());
    expect(new Set(asked)).toEqual(new Set(failed));
    await until(async () => (await hh.app.store.query(`select 1 from deliveries where status = 'done'`)).rows.length === 3);
    // Answered now: a later pass asks for nothing.
    expect(await hh.app.reconcile()).toEqual([]);
    expect(hh.github.calls('apps/redeliver-webhook-delivery')).toHaveLength(3);
  });

  test('a GitHub request that never answers ends the pass within its time bound, and the next pass runs', async () => {
    const hh = await harness({ ...(await storeOptions()), settings: { retryFailedAfterMs: 0, reconcileRequestTimeoutMs: 2000 } });
    expect(await hh.app.reconcile()).toEqual([]);
    const sent = await hh.send('pull_request', pullRequestEvent(hh.github.state, agentPr(hh, 34), 'opened'), {
      target: () => 'http://127.0.0.1:9',
    });
    hh.github.state.stall.set('apps/list-webhook-deliveries', new Promise<void>(() => {}));
    const started = Date.now();
    await expect(hh.app.reconcile()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(8000);
    hh.github.state.stall.delete('apps/list-webhook-deliveries');
    expect(await hh.app.reconcile()).toEqual([sent.guid]);
  });
});

describe('early retry', () => {
  test('a delivery refused because the backlog was full is sent again soon, without waiting for the periodic reconciler', async () => {
    // The periodic pass is an hour away; the early one comes 300 ms after the refusal.
    const hh = await harness({ settings: { reconcileIntervalMs: 3_600_000, retryFailedAfterMs: 300, workers: 1, queueCapacity: 1 } });
    await until(async () => hh.github.calls('apps/list-webhook-deliveries').length === 1);
    let release = () => {};
    hh.github.state.stall.set('checks/create', new Promise<void>((r) => (release = r)));
    const opened = (n: number) => hh.send('pull_request', pullRequestEvent(hh.github.state, agentPr(hh, n), 'opened'));
    expect((await opened(5)).status).toBe(200);
    const refused = await opened(6);
    expect(refused.status).toBe(503);
    hh.github.state.stall.delete('checks/create');
    release();
    await until(async () => (await hh.app.store.query(`select 1 from deliveries where status = 'done'`)).rows.length === 2);
    expect(hh.github.calls('apps/redeliver-webhook-delivery')).toHaveLength(1);
    expect((await hh.app.store.query('select id from deliveries where id = $1', [refused.guid])).rows).toHaveLength(1);
  });
});

describe('the backlog', () => {
  test('answers before processing, and refuses deliveries beyond its capacity without storing them', async () => {
    const hh = await harness({ settings: { workers: 1, queueCapacity: 1 } });
    let release = () => {};
    hh.github.state.stall.set('checks/create', new Promise<void>((r) => (release = r)));
    const opened = (n: number) => hh.send('pull_request', pullRequestEvent(hh.github.state, agentPr(hh, n), 'opened'));
    const first = await opened(21);
    expect(first.status).toBe(200);
    await until(async () => hh.github.requests.some((r) => r.operationId === 'checks/create'));
    const refused = await opened(22);
    expect(refused.status).toBe(503);
    expect((await hh.app.store.query('select id from deliveries')).rows).toEqual([{ id: first.guid }]);
    const metrics = await (await fetch(`${hh.app.url}/metrics`)).text();
    expect(metrics).toContain('trustgate_app_deliveries_total{event="pull_request",outcome="busy"} 1');
    expect(metrics).toContain('trustgate_app_queue_depth 1');
    hh.github.state.stall.delete('checks/create');
    release();
    await hh.app.idle();
    expect((await hh.app.store.query('select status from deliveries')).rows).toEqual([{ status: 'done' }]);
    // GitHub lists the refused delivery as failed, so the reconciler has it sent again, and then it is processed.
    expect(await hh.app.reconcile()).toEqual([refused.guid]);
    await until(async () => (await hh.app.store.query(`select 1 from deliveries where status = 'done'`)).rows.length === 2);
  });
});

describe('agent guardrails', () => {
  test('the daily PR budget blocks the agent PR that exceeds it', async () => {
    const hh = await harness();
    const t0 = Date.parse('2026-11-20T10:00:00Z');
    for (const [n, minutes] of [
      [11, 0],
      [12, 10],
      [13, 20],
    ] as const) {
      const pr = agentPr(hh, n, { createdAt: new Date(t0 + minutes * 60_000).toISOString() });
      await hh.github.deliver('pull_request', pullRequestEvent(hh.github.state, pr, 'opened'));
    }
    const guardrails = hh.github.calls('checks/create').filter((c) => c.body.name === 'trustgate / guardrails');
    expect(guardrails.map((c) => c.body.conclusion)).toEqual(['success', 'success', 'failure']);
    expect((guardrails[2]?.body.output as { summary?: string } | undefined)?.summary).toContain(
      'agent @copilot-swe-agent: 3 pull request(s) in 24 h, budget 2 (exceeded)',
    );
  });

  test('links to hosts outside the allowlist in agent-written text are reported', async () => {
    const hh = await harness();
    const pr = agentPr(hh, 14, {
      body: 'See https://github.com/octo-org/service/issues/1 and https://evil.example.net/payload.sh',
      comments: [{ user: 'copilot-swe-agent', body: 'docs: https://docs.example.com/x ok, also http://203.0.113.9/x' }],
    });
    await hh.github.deliver('pull_request', pullRequestEvent(hh.github.state, pr, 'opened'));
    const check = hh.github.calls('checks/create').find((c) => c.body.name === 'trustgate / guardrails');
    expect(check?.body.conclusion).toBe('failure');
    const summary = (check?.body.output as { summary?: string } | undefined)?.summary ?? '';
    expect(summary).toContain('- evil.example.net: `https://evil.example.net/payload.sh` in the pull request body');
    expect(summary).toContain('- 203.0.113.9: `http://203.0.113.9/x` in comment 1');
    expect(summary).not.toContain('docs.example.com');
  });
});

describe('deployment protection rule', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;
  const policy = `${POLICY}promotion:\n  environments:\n    production:\n      requires:\n        tests: true\n`;

  test('the gate engine decides and the callback carries the decision and its reason', async () => {
    const seen: string[] = [];
    const engines: Engines = {
      ...createEngines(),
      decidePromotion: async (req) => {
        seen.push(`${req.environment} ${req.subject}`);
        return { approved: false, comment: 'trustgate: missing test evidence for the digest' };
      },
    };
    const hh = await harness({ engines });
    expect(hh.app.processing).toBe('main-thread');
    hh.github.state.files.set('octo-org/service@main:.github/trustgate.yml', policy);
    const event = deploymentProtectionRuleEvent(hh.github.state, { environment: 'production', sha: sha(50), digest });
    await hh.github.deliver('deployment_protection_rule', event);
    expect(seen).toEqual([`production ${digest}`]);
    const calls = hh.github.calls('actions/review-custom-gates-for-run');
    expect(calls.map((c) => [c.params.run_id, c.body])).toEqual([
      ['4242', { environment_name: 'production', state: 'rejected', comment: 'trustgate: missing test evidence for the digest' }],
    ]);
  });

  test('the gate engine rejects a digest without the evidence the environment requires, and says why', async () => {
    const hh = await harness();
    hh.github.state.files.set('octo-org/service@main:.github/trustgate.yml', policy);
    const event = deploymentProtectionRuleEvent(hh.github.state, { environment: 'production', sha: sha(53), digest });
    await hh.github.deliver('deployment_protection_rule', event);
    expect(hh.github.calls('repos/list-attestations').map((c) => c.params.subject_digest)).toEqual([digest]);
    const [call] = hh.github.calls('actions/review-custom-gates-for-run');
    expect(call?.body.state).toBe('rejected');
    expect(call?.body.comment).toContain('fail');
  });

  test('an environment without a promotion policy is rejected with how to add one; a commit without a digest is rejected', async () => {
    const hh = await harness();
    hh.github.state.files.set('octo-org/service@main:.github/trustgate.yml', policy);
    await hh.github.deliver(
      'deployment_protection_rule',
      deploymentProtectionRuleEvent(hh.github.state, { environment: 'staging', sha: sha(51) }),
    );
    await hh.github.deliver(
      'deployment_protection_rule',
      deploymentProtectionRuleEvent(hh.github.state, { environment: 'production', sha: sha(52) }),
    );
    const calls = hh.github.calls('actions/review-custom-gates-for-run').map((c) => c.body);
    expect(calls.map((c) => c.state)).toEqual(['rejected', 'rejected']);
    expect(calls[0]?.comment).toContain('has no promotion policy for environment `staging`');
    expect(calls[0]?.comment).toContain('allowWithoutPolicy: [staging]');
    expect(calls[1]?.comment).toContain(`names only gitCommit:${sha(52)}`);
  });

  test('an environment listed in allowWithoutPolicy is approved; a repository with no policy file is rejected', async () => {
    const hh = await harness();
    hh.github.state.files.set('octo-org/service@main:.github/trustgate.yml', `${policy}  allowWithoutPolicy: [preview]\n`);
    await hh.github.deliver(
      'deployment_protection_rule',
      deploymentProtectionRuleEvent(hh.github.state, { environment: 'preview', sha: sha(54), digest }),
    );
    hh.github.state.files.delete('octo-org/service@main:.github/trustgate.yml');
    await hh.github.deliver(
      'deployment_protection_rule',
      deploymentProtectionRuleEvent(hh.github.state, { environment: 'production', sha: sha(55), digest }),
    );
    const calls = hh.github.calls('actions/review-custom-gates-for-run').map((c) => c.body);
    expect(calls.map((c) => c.state)).toEqual(['approved', 'rejected']);
    expect(calls[0]?.comment).toContain('promotion.allowWithoutPolicy');
    expect(calls[1]?.comment).toContain('no trustgate policy in octo-org/service');
    expect(calls[1]?.comment).toContain('```yaml');
  });
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  // Generous: the job engine's retry backs off 5-10 s, and a loaded 2-core machine stretches everything.
  for (let i = 0; i < 2400; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not reached');
}
