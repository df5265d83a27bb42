import { afterEach, describe, expect, test } from '@jest/globals';
import { tokenOctokit, trustTaxRecorder } from '@trustgate/app';
import { backfillPullRequests, GitHubRest, openStore, type SqlClient, type Store } from '@trustgate/metrics';
import { applyEvent, pullRequestTimeline, T0, type WorldEvent, type WorldState, webhookFor } from './backfill-world.js';
import { type Harness, POLICY, startHarness } from './harness.js';

const REPO = 'octo-org/service';
const POLICY_WITH_METRICS = `${POLICY}metrics:\n  teams: ["octo-org/platform"]\n  bugLabels: ["bug"]\n`;
const TABLES = {
  tt_pull_requests: 'repo, number',
  tt_head_pushes: 'repo, number, sha',
  tt_reviews: 'repo, id',
  tt_review_comments: 'repo, id',
  tt_check_suites: 'repo, id',
  tt_compares: 'repo, from_sha, to_sha',
};

const open: Harness[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) {
    expect(h.github.invalid).toEqual([]);
    await h.close();
  }
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
});

type World = WorldState;

async function world(store?: Store): Promise<Harness> {
  const h = await startHarness(store ? { store } : {});
  open.push(h);
  h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY_WITH_METRICS);
  h.github.state.teams.set('octo-org/platform', new Set(['alice']));
  h.github.state.issues.set(41, { labels: ['bug'] });
  return h;
}

async function deliver(h: Harness, events: readonly WorldEvent[]): Promise<void> {
  for (const e of events) {
    applyEvent(h.github.state as unknown as World, e);
    const [name, payload] = webhookFor(h.github.state as unknown as World, e);
    // A claim the store cannot take within the App's limit is answered 503 (a loaded machine): GitHub's
    // redelivery sends the same GUID again, which the App records once.
    let res = await h.github.deliver(name, payload);
    for (let retry = 0; res.status === 503 && retry < 5; retry++) res = await h.github.deliver(name, payload, { guid: res.guid });
    expect(res.status).toBe(200);
  }
}

/** Every trust-tax table, rows in key order. */
async function dump(db: SqlClient): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(TABLES)) out[table] = (await db.query(`select * from ${table} order by ${key}`)).rows;
  return out;
}

function backfill(h: Harness, db: SqlClient, now: number) {
  const rest = new GitHubRest({ baseUrl: h.github.url, token: 'backfill-token', sleep: async () => undefined, now: () => now });
  const recorder = trustTaxRecorder(tokenOctokit('backfill-token', h.github.url), { owner: 'octo-org', repo: 'service' });
  return backfillPullRequests(db, rest, { repo: REPO, since: new Date(T0 - 86_400_000).toISOString(), recorder, now: () => now });
}

describe('trust-tax API backfill, then webhooks', () => {
  test('backfill up to a moment, then the webhooks after it, records exactly what the webhooks alone record', async () => {
    const events = pullRequestTimeline(10);
    // Half-way through PR 6's life: some PRs are done, one is open with a review, the rest come later.
    const cutoff = T0 + 5 * 6 * 3_600_000 + 1.25 * 3_600_000;
    const before = events.filter((e) => e.at <= cutoff);
    const after = events.filter((e) => e.at > cutoff);
    expect([before.length, after.length]).toEqual([30, 28]);

    const alone = await world();
    await deliver(alone, events);
    const expected = await dump(alone.app.store);

    const store = await openStore();
    stores.push(store);
    const b = await world(store);
    for (const e of before) applyEvent(b.github.state as unknown as World, e);
    const summary = await backfill(b, store, cutoff);
    expect(summary).toMatchObject({ recorded: 6, unchanged: 0, outside: 0, resumed: false });
    await deliver(b, after);
    const got = await dump(store);

    expect(got).toEqual(expected);
    // The comparison is not vacuous: every kind of record is there, for every cohort.
    const prs = expected.tt_pull_requests as { cohort: string; merged_at: unknown; closed_at: unknown; team: string; links_bug: boolean }[];
    expect(prs).toHaveLength(10);
    expect(new Set(prs.map((p) => p.cohort))).toEqual(new Set(['agent', 'assisted', 'unknown']));
    expect(prs.filter((p) => p.closed_at !== null && p.merged_at === null).length).toBeGreaterThan(0);
    expect(prs.some((p) => p.team === 'octo-org/platform') && prs.some((p) => p.links_bug)).toBe(true);
    for (const table of Object.keys(TABLES)) expect((expected[table] as unknown[]).length).toBeGreaterThan(0);
  }, 240_000);
});

