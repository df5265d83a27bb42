import { afterEach, describe, expect, test } from '@jest/globals';
import { loadLedger, loadTrustTaxDataset } from '@trustgate/metrics';
// @ts-expect-error plain ESM test double without type declarations
import { checkSuiteCompletedEvent, pullRequestEvent, pullRequestReviewEvent, pushEvent } from '../mock-github/webhooks.mjs';
// @ts-expect-error plain ESM test double without type declarations
import { addPull } from '../mock-github/server.mjs';
import { agentPr, type Harness, POLICY, sha, startHarness } from './harness.js';
import { appStores } from './pg.js';

const REPO = 'octo-org/service';
const MAIN_BEFORE = 'c'.repeat(40);
const MERGE_SHA = 'b'.repeat(40);

let h: Harness | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
afterEach(async () => {
  if (h) expect(h.github.invalid).toEqual([]);
  await h?.close();
  h = undefined;
  await dropDatabase?.();
  dropDatabase = undefined;
});

const STORES = appStores((drop) => {
  dropDatabase = drop;
});

/** A pull_request delivery of `pr` with the timestamps and sizes GitHub would send. */
function prEvent(hh: Harness, pr: { headSha: string }, action: string, extra: Record<string, unknown> = {}) {
  const payload = pullRequestEvent(hh.github.state, pr, action);
  Object.assign(payload.pull_request, {
    created_at: '2026-11-20T09:00:00Z',
    updated_at: action === 'opened' ? '2026-11-20T09:00:00Z' : '2026-11-20T10:00:00Z',
    additions: 3,
    deletions: 0,
    merged: false,
    merged_at: null,
    ...extra,
  });
  return payload;
}

