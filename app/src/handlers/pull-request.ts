import { evaluatePullRequestGates } from '../checks/pull-request-gates.js';
import { type Handler, repoOf } from './context.js';

/** pull_request.*, pull_request_review.*, issue_comment.* on a PR: re-evaluate that pull request's checks. */
export const onPullRequest: Handler = async (ctx) => {
  const p = ctx.payload as { pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown } };
  const number = p.pull_request?.number ?? (p.issue?.pull_request ? p.issue.number : undefined);
  if (typeof number !== 'number') return;
  await evaluatePullRequestGates(ctx, repoOf(ctx.payload), number);
};