describe('trust-tax API backfill of a long history', () => {
  const COUNT = 1200;
  const since = new Date(T0 - 86_400_000).toISOString();
  const finished = T0 + COUNT * 6 * 3_600_000 + 86_400_000;

  async function history(): Promise<Harness> {
    const h = await world();
    h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
    for (const e of pullRequestTimeline(COUNT)) applyEvent(h.github.state as unknown as World, e);
    return h;
  }

  function client(h: Harness, waits: number[], signal?: AbortSignal, send?: typeof fetch) {
    return new GitHubRest({
      ...(send ? { fetch: send } : {}),
      baseUrl: h.github.url,
      token: 'backfill-token',
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...(signal ? { signal } : {}),
    });
  }

  test('pages through thousands of PRs, waits out every kind of rate limit, and resumes after an interruption with each page stored once', async () => {
    const h = await history();
    const recorder = trustTaxRecorder(tokenOctokit('backfill-token', h.github.url), { owner: 'octo-org', repo: 'service' });
    // Refusals at fixed request numbers: the primary limit used up, a secondary limit with retry-after, one without.
    (h.github.state as unknown as { limits: Map<number, string> }).limits.set(40, 'primary');
    (h.github.state as unknown as { limits: Map<number, string> }).limits.set(90, 'secondary');
    (h.github.state as unknown as { limits: Map<number, string> }).limits.set(140, 'message');
    const store = await openStore();
    stores.push(store);
    const waits: number[] = [];
    const stop = new AbortController();
    let sent = 0;
    const interrupted = client(h, waits, stop.signal, (async (...args: Parameters<typeof fetch>) => {
      if (++sent === 2500) stop.abort(new Error('interrupted'));
      return fetch(...args);
    }) as typeof fetch);
    await expect(
      backfillPullRequests(store, interrupted, { repo: REPO, since, recorder, now: () => finished, signal: stop.signal }),
    ).rejects.toThrow();
    const halfway = (await store.query<{ n: number }>('select count(*)::int as n from tt_pull_requests')).rows[0]?.n as number;
    expect(halfway).toBeGreaterThan(100);
    expect(halfway).toBeLessThan(COUNT);

    const resumed = await backfillPullRequests(store, client(h, waits), { repo: REPO, since, recorder, now: () => finished });
    expect(resumed.resumed).toBe(true);
    expect(resumed.recorded + halfway).toBeGreaterThanOrEqual(COUNT);

    // The waits GitHub asked for: until the reset (30 s ahead, plus a second), retry-after 7 s, a minute without a header.
    expect(waits.filter((w) => w >= 1000)).toEqual([expect.any(Number), 7000, 60_000]);
    expect(waits[0]).toBeGreaterThan(29_000);

    // Each list page was fetched once, but for the page in flight when the run was cut; each PR read once, but for one.
    const listed = h.github
      .calls('pulls/list')
      .filter((c) => !(c as { refused?: string }).refused)
      .map((c) => `${(c as { query?: { page?: string } }).query?.page ?? '1'}`);
    const pageCounts = [...new Set(listed)].map((p) => listed.filter((x) => x === p).length);
    expect(pageCounts.filter((n) => n > 1).length).toBeLessThanOrEqual(2);
    const read = h.github
      .calls('pulls/get')
      .filter((c) => !(c as { refused?: string }).refused)
      .map((c) => c.params.pull_number);
    expect(read.length - new Set(read).size).toBeLessThanOrEqual(1);
    expect(new Set(read).size).toBe(COUNT);

    // The same store as one uninterrupted run.
    const clean = await openStore();
    stores.push(clean);
    await backfillPullRequests(clean, client(h, []), { repo: REPO, since, recorder, now: () => finished });
    expect(await dump(store)).toEqual(await dump(clean));
    expect((await dump(clean)).tt_pull_requests).toHaveLength(COUNT);
  }, 1_200_000);
});
