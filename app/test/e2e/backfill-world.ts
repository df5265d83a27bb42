// A repository's pull request history as a timeline of what happened on GitHub: applied to the mock's state it is
// what the REST API shows at any moment; delivered as webhooks it is what the App hears.
import {
  checkSuiteCompletedEvent,
  pullRequestEvent,
  pullRequestReviewCommentEvent,
  pullRequestReviewEvent,
  // @ts-expect-error plain ESM test double without type declarations
} from '../mock-github/webhooks.mjs';
// @ts-expect-error plain ESM test double without type declarations
import { addPull, lifecycle as lifecycleOf } from '../mock-github/server.mjs';
import { type MockState, sha } from './harness.js';

const HOUR = 3_600_000;
export const T0 = Date.parse('2026-10-01T00:00:00Z');
const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

interface Commit {
  sha: string;
  message: string;
  date: string;
  authorName: string;
  authorEmail: string;
}

interface PullState {
  number: number;
  headSha: string;
  commits: Commit[];
  reviews: { id: number; user: string; userType: string; state: string; commitId: string; submittedAt: string }[];
  reviewComments: { id: number; user: string; userType: string; reviewId: number | null; commitId: string; createdAt: string }[];
  state: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  additions: number;
  deletions: number;
  [k: string]: unknown;
}

export type WorldEvent =
  | { at: number; kind: 'opened'; number: number; pr: Record<string, unknown>; commit: Commit }
  | { at: number; kind: 'synchronize'; number: number; commit: Commit }
  | { at: number; kind: 'review'; number: number; review: PullState['reviews'][number] }
  | { at: number; kind: 'comment'; number: number; comment: PullState['reviewComments'][number] }
  | { at: number; kind: 'suite'; number: number; id: number; conclusion: string }
  | { at: number; kind: 'closed'; number: number; merged: boolean };

/** `count` pull requests six hours apart: agent, assisted and human ones; reviews, pushes, CI, merges and closes. */
export function pullRequestTimeline(count: number, first = 1): WorldEvent[] {
  const events: WorldEvent[] = [];
  for (let k = 0; k < count; k++) {
    const n = first + k;
    const start = T0 + k * 6 * HOUR;
    const kind = n % 3;
    const commit = (j: number, when: number): Commit => ({
      sha: sha(100_000 + n * 4 + j),
      message: kind === 1 ? `Change ${n}.${j}\n\nCo-authored-by: Claude <noreply@anthropic.com>` : `Change ${n}.${j}`,
      date: at(when),
      authorName: kind === 0 ? 'Copilot' : 'Erin',
      authorEmail: kind === 0 ? '198982749+Copilot@users.noreply.github.com' : 'erin@example.com',
    });
    events.push({
      at: start,
      kind: 'opened',
      number: n,
      commit: commit(0, start),
      pr: {
        number: n,
        title: n % 7 === 0 ? `Fix the parser (${n})` : `Change ${n}`,
        body: n % 5 === 1 ? 'Fixes #41' : '',
        author: kind === 0 ? 'copilot-swe-agent' : kind === 1 ? 'alice' : 'erin',
        authorType: kind === 0 ? 'Bot' : 'User',
        labels: kind === 0 ? ['ai:agent'] : [],
        assignees: kind === 0 ? ['alice'] : [],
        files: ['docs/notes.md'],
        additions: 10 + n,
        deletions: n % 4,
      },
    });
    const firstHead = sha(100_000 + n * 4);
    if (n % 3 !== 0)
      events.push({
        at: start + HOUR,
        kind: 'review',
        number: n,
        review: {
          id: 900_000 + n * 10,
          user: 'bob',
          userType: 'User',
          state: n % 2 ? 'CHANGES_REQUESTED' : 'APPROVED',
          commitId: firstHead,
          submittedAt: at(start + HOUR),
        },
      });
    // Review comments on the diff: the human review's, a bot's, and one after the merge (recorded, never counted).
    const comment = (j: number, when: number, user: string, userType: string, reviewId: number | null): WorldEvent => ({
      at: when,
      kind: 'comment',
      number: n,
      comment: { id: 800_000 + n * 10 + j, user, userType, reviewId, commitId: firstHead, createdAt: at(when) },
    });
    if (n % 3 !== 0) events.push(comment(0, start + HOUR, 'bob', 'User', 900_000 + n * 10));
    if (n % 3 === 1) events.push(comment(1, start + 1.1 * HOUR, 'bob', 'User', null));
    if (n % 4 === 0) events.push(comment(2, start + 1.6 * HOUR, 'review-bot[bot]', 'Bot', null));
    if (n % 5 === 2) events.push(comment(3, start + 3.5 * HOUR, 'carol', 'User', null));
    if (n % 4 === 0)
      events.push({
        at: start + 1.5 * HOUR,
        kind: 'review',
        number: n,
        review: {
          id: 900_000 + n * 10 + 1,
          user: 'review-bot[bot]',
          userType: 'Bot',
          state: 'COMMENTED',
          commitId: firstHead,
          submittedAt: at(start + 1.5 * HOUR),
        },
      });
    if (n % 2 === 0) events.push({ at: start + 2 * HOUR, kind: 'synchronize', number: n, commit: commit(1, start + 2 * HOUR) });
    events.push({ at: start + 2.5 * HOUR, kind: 'suite', number: n, id: 700_000 + n, conclusion: n % 5 === 0 ? 'failure' : 'success' });
    if (n % 6 !== 5) events.push({ at: start + 3 * HOUR, kind: 'closed', number: n, merged: n % 4 !== 3 });
  }
  return events.sort((a, b) => a.at - b.at || a.number - b.number);
}