describe('trust-tax recording from webhooks', () => {
  test.each(STORES)(
    'on %s: opened -> reviews -> synchronize -> check suite -> merged -> push fills the dataset and the ledger once',
    async (_, store) => {
      h = await startHarness(await store());
      const { github, app } = h;
      github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
      github.state.teams.set('octo-org/architects', new Set(['bob']));
      const pr = agentPr(github, 7, { files: ['src/a.ts'], title: 'Add the handler' });

      await github.deliver('pull_request', prEvent(h, pr, 'opened'));
      // The gates and the recorder share one classification: the attribution engine read the commits once.
      expect(github.calls('pulls/list-commits')).toHaveLength(1);

      await github.deliver(
        'pull_request_review',
        pullRequestReviewEvent(github.state, pr, { user: 'bob', state: 'APPROVED', commitId: sha(7) }),
      );
      const botReview = pullRequestReviewEvent(github.state, pr, { user: 'review-bot[bot]', state: 'COMMENTED', commitId: sha(7) });
      Object.assign(botReview.review, { id: 9002, submitted_at: '2026-11-20T09:30:00Z' });
      botReview.review.user.type = 'Bot';
      await github.deliver('pull_request_review', botReview);

      pr.headSha = sha(8);
      github.state.compare.set(`${sha(7)}...${sha(8)}`, {
        files: [{ filename: 'src/a.ts', status: 'modified', additions: 2, deletions: 1, changes: 3 }],
      });
      await github.deliver('pull_request', prEvent(h, pr, 'synchronize'));
      await github.deliver('check_suite', checkSuiteCompletedEvent(github.state, { id: 555, headSha: sha(8), conclusion: 'success' }));
      await github.deliver(
        'pull_request',
        prEvent(h, pr, 'closed', { merged: true, merged_at: '2026-11-20T11:00:00Z', merge_commit_sha: MERGE_SHA }),
      );

      github.state.commits.set(MERGE_SHA, {
        parents: [MAIN_BEFORE],
        message: 'Add the handler (#7)',
        date: '2026-11-20T11:00:00Z',
        files: [
          { filename: 'src/a.ts', status: 'added', additions: 3, deletions: 0, patch: '@@ -0,0 +1,3 @@\n+one\n+two\n+three' },
          { filename: 'src/big.ts', status: 'added', additions: 5000, deletions: 0 },
        ],
      });
      const push = pushEvent(github.state, { before: MAIN_BEFORE, commits: [{ sha: MERGE_SHA, message: 'Add the handler (#7)' }] });
      const first = await github.deliver('push', push);
      // GitHub's redelivery (same GUID) is answered once; a second delivery of the same push applies nothing again.
      await github.deliver('push', push, { guid: first.guid });
      await github.deliver('push', push);
      // Pushes to other branches are not the ledger's.
      await github.deliver(
        'push',
        pushEvent(github.state, { before: MAIN_BEFORE, commits: [{ sha: sha(8), message: 'wip' }], ref: 'refs/heads/feature-7' }),
      );

      const statuses = (await app.store.query<{ status: string }>('select status from deliveries')).rows.map((r) => r.status);
      expect(statuses).toEqual(Array(9).fill('done'));
      expect(github.calls('repos/get-commit').map((c) => c.params.ref)).toEqual([MERGE_SHA, MERGE_SHA]);

      const data = await loadTrustTaxDataset(app.store, { repo: REPO });
      expect(data.pullRequests).toEqual([
        expect.objectContaining({
          repo: REPO,
          number: 7,
          author: 'copilot-swe-agent',
          cohort: 'agent',
          title: 'Add the handler',
          mergedAt: '2026-11-20T11:00:00.000Z',
          mergeCommitSha: MERGE_SHA,
          headSha: sha(8),
          additions: 3,
          deletions: 0,
        }),
      ]);
      expect(data.reviews.map((r) => [r.reviewer, r.automated, r.state, r.commitId])).toEqual([
        ['bob', false, 'APPROVED', sha(7)],
        ['review-bot[bot]', true, 'COMMENTED', sha(7)],
      ]);
      expect(data.headPushes.map((p) => [p.sha, p.pushedAt])).toEqual([
        [sha(7), '2026-11-20T09:00:00.000Z'],
        [sha(8), '2026-11-20T10:00:00.000Z'],
      ]);
      expect(data.checkSuites).toEqual([{ repo: REPO, id: 555, headSha: sha(8), status: 'completed', conclusion: 'success' }]);
      expect(data.compares).toEqual([{ repo: REPO, fromSha: sha(7), toSha: sha(8), changedLines: 3 }]);
      expect(data.ledger.births).toEqual([{ repo: REPO, pr: 7, lines: 3 }]);
      expect((await app.store.query('select sha, pr from tt_ledger_commits')).rows).toEqual([{ sha: MERGE_SHA, pr: 7 }]);
      expect(data.ledger.gaps.map((g) => [g.path, g.originPr])).toEqual([['src/big.ts', 7]]);

      const ledger = await loadLedger(app.store, REPO);
      expect(ledger.get('src/a.ts')).toEqual([
        { start: 1, length: 3, origin: { pr: 7, sha: MERGE_SHA, cohort: 'agent', bornAt: '2026-11-20T11:00:00.000Z' } },
      ]);
    },
  );

  test('a repository without a policy: its pull requests are neither gated nor recorded, its check suites are', async () => {
    h = await startHarness();
    const { github, app } = h;
    const pr = agentPr(github, 9, { files: ['src/a.ts'] });
    await github.deliver('pull_request', prEvent(h, pr, 'opened'));
    await github.deliver(
      'pull_request_review',
      pullRequestReviewEvent(github.state, pr, { user: 'bob', state: 'APPROVED', commitId: sha(9) }),
    );
    await github.deliver('check_suite', checkSuiteCompletedEvent(github.state, { id: 556, headSha: sha(9), conclusion: 'failure' }));
    // Each policy-less PR delivery read the policy once (repository, then the org default) and never classified.
    expect(github.calls('repos/get-content').map((c) => c.params.repo)).toEqual(['service', '.github', 'service', '.github']);
    expect(github.calls('pulls/list-commits')).toEqual([]);
    const data = await loadTrustTaxDataset(app.store, { repo: REPO });
    expect([data.pullRequests, data.reviews, data.headPushes]).toEqual([[], [], []]);
    expect(data.checkSuites).toEqual([{ repo: REPO, id: 556, headSha: sha(9), status: 'completed', conclusion: 'failure' }]);
  });

  test('records the team of the person behind each pull request, and whether it closes a bug', async () => {
    h = await startHarness();
    const { github, app } = h;
    const policy = `${POLICY}metrics:\n  teams: ["octo-org/payments", "octo-org/platform"]\n  bugLabels: ["bug", "regression"]\n`;
    github.state.files.set('octo-org/service@main:.github/trustgate.yml', policy);
    github.state.teams.set('octo-org/platform', new Set(['alice', 'dave']));
    github.state.issues.set(41, { labels: ['enhancement'] });
    github.state.issues.set(42, { labels: ['Regression'] });
    // An agent change counts for its initiator's team (alice), and closes a regression among its linked issues.
    const agent = agentPr(github, 11, { files: ['docs/a.md'], body: 'Fixes #41\nCloses octo-org/service#42\nSee #43' });
    await github.deliver('pull_request', prEvent(h, agent, 'opened'));
    // A human change by someone in no listed team, closing an issue that does not exist and another repository's bug.
    const human = addPull(github.state, {
      number: 12,
      headSha: sha(12),
      author: 'erin',
      files: ['docs/b.md'],
      body: 'Fixes #44, fixes other/repo#42',
    });
    await github.deliver('pull_request', prEvent(h, human, 'opened'));

    expect((await app.store.query('select status from deliveries')).rows).toEqual([{ status: 'done' }, { status: 'done' }]);
    expect(github.calls('issues/get').map((c) => c.params.issue_number)).toEqual(['41', '42', '44']);
    const data = await loadTrustTaxDataset(app.store, { repo: REPO });
    expect(data.pullRequests.map((p) => [p.number, p.author, p.cohort, p.team, p.linksBug])).toEqual([
      [11, 'copilot-swe-agent', 'agent', 'octo-org/platform', true],
      [12, 'erin', 'unknown', 'unassigned', false],
    ]);
  });

  test('a force push to the default branch reads only the commits it pushed', async () => {
    h = await startHarness();
    const { github, app } = h;
    // The pushed commit's parent is unknown to the mock: reading it would fail the delivery.
    github.state.commits.set(MERGE_SHA, {
      parents: [MAIN_BEFORE],
      message: 'Rewrite history',
      date: '2026-11-20T11:00:00Z',
      files: [{ filename: 'src/a.ts', status: 'added', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+one' }],
    });
    const push = pushEvent(github.state, { before: 'e'.repeat(40), commits: [{ sha: MERGE_SHA, message: 'Rewrite history' }] });
    push.forced = true;
    await github.deliver('push', push);
    expect((await app.store.query('select status from deliveries')).rows).toEqual([{ status: 'done' }]);
    expect(github.calls('repos/get-commit').map((c) => c.params.ref)).toEqual([MERGE_SHA]);
    expect((await app.store.query('select sha, pr from tt_ledger_commits')).rows).toEqual([{ sha: MERGE_SHA, pr: null }]);
  });
});
