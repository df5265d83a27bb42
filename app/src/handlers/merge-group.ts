import { evaluatePullRequestGates } from '../checks/pull-request-gates.js';
import { CHECK_NAMES, CommitChecks } from '../github/checks.js';
import { pullRequestOfMergeGroup } from '../github/merge-group.js';
import { type Handler, repoOf } from './context.js';

/** merge_group.checks_requested: the queued pull request is evaluated again, never passed automatically. */
export const onMergeGroup: Handler = async (ctx) => {
  const group = (ctx.payload as { merge_group?: { head_sha?: unknown; head_ref?: unknown } }).merge_group;
  if (typeof group?.head_sha !== 'string' || typeof group.head_ref !== 'string') return;
  const number = pullRequestOfMergeGroup(group.head_ref);
  const repo = repoOf(ctx.payload);
  if (number === undefined) {
    await new CommitChecks(ctx.github, repo, group.head_sha, ctx.appId).publish(CHECK_NAMES.architectureReview, {
      status: 'completed',
      conclusion: 'failure',
      output: {
        title: 'Cannot tell which pull request this merge group holds',
        summary: `The merge group ref \`${group.head_ref}\` does not name a pull request; trustgate cannot evaluate it and blocks it.`,
      },
    });
    return;
  }
  await evaluatePullRequestGates(ctx, repo, number, { sha: group.head_sha, mergeQueue: true });
};
