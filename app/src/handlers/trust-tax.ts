import type { Policy } from '@trustgate/core';
import {
  closedIssueNumbers,
  firstHumanReviewCommit,
  type PullRequestInput,
  type PullRequestRecorder,
  readApiHistory,
  recordCheckSuite,
  recordCompare,
  recordHeadPush,
  recordPullRequest,
  recordPush,
  recordReview,
  recordReviewComment,
  reviewCommentFromApi,
} from '@trustgate/metrics';
import { loadPolicy } from '../config/load.js';
import { classifyWithIssues } from '../engines/attribution.js';
import type { Classification } from '../engines/types.js';
import { IssueListings } from '../github/linked-issues.js';
import { firstTeamOf, isPullRequestObject, type PullRequestObject, pullRequestFacts } from '../github/pull-request.js';
import { fullName, type GitHub, httpStatus, type RepoRef } from '../github/types.js';
import type { AfterGates, Gated, GatedLookup } from './after-gates.js';
import { type Handler, type HandlerContext, repoOf } from './context.js';

// Translation of webhooks into the trust-tax recording API (docs/trust-tax.md); every call is idempotent, so a
// redelivery or a rerun after a crash records nothing twice.

/** GitHub's cap on `files` per page of `GET /commits/{sha}`. */
const COMMIT_FILES_PER_PAGE = 300;
/**
 * The most first-parent commits one push records. A push's chain `before..after` is never longer than the commits
 * its payload lists; a force push or a new branch, whose `before` is no ancestor, would otherwise walk all history
 * (seeding history is the backfill's job).
 */
const PUSH_COMMIT_LIMIT = 1000;

interface PullRequestPayload extends PullRequestObject {
  updated_at?: string;
  merged?: boolean;
  merged_at?: string | null;
  closed_at?: string | null;
  merge_commit_sha?: string | null;
  additions?: number;
  deletions?: number;
}

/**
 * The pull request's classification and policy: the gates' when they ran in this delivery, else read and classified
 * here. Undefined when the repository has no usable policy: such pull requests are neither gated nor recorded.
 */
async function classified(ctx: HandlerContext, repo: RepoRef, pr: PullRequestPayload, gated?: GatedLookup): Promise<Gated | undefined> {
  if (gated) return gated(repo, pr.number);
  const loaded = await loadPolicy(ctx.github, repo, pr.base.ref);
  if (loaded.kind !== 'ok') return undefined;
  const classification = await ctx.engines.classify({ pr: pullRequestFacts(pr), policy: loaded.policy, github: ctx.github, repo });
  return { classification, policy: loaded.policy };
}

/** pull_request opened / reopened / synchronize / edited / closed: the PR row, its head push, and at merge the compare. */
export const recordPullRequestActivity = async (ctx: HandlerContext, gated?: GatedLookup): Promise<void> => {
  const { action, pull_request: pr } = ctx.payload as { action: string; pull_request?: PullRequestPayload };
  if (typeof pr?.number !== 'number' || !pr.user || !pr.head || !pr.base) return;
  const repo = repoOf(ctx.payload);
  const name = fullName(repo);
  const known = await classified(ctx, repo, pr, gated);
  if (!known) return;
  const row = await pullRequestRow(ctx.github, repo, known.policy, known.classification, pr);
  await recordPullRequest(ctx.db, row);
  if (action === 'opened' || action === 'reopened' || action === 'synchronize') {
    await recordHeadPush(ctx.db, { repo: name, number: pr.number, sha: pr.head.sha, pushedAt: pr.updated_at ?? pr.created_at });
  }
  if (action === 'closed' && row.mergedAt) await recordReworkAfterReview(ctx, repo, pr.number, pr.head.sha);
};

