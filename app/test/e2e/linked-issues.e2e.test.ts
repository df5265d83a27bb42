import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
// @ts-expect-error plain ESM test double without type declarations
import { pullRequestEvent } from '../mock-github/webhooks.mjs';
import { agentPr as makeAgentPr, type Harness, POLICY, sha, startHarness } from './harness.js';

const REVIEW = 'trustgate / architecture-review';
// Opened long before any listing this test fetches: every listing may serve it.
const OPENED_LONG_AGO = '2026-01-02T00:00:00Z';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
  h.github.state.teams.set('octo-org/architects', new Set(['bob', 'carol', 'dave']));
});
afterEach(async () => {
  expect(h.github.invalid).toEqual([]);
  await h.close();
});

/** The listings the App made of issue `n` (the pull requests' own comments are listed too, under their numbers). */
function listings(n: number) {
  const of = (op: string) => h.github.calls(op).filter((c) => c.params.issue_number === String(n)).length;
  return { events: of('issues/list-events'), comments: of('issues/list-comments') };
}

function lastReview() {
  const all = h.github.calls('checks/create').filter((c) => c.body.name === REVIEW);
  return all[all.length - 1]?.body as { status: string; conclusion?: string; head_sha: string };
}

const assignedBy = (actor: string, createdAt: string) => ({ event: 'assigned', actor, assignee: 'Copilot', createdAt });

/** An agent PR by Copilot that closes `issue`, approved by `approver` on its head commit. */
function agentPr(number: number, issue: number, approver: string, createdAt: string) {
  return makeAgentPr(h.github, number, {
    author: 'Copilot',
    body: `Fixes #${issue}`,
    createdAt,
    reviews: [{ user: approver, state: 'APPROVED', commitId: sha(number) }],
  });
}

describe('the linked issues an agent PR closes are listed once per process', () => {
  test("an agent PR's second delivery reuses the listings its first fetched", async () => {
    h.github.state.issues.set(80, { labels: [], events: [assignedBy('carol', '2026-01-01T00:00:00Z')], comments: [] });
    const pr = agentPr(20, 80, 'carol', OPENED_LONG_AGO);
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'opened'));
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'edited'));
    expect(listings(80)).toEqual({ events: 1, comments: 1 });
    // Both deliveries judged with carol as the initiator: her approval does not count.
    expect(lastReview()).toMatchObject({ status: 'in_progress', head_sha: sha(20) });
    expect((await h.app.store.query('select status from deliveries')).rows).toEqual([{ status: 'done' }, { status: 'done' }]);
  });

  test('a PR opened after the listing was fetched lists the issue again, and sees what happened in between', async () => {
    h.github.state.issues.set(81, { labels: [], events: [assignedBy('carol', '2026-01-01T00:00:00Z')], comments: [] });
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, agentPr(21, 81, 'bob', OPENED_LONG_AGO), 'opened'));
    expect(listings(81)).toEqual({ events: 1, comments: 1 });
    expect(lastReview()).toMatchObject({ status: 'completed', conclusion: 'success', head_sha: sha(21) });
    // Dave sets Copilot to work again on the same issue, and it opens a new PR: the listing kept predates both.
    h.github.state.issues.get(81)?.events?.push(assignedBy('dave', new Date(Date.now() - 1000).toISOString()));
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, agentPr(22, 81, 'dave', new Date().toISOString()), 'opened'));
    expect(listings(81)).toEqual({ events: 2, comments: 2 });
    // Dave is the new PR's initiator, so his approval does not count (the old listing would have named carol).
    expect(lastReview()).toMatchObject({ status: 'in_progress', head_sha: sha(22) });
  });

  test('a PR opened less than a minute before its listing was fetched lists again on every delivery', async () => {
    h.github.state.issues.set(82, { labels: [], events: [assignedBy('carol', '2026-01-01T00:00:00Z')], comments: [] });
    const pr = agentPr(23, 82, 'carol', new Date().toISOString());
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'opened'));
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'edited'));
    expect(listings(82)).toEqual({ events: 2, comments: 2 });
  });

  test('an issue that is gone is kept as gone', async () => {
    const pr = agentPr(24, 404, 'carol', OPENED_LONG_AGO);
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'opened'));
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'edited'));
    expect(listings(404)).toEqual({ events: 1, comments: 1 });
    // No initiator found: carol's approval counts.
    expect(lastReview()).toMatchObject({ status: 'completed', conclusion: 'success', head_sha: sha(24) });
  });
});
