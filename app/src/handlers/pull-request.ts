import { evaluatePullRequestGates } from '../checks/pull-request-gates.js';
import { isPullRequestObject, pullRequestFacts } from '../github/pull-request.js';
import { type Handler, repoOf } from './context.js';

/** pull_request.*, pull_request_review.*, issue_comment.* on a PR: re-evaluate that pull request's checks. */
export const onPullRequest: Handler = async (ctx) => {
  const p = ctx.payload as { pull_request?: unknown; issue?: { number?: unknown; pull_request?: unknown } };
  // A pull_request event carries the pull request as of that event: no need to read it again.
  if (ctx.event.startsWith('pull_request.') && isPullRequestObject(p.pull_request)) {
    await evaluatePullRequestGates(ctx, repoOf(ctx.payload), pullRequestFacts(p.pull_request));
    return;
  }
  const number = (p.pull_request as { number?: unknown } | undefined)?.number ?? (p.issue?.pull_request ? p.issue.number : undefined);
  if (typeof number !== 'number') return;
  await evaluatePullRequestGates(ctx, repoOf(ctx.payload), number);
};
