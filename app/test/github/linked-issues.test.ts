import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { tokenOctokit } from '../../src/github/octokit.js';
import { IssueListings, LISTING_SETTLE_MS, readLinkedIssues } from '../../src/github/linked-issues.js';
import type { GitHub } from '../../src/github/types.js';
// @ts-expect-error plain ESM test double without type declarations
import { createState, startMockGitHub } from '../mock-github/server.mjs';
import type { MockGitHub } from '../e2e/harness.js';

const REPO = { owner: 'octo-org', repo: 'service' };
const OPENED = Date.parse('2026-06-01T12:00:00Z');
const MINUTE = 60_000;

let github: MockGitHub;
let client: GitHub;
beforeAll(async () => {
  github = await startMockGitHub({ state: createState(), webhookSecret: 'unused', appUrl: () => '' });
  client = tokenOctokit('test-token', github.url) as unknown as GitHub;
});
afterAll(() => github.close());
beforeEach(() => {
  github.requests.length = 0;
  github.state.issues.clear();
  github.state.failures.clear();
  for (const n of [1, 2, 3])
    github.state.issues.set(n, {
      labels: [],
      events: [{ event: 'assigned', actor: `person${n}`, assignee: 'Copilot', createdAt: '2026-05-01T00:00:00Z' }],
      comments: [{ id: n, user: `person${n}`, body: '@copilot please', createdAt: '2026-05-01T00:00:01Z' }],
    });
});

/** A cache on a clock the test sets, and how many listings of each issue it asked GitHub for. */
function cache(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = OPENED;
  const listings = new IssueListings({ ...options, now: () => now });
  return {
    listings,
    at(ms: number) {
      now = ms;
    },
    read: (body: string, openedAt = new Date(OPENED).toISOString()) => listings.read(client, REPO, body, openedAt),
  };
}

const listed = () => github.calls('issues/list-events').map((c) => Number(c.params.issue_number));

describe('IssueListings', () => {
  test('serves what readLinkedIssues reads, fetched once for pull requests opened a minute or more before', async () => {
    const c = cache();
    c.at(OPENED + LISTING_SETTLE_MS);
    const first = await c.read('Fixes #1, closes #2');
    expect(first).toEqual(await readLinkedIssues(client, REPO, 'Fixes #1, closes #2', ''));
    github.requests.length = 0;
    expect(await c.read('Fixes #1, closes #2')).toEqual(first);
    expect(listed()).toEqual([]);
    // Owner and repository names are case-insensitive.
    expect(await c.listings.read(client, { owner: 'Octo-Org', repo: 'Service' }, 'Fixes #1', new Date(OPENED).toISOString())).toEqual([
      first[0],
    ]);
    expect(listed()).toEqual([]);
  });

  test('a listing fetched less than a minute after the opening, or before it, does not serve it', async () => {
    const c = cache();
    c.at(OPENED + LISTING_SETTLE_MS - 1);
    await c.read('Fixes #1');
    await c.read('Fixes #1');
    expect(listed()).toEqual([1, 1]);
    // The second listing was fetched later still, and serves a pull request opened earlier.
    await c.read('Fixes #1', new Date(OPENED - 1).toISOString());
    expect(listed()).toEqual([1, 1]);
  });

  test('an unreadable opening time never reuses a listing', async () => {
    const c = cache();
    c.at(OPENED + 10 * MINUTE);
    await c.read('Fixes #1', 'not a date');
    await c.read('Fixes #1', 'not a date');
    expect(listed()).toEqual([1, 1]);
  });

  test('listings older than the TTL are fetched again', async () => {
    const c = cache({ ttlMs: 10 * MINUTE });
    c.at(OPENED + MINUTE);
    await c.read('Fixes #1');
    c.at(OPENED + 11 * MINUTE);
    await c.read('Fixes #1');
    expect(listed()).toEqual([1]);
    c.at(OPENED + 11 * MINUTE + 1);
    await c.read('Fixes #1');
    expect(listed()).toEqual([1, 1]);
  });

  test('at most maxEntries issues are kept, the least recently used dropped first', async () => {
    const c = cache({ maxEntries: 2 });
    c.at(OPENED + MINUTE);
    await c.read('Fixes #1');
    await c.read('Fixes #2');
    await c.read('Fixes #1');
    await c.read('Fixes #3');
    expect(c.listings.size).toBe(2);
    await c.read('Fixes #1');
    expect(listed()).toEqual([1, 2, 3]);
    await c.read('Fixes #2');
    expect(listed()).toEqual([1, 2, 3, 2]);
  });

  test('a gone issue is kept as gone; any other refusal is thrown and never kept', async () => {
    const c = cache();
    c.at(OPENED + MINUTE);
    expect(await c.read('Fixes #404')).toEqual([]);
    expect(await c.read('Fixes #404')).toEqual([]);
    expect(listed()).toEqual([404]);
    github.state.failures.set('issues/list-events', 403);
    await expect(c.read('Fixes #1')).rejects.toMatchObject({ status: 403 });
    expect(c.listings.size).toBe(1);
    github.state.failures.clear();
    expect(await c.read('Fixes #1')).toHaveLength(1);
    expect(listed()).toEqual([404, 1, 1]);
  });
});