/** The row recorded for a pull request, from a webhook's `pull_request` or `GET /pulls/{n}` (the same schema). */
async function pullRequestRow(
  github: GitHub,
  repo: RepoRef,
  policy: Policy,
  classification: Classification,
  pr: PullRequestPayload,
): Promise<PullRequestInput> {
  const merged = pr.merged === true && typeof pr.merged_at === 'string';
  return {
    repo: fullName(repo),
    number: pr.number,
    author: pr.user.login,
    team: await teamOf(github, policy, pr, classification),
    linksBug: await closesBug(github, repo, policy, pr.body),
    cohort: classification.cohort,
    title: pr.title,
    headRef: pr.head.ref,
    body: pr.body ?? null,
    createdAt: pr.created_at,
    mergedAt: merged ? (pr.merged_at as string) : null,
    closedAt: pr.closed_at ?? null,
    mergeCommitSha: merged ? (pr.merge_commit_sha ?? null) : null,
    headSha: pr.head.sha,
    additions: pr.additions ?? 0,
    deletions: pr.deletions ?? 0,
  };
}

/**
 * What the trust-tax backfill records for a pull request read from the REST API: the same row, classification and
 * policy (from the PR's base branch) as this App's webhooks record, so backfill and webhooks never disagree.
 */
export function trustTaxRecorder(github: GitHub, repo: RepoRef): PullRequestRecorder {
  const policies = new Map<string, Promise<Policy | undefined>>();
  // Pull requests that close the same issue list it once (the backfill's are long opened, so any listing serves).
  const issues = new IssueListings();
  const policyAt = (ref: string) => {
    let p = policies.get(ref);
    if (!p) {
      p = loadPolicy(github, repo, ref).then((l) => (l.kind === 'ok' ? l.policy : undefined));
      policies.set(ref, p);
    }
    return p;
  };
  return {
    async pullRequest(pr, commits) {
      if (!isPullRequestObject(pr)) return undefined;
      const policy = await policyAt(pr.base.ref);
      if (!policy) return undefined;
      const classification = await classifyWithIssues(github, repo, pullRequestFacts(pr), commits, policy, issues.read);
      return {
        row: await pullRequestRow(github, repo, policy, classification, pr as PullRequestPayload),
        aiReviewers: policy.metrics.aiReviewers,
      };
    },
  };
}

/**
 * The team a pull request counts for: the first of the policy's `metrics.teams` whose member is the person behind
 * it (an agent change's initiator, else its author); `unassigned` when none is.
 */
async function teamOf(github: GitHub, policy: Policy, pr: PullRequestPayload, who: Classification): Promise<string> {
  const person = (who.cohort === 'agent' && who.initiator) || pr.user.login;
  return (await firstTeamOf(github, policy.metrics.teams, person)) ?? 'unassigned';
}

/** Whether the body closes an issue of this repository that carries one of the policy's bug labels. */
async function closesBug(github: GitHub, repo: RepoRef, policy: Policy, body: string | null | undefined): Promise<boolean> {
  const bugLabels = new Set(policy.metrics.bugLabels.map((l) => l.toLowerCase()));
  for (const issue_number of closedIssueNumbers(body, fullName(repo))) {
    const { data } = await github.rest.issues.get({ ...repo, issue_number }).catch((err: unknown) => {
      // A reference to an issue that does not exist (or was deleted) links no bug; anything else is retried.
      if (httpStatus(err) === 404 || httpStatus(err) === 410) return { data: undefined };
      throw err;
    });
    const labels = (data?.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? '')).toLowerCase());
    if (labels.some((l) => bugLabels.has(l))) return true;
  }
  return false;
}