/** What GitHub's state becomes when `e` happens. */
export type WorldState = Omit<MockState, 'pulls'> & { pulls: Map<number, PullState>; checkSuites: Map<string, unknown[]> };

export function applyEvent(state: WorldState, e: WorldEvent): void {
  if (e.kind === 'opened') {
    addPull(state, {
      ...e.pr,
      headSha: e.commit.sha,
      createdAt: at(e.at),
      updatedAt: at(e.at),
      commits: [e.commit],
      reviews: [],
      reviewComments: [],
    });
    return;
  }
  const pr = state.pulls.get(e.number) as PullState;
  if (e.kind === 'review') {
    pr.reviews.push(e.review);
    pr.updatedAt = at(e.at);
  } else if (e.kind === 'comment') {
    pr.reviewComments.push(e.comment);
    pr.updatedAt = at(e.at);
  } else if (e.kind === 'synchronize') {
    pr.commits.push(e.commit);
    pr.headSha = e.commit.sha;
    pr.updatedAt = at(e.at);
  } else if (e.kind === 'suite') {
    state.checkSuites.set(pr.headSha, [
      ...(state.checkSuites.get(pr.headSha) ?? []),
      { id: e.id, status: 'completed', conclusion: e.conclusion },
    ]);
  } else {
    pr.state = 'closed';
    pr.closedAt = at(e.at);
    pr.updatedAt = at(e.at);
    pr.mergedAt = e.merged ? at(e.at) : null;
    pr.mergeCommitSha = e.merged ? sha(500_000 + e.number) : null;
  }
}

/** The webhook GitHub sends for `e` (after `applyEvent`), as [event name, payload]. */
export function webhookFor(state: WorldState, e: WorldEvent): [string, Record<string, unknown>] {
  const pr = state.pulls.get(e.number) as PullState;
  const lifecycle = lifecycleOf(pr);
  if (e.kind === 'review') {
    const payload = pullRequestReviewEvent(state, pr, { user: e.review.user, state: e.review.state, commitId: e.review.commitId });
    Object.assign(payload.review, { id: e.review.id, submitted_at: e.review.submittedAt });
    payload.review.user.type = e.review.userType;
    Object.assign(payload.pull_request, lifecycle);
    return ['pull_request_review', payload];
  }
  if (e.kind === 'comment') {
    const payload = pullRequestReviewCommentEvent(state, pr, e.comment);
    Object.assign(payload.pull_request, lifecycle);
    return ['pull_request_review_comment', payload];
  }
  if (e.kind === 'suite')
    return ['check_suite', checkSuiteCompletedEvent(state, { id: e.id, headSha: pr.headSha, conclusion: e.conclusion })];
  const payload = pullRequestEvent(state, pr, e.kind);
  Object.assign(payload.pull_request, lifecycle);
  return ['pull_request', payload];
}
