import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
// @ts-expect-error plain ESM test double without type declarations
import { addPull } from '../mock-github/server.mjs';
// @ts-expect-error plain ESM test double without type declarations
import { pullRequestEvent, pullRequestReviewEvent, checkRunRequestedAction, mergeGroupEvent } from '../mock-github/webhooks.mjs';
import { agentPr as makeAgentPr, type Harness, POLICY, sha, startHarness } from './harness.js';

const REVIEW = 'trustgate / architecture-review';
const GUARDRAILS = 'trustgate / guardrails';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
  h.github.state.teams.set('octo-org/architects', new Set(['bob', 'alice']));
  h.github.state.teams.set('octo-org/security', new Set(['sec-lead']));
});
afterEach(async () => {
  expect(h.github.invalid).toEqual([]);
  await h.close();
});

function agentPr(number: number, extra: Record<string, unknown> = {}) {
  return makeAgentPr(h.github, number, extra);
}

function checks(name: string) {
  return h.github
    .calls('checks/create')
    .filter((c) => c.body.name === name)
    .map((c) => c.body);
}

function lastCheck(name: string) {
  const all = checks(name);
  return all[all.length - 1] as { status: string; conclusion?: string; head_sha: string; output: { title: string; summary: string } };
}

describe('architecture review on AI pull requests', () => {
  test('an agent PR without approval is blocking and its reviewers are requested', async () => {
    const pr = agentPr(1);
    const res = await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'opened'));
    expect(res.status).toBe(200);
    const check = lastCheck(REVIEW);
    expect(check.status).toBe('in_progress');
    expect(check.conclusion).toBeUndefined();
    expect(check.head_sha).toBe(sha(1));
    expect(check.output.summary).toContain('| service architecture | pending | 0/1 | none yet | @octo-org/architects |');
    expect(h.github.calls('pulls/request-reviewers').map((c) => c.body)).toEqual([{ reviewers: [], team_reviewers: ['architects'] }]);
  });

  test('reviewers GitHub refuses to request (not collaborators) leave the checks published and the delivery done', async () => {
    h.github.state.outsiders.add('architects');
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, agentPr(3), 'opened'));
    expect(h.github.calls('pulls/request-reviewers')).toHaveLength(1);
    expect(lastCheck(REVIEW).status).toBe('in_progress');
    expect(lastCheck(GUARDRAILS)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect((await h.app.store.query('select status from deliveries')).rows).toEqual([{ status: 'done' }]);
  });

  test('an approval by the right team on the head commit passes', async () => {
    const pr = agentPr(2);
    pr.reviews.push({ user: 'bob', state: 'APPROVED', commitId: pr.headSha });
    await h.github.deliver('pull_request_review', pullRequestReviewEvent(h.github.state, pr, pr.reviews[0]));
    const check = lastCheck(REVIEW);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(check.output.summary).toContain('| service architecture | met | 1/1 | @bob |');
    expect(h.github.calls('pulls/request-reviewers')).toEqual([]);
  });

  test('a new push after approval blocks again', async () => {
    const pr = agentPr(3);
    pr.reviews.push({ user: 'bob', state: 'APPROVED', commitId: pr.headSha });
    pr.headSha = sha(33);
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'synchronize'));
    expect(lastCheck(REVIEW)).toMatchObject({ status: 'in_progress', head_sha: sha(33) });
  });

  test('a clean merge of the base keeps the approval', async () => {
    const pr = agentPr(4);
    const approved = pr.headSha;
    pr.reviews.push({ user: 'bob', state: 'APPROVED', commitId: approved });
    pr.headSha = sha(44);
    const merge = { sha: sha(45), parents: [{ sha: approved }, { sha: sha(99) }] };
    h.github.state.compare.set(`${approved}...${sha(44)}`, { commits: [merge] });
    const samePatch = { files: [{ filename: 'src/api/routes.ts', patch: '@@ same @@', sha: sha(7) }] };
    h.github.state.compare.set(`main...${approved}`, samePatch);
    h.github.state.compare.set(`main...${sha(44)}`, samePatch);
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'synchronize'));
    expect(lastCheck(REVIEW)).toMatchObject({ status: 'completed', conclusion: 'success', head_sha: sha(44) });
  });

  test('an approval by the initiator of the agent change does not count', async () => {
    const pr = agentPr(5);
    pr.reviews.push({ user: 'alice', state: 'APPROVED', commitId: pr.headSha });
    await h.github.deliver('pull_request_review', pullRequestReviewEvent(h.github.state, pr, pr.reviews[0]));
    const check = lastCheck(REVIEW);
    expect(check.status).toBe('in_progress');
    expect(check.output.summary).toContain('| service architecture | pending | 0/1 | none yet |');
    expect(h.github.calls('pulls/request-reviewers').map((c) => c.body)).toEqual([{ reviewers: [], team_reviewers: ['architects'] }]);
  });

  test('an agent PR recognised from its commits is labelled, and its initiator cannot approve it', async () => {
    const pr = addPull(h.github.state, {
      number: 15,
      headSha: sha(15),
      author: 'Copilot',
      authorType: 'Bot',
      files: ['src/db.ts'],
      commits: [
        {
          sha: sha(1515),
          authorName: 'Copilot',
          authorEmail: '198982749+Copilot@users.noreply.github.com',
          message: 'Add index\n\nCo-authored-by: Dana <4242+dana@users.noreply.github.com>',
        },
      ],
      reviews: [{ user: 'dana', state: 'APPROVED', commitId: sha(15) }],
    });
    h.github.state.teams.get('octo-org/architects')?.add('dana');
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'opened'));
    expect(h.github.calls('issues/add-labels').map((c) => c.body)).toEqual([{ labels: ['ai:agent'] }]);
    const check = lastCheck(REVIEW);
    expect(check.status).toBe('in_progress');
    expect(check.output.summary).toContain('Cohort: **agent**');
    expect(check.output.summary).toContain('| service architecture | pending | 0/1 | none yet |');
  });

  test("whoever assigned Copilot on the issue the PR closes is its initiator: their approval does not count, the assignee's does", async () => {
    h.github.state.teams.get('octo-org/architects')?.add('carol');
    const issue = (n: number) => ({
      labels: [],
      events: [
        { event: 'assigned', actor: 'carol', assignee: 'Copilot', createdAt: '2026-01-01T00:00:00Z' },
        { event: 'assigned', actor: 'mallory', assignee: 'Copilot', createdAt: '2999-01-01T00:00:00Z' },
      ],
      comments: [{ id: 9000 + n, user: 'erin', body: '@copilot please', createdAt: '2026-01-01T00:00:01Z' }],
    });
    h.github.state.issues.set(70, issue(70));
    h.github.state.issues.set(71, issue(71));
    const byInitiator = agentPr(16, {
      author: 'Copilot',
      body: 'Fixes #70',
      reviews: [{ user: 'carol', state: 'APPROVED', commitId: sha(16) }],
    });
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, byInitiator, 'opened'));
    expect(lastCheck(REVIEW)).toMatchObject({ status: 'in_progress', head_sha: sha(16) });
    expect(lastCheck(REVIEW).output.summary).toContain('| service architecture | pending | 0/1 | none yet |');
    const byAssignee = agentPr(17, {
      author: 'Copilot',
      body: 'Fixes #71',
      reviews: [{ user: 'alice', state: 'APPROVED', commitId: sha(17) }],
    });
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, byAssignee, 'opened'));
    expect(lastCheck(REVIEW)).toMatchObject({ status: 'completed', conclusion: 'success', head_sha: sha(17) });
    expect(h.github.calls('issues/list-events').map((c) => c.params.issue_number)).toEqual(['70', '71']);
  });

  test('the person who mentioned the agent on the issue the PR closes is its initiator, not an unknown one', async () => {
    h.github.state.teams.get('octo-org/architects')?.add('carol');
    h.github.state.issues.set(72, {
      labels: [],
      events: [],
      comments: [
        { id: 9100, user: 'carol', body: '@claude please add an index for the orders query', createdAt: '2026-01-01T00:00:00Z' },
        { id: 9101, user: 'claude[bot]', type: 'Bot', body: "@claude is on it: I'll open a PR", createdAt: '2026-01-01T00:01:00Z' },
      ],
    });
    const pr = agentPr(18, {
      author: 'claude[bot]',
      assignees: [],
      body: 'Adds the index.\n\nFixes #72\n\nGenerated with [Claude Code](https://claude.ai/code)',
      reviews: [{ user: 'carol', state: 'APPROVED', commitId: sha(18) }],
    });
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'opened'));
    const check = lastCheck(REVIEW);
    expect(check.status).toBe('in_progress');
    expect(check.output.summary).toContain('| service architecture | pending | 0/1 | none yet |');
    expect(check.output.summary).not.toContain('unknown initiator');
  });

  test('a human PR without AI markers does not need the review, and passes rather than skipping', async () => {
    const pr = addPull(h.github.state, { number: 6, headSha: sha(6), author: 'carol', files: ['src/x.ts'] });
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'opened'));
    expect(lastCheck(REVIEW)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(lastCheck(REVIEW).output.summary).toContain('cohort "unknown"');
  });

  test('an invalid policy on the base branch is a failing check naming file and line', async () => {
    h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', 'version: 1\nreview:\n  rulez: []\n');
    const pr = agentPr(7);
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, pr, 'opened'));
    for (const name of [REVIEW, GUARDRAILS]) {
      const check = lastCheck(name);
      expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(check.output.title).toBe('Invalid trustgate policy at octo-org/service@main:.github/trustgate.yml:3');
      expect(check.output.summary).toContain('`octo-org/service@main:.github/trustgate.yml:3:3`: unknown key "rulez" at review');
    }
  });

  test('the policy on the PR head is never read', async () => {
    h.github.state.files.set('octo-org/service@feature-8:.github/trustgate.yml', 'version: 1\n');
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, agentPr(8), 'opened'));
    const refs = h.github.calls('repos/get-content').map((c) => (c as unknown as { query: { ref?: string } }).query.ref);
    expect(refs).toEqual(['main']);
  });

  test('no policy anywhere means no check at all, never a failure', async () => {
    h.github.state.files.clear();
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, agentPr(9), 'opened'));
    expect(h.github.calls('checks/create')).toEqual([]);
    expect(h.github.calls('repos/get-content').map((c) => c.params.repo)).toEqual(['service', '.github']);
  });

  test('the org default applies when the repository has none', async () => {
    h.github.state.files.clear();
    h.github.state.files.set('octo-org/.github:.github/trustgate.yml', POLICY);
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, agentPr(10), 'opened'));
    expect(lastCheck(REVIEW).status).toBe('in_progress');
  });

  test('an audited override by the named team passes, with its reason on record', async () => {
    const pr = agentPr(11, { comments: [{ user: 'sec-lead', body: '/trustgate override hotfix for incident 42' }] });
    await h.github.deliver('check_run', checkRunRequestedAction(h.github.state, pr, 'sec-lead'));
    const check = lastCheck(REVIEW);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(check.output.summary).toContain('reason: "hotfix for incident 42"');
    const { rows } = await h.app.store.query('select actor, team, reason from review_overrides');
    expect(rows).toEqual([{ actor: 'sec-lead', team: 'octo-org/security', reason: 'hotfix for incident 42' }]);
  });

  test('an override by someone outside the override teams is refused', async () => {
    const pr = agentPr(12, { comments: [{ user: 'bob', body: '/trustgate override because' }] });
    await h.github.deliver('check_run', checkRunRequestedAction(h.github.state, pr, 'bob'));
    const refusal = `trustgate: override refused: @bob is not a member of @octo-org/security.\n\n<!-- trustgate:override-refused:${sha(12)} -->`;
    expect(h.github.calls('issues/create-comment').map((c) => c.body.body)).toEqual([refusal]);
    expect(checks(REVIEW)).toEqual([]);
    // Asked again: the one marked comment is found and left as it is, not posted twice.
    await h.github.deliver('check_run', checkRunRequestedAction(h.github.state, pr, 'bob'));
    expect(h.github.calls('issues/create-comment')).toHaveLength(1);
    expect(h.github.state.pulls.get(12)?.comments.map((c) => c.body)).toEqual(['/trustgate override because', refusal]);
  });

  test('a merge group is evaluated, and waiting there is a failure', async () => {
    const pr = agentPr(13);
    await h.github.deliver('merge_group', mergeGroupEvent(h.github.state, pr, sha(1313)));
    expect(lastCheck(REVIEW)).toMatchObject({ status: 'completed', conclusion: 'failure', head_sha: sha(1313) });
  });

  test('a secondary rate limit is waited out and retried', async () => {
    h.github.state.refuse.set('checks/create', 1);
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, agentPr(14), 'opened'));
    expect(lastCheck(REVIEW).status).toBe('in_progress');
  });
});
