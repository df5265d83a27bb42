import { evaluatePullRequestGates } from '../checks/pull-request-gates.js';
import { type Handler, repoOf } from './context.js';

interface PullRequestsPayload {
  check_run?: { pull_requests?: { number: number }[] };
  check_suite?: { pull_requests?: { number: number }[] };
}

/** check_run.rerequested and check_suite.requested/rerequested: re-evaluate the pull requests they belong to. */
export const onCheckRerequest: Handler = async (ctx) => {
  const p = ctx.payload as PullRequestsPayload;
  const prs = p.check_run?.pull_requests ?? p.check_suite?.pull_requests ?? [];
  const repo = repoOf(ctx.payload);
  for (const number of new Set(prs.map((pr) => pr.number))) await evaluatePullRequestGates(ctx, repo, number);
};