/** Lines changed between the commit the first human review saw and the merged head. */
async function recordReworkAfterReview(ctx: HandlerContext, repo: RepoRef, number: number, headSha: string): Promise<void> {
  const name = fullName(repo);
  const fromSha = await firstHumanReviewCommit(ctx.db, name, number);
  if (!fromSha) return;
  let changedLines = 0;
  if (fromSha !== headSha) {
    const { data } = await ctx.github.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${fromSha}...${headSha}` });
    changedLines = (data.files ?? []).reduce((sum, f) => sum + f.additions + f.deletions, 0);
  }
  await recordCompare(ctx.db, { repo: name, fromSha, toSha: headSha, changedLines });
}

/** pull_request_review submitted (after the gates, whose policy names the AI reviewers). */
export const recordReviewActivity: AfterGates = async (ctx, gated) => {
  const { review, pull_request: pr } = ctx.payload as {
    review?: { id: number; user: { login: string; type?: string } | null; state: string; submitted_at?: string | null; commit_id: string };
    pull_request?: PullRequestPayload;
  };
  if (!review?.user || typeof pr?.number !== 'number' || !pr.base || typeof review.submitted_at !== 'string') return;
  const repo = repoOf(ctx.payload);
  const policy = gated(repo, pr.number)?.policy;
  if (!policy) return;
  await recordReview(
    ctx.db,
    {
      repo: fullName(repo),
      number: pr.number,
      id: review.id,
      reviewer: review.user.login,
      ...(review.user.type ? { reviewerType: review.user.type } : {}),
      state: review.state,
      submittedAt: review.submitted_at,
      commitId: review.commit_id,
    },
    policy.metrics.aiReviewers,
  );
};

/** pull_request_review_comment created: who commented on the diff and when (never what), as the backfill reads it. */
export const recordReviewCommentActivity: Handler = async (ctx) => {
  const { comment, pull_request: pr } = ctx.payload as { comment?: unknown; pull_request?: PullRequestPayload };
  if (typeof pr?.number !== 'number' || !pr.base) return;
  const repo = repoOf(ctx.payload);
  const record = reviewCommentFromApi(fullName(repo), pr.number, comment);
  if (!record) return;
  // The policy of the base branch, as for the pull request itself: without a usable one nothing is recorded.
  const loaded = await loadPolicy(ctx.github, repo, pr.base.ref);
  if (loaded.kind !== 'ok') return;
  await recordReviewComment(ctx.db, record, loaded.policy.metrics.aiReviewers);
};

/** check_suite completed. */
export const recordCheckSuiteActivity: Handler = async (ctx) => {
  const { check_suite: suite } = ctx.payload as {
    check_suite?: { id: number; head_sha: string; status: string | null; conclusion: string | null };
  };
  if (!suite) return;
  await recordCheckSuite(ctx.db, {
    repo: fullName(repoOf(ctx.payload)),
    id: suite.id,
    headSha: suite.head_sha,
    status: suite.status ?? 'completed',
    conclusion: suite.conclusion,
  });
};

/** push to the default branch: the first-parent commits `before..after`, each with its patches, into the ledger. */
export const recordDefaultBranchPush: Handler = async (ctx) => {
  const p = ctx.payload as {
    ref?: string;
    before?: string;
    after?: string;
    deleted?: boolean;
    commits?: unknown[];
    repository?: { default_branch?: string };
  };
  if (p.deleted || typeof p.after !== 'string' || p.ref !== `refs/heads/${p.repository?.default_branch}`) return;
  const repo = repoOf(ctx.payload);
  const commits = await readApiHistory((sha) => fetchCommit(ctx.github, repo, sha), p.after, {
    stopAt: typeof p.before === 'string' ? [p.before] : [],
    limit: Math.min(PUSH_COMMIT_LIMIT, Math.max(1, Array.isArray(p.commits) ? p.commits.length : PUSH_COMMIT_LIMIT)),
  });
  const effects = await recordPush(ctx.db, fullName(repo), commits);
  ctx.log.info({ repo: fullName(repo), commits: commits.length, applied: effects.length }, 'trust-tax: push recorded');
};

/** `GET /commits/{sha}` with every page of `files`; a file GitHub sends without `patch` stays so (a ledger gap). */
async function fetchCommit(github: GitHub, repo: RepoRef, sha: string): Promise<unknown> {
  const { data } = await github.rest.repos.getCommit({ ...repo, ref: sha, per_page: COMMIT_FILES_PER_PAGE });
  const files = [...(data.files ?? [])];
  for (let page = 2, last = files.length; last === COMMIT_FILES_PER_PAGE; page++) {
    const next = await github.rest.repos.getCommit({ ...repo, ref: sha, per_page: COMMIT_FILES_PER_PAGE, page });
    last = next.data.files?.length ?? 0;
    files.push(...(next.data.files ?? []));
  }
  return { ...data, files };
}
