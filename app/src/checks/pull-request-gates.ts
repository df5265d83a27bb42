import { findReviewOverride, recordAgentPullRequest } from '@trustgate/metrics';
import type { Policy } from '@trustgate/core';
import { loadPolicy } from '../config/load.js';
import type { Classification, PullRequestFacts } from '../engines/types.js';
import { CHECK_NAMES, type CheckResult, CommitChecks, OVERRIDE_ACTION } from '../github/checks.js';
import {
  changedFiles,
  cleanMergeCarryOver,
  commentsBy,
  readCodeowners,
  readPullRequest,
  submittedReviews,
  teamMemberships,
} from '../github/pull-request.js';
import { agentsMarkdown, judgeAgentFiles } from '@trustgate/attribution';
import { changedAgentFiles } from '../github/agent-files.js';
import { fullName, httpStatus, type RepoRef } from '../github/types.js';
import { type BudgetCounts, judgeBudget, judgeGuardrails, offListLinks } from '../guardrails/index.js';
import {
  approvalsForCommit,
  architectureReviewSummary,
  codeownerRules,
  evaluateArchitectureReview,
  parseCodeowners,
  reviewersToRequest,
} from '../review/index.js';
import type { HandlerContext } from '../handlers/context.js';
import { configErrorOutput } from './config-error.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GateTarget {
  /** The commit the check runs are attached to: the PR head, or a merge queue group's commit. */
  sha: string;
  /** In a merge queue nobody can approve any more, so waiting is a failure rather than in progress. */
  mergeQueue: boolean;
}

/**
 * Re-evaluate every trustgate check of one pull request and publish the results. `pull` is its number (read from
 * GitHub), or its facts as a `pull_request` delivery carried them, which describe the very commit the event is about.
 */
export async function evaluatePullRequestGates(
  ctx: HandlerContext,
  repo: RepoRef,
  pull: number | PullRequestFacts,
  target?: GateTarget,
): Promise<void> {
  const pr = typeof pull === 'number' ? await readPullRequest(ctx.github, repo, pull) : pull;
  const at: GateTarget = target ?? { sha: pr.headSha, mergeQueue: false };
  const checks = new CommitChecks(ctx.github, repo, at.sha, ctx.appId);
  const loaded = await loadPolicy(ctx.github, repo, pr.baseRef);
  if (loaded.kind === 'none') {
    ctx.log.info({ repo: fullName(repo), pr: pr.number }, 'no trustgate policy; nothing to check');
    return;
  }
  if (loaded.kind === 'invalid') {
    const output = configErrorOutput(loaded.error);
    for (const name of Object.values(CHECK_NAMES)) {
      await checks.publish(name, { status: 'completed', conclusion: 'failure', output });
    }
    return;
  }
  const policy = loaded.policy;
  const who = await ctx.engines.classify({ pr, policy, github: ctx.github, repo });
  await labelCohort(ctx, repo, pr, policy, who);
  const evaluation: Evaluation = { ctx, repo, pr, policy, who, at, checks };
  await architectureReview(evaluation);
  await guardrails(evaluation);
}

async function labelCohort(ctx: HandlerContext, repo: RepoRef, pr: PullRequestFacts, policy: Policy, who: Classification) {
  if (who.cohort !== 'agent' && who.cohort !== 'assisted') return;
  const label = policy.attribution.labels[who.cohort];
  if (pr.labels.some((l) => l.toLowerCase() === label.toLowerCase())) return;
  await ctx.github.rest.issues.addLabels({ ...repo, issue_number: pr.number, labels: [label] });
}

/** One pull request being evaluated: what every check of it reads. */
interface Evaluation {
  ctx: HandlerContext;
  repo: RepoRef;
  pr: PullRequestFacts;
  policy: Policy;
  who: Classification;
  at: GateTarget;
  checks: CommitChecks;
}

async function architectureReview({ ctx, repo, pr, policy, who, at, checks }: Evaluation): Promise<void> {
  const files = await changedFiles(ctx.github, repo, pr.number);
  const reviews = await submittedReviews(ctx.github, repo, pr.number);
  const excluded = new Set([pr.author, ...(who.initiator ? [who.initiator] : [])]);
  const approvedCommits = reviews.filter((r) => r.state === 'APPROVED').map((r) => r.commitId);
  const carriedOver = await cleanMergeCarryOver(ctx.github, repo, pr, approvedCommits);
  const approvers = approvalsForCommit(reviews, { headSha: pr.headSha, carriedOver, excluded });
  const codeowners = policy.review.useCodeowners ? await readCodeowners(ctx.github, repo, pr.baseRef) : undefined;
  const ownerRules = codeowners ? codeownerRules(parseCodeowners(codeowners), files) : [];
  // MCP configs, skills and instruction files: judged statically at the head; a change needs agents.review whatever the cohort.
  const agentInputs = await changedAgentFiles(ctx.github, repo, pr.headSha, files);
  const agents = agentInputs.length > 0 ? judgeAgentFiles(agentInputs, policy.agents) : undefined;
  const agentRule = policy.agents.review;
  const alwaysRules =
    agents?.review.required && agentRule ? [{ name: 'agent configuration (agents.review)', paths: agents.review.files, ...agentRule }] : [];
  const teams = [...new Set([...policy.review.rules, ...ownerRules, ...alwaysRules].flatMap((r) => r.teams))];
  const isMember = await teamMemberships(
    ctx.github,
    teams.flatMap((team) => approvers.map((login) => ({ team, login }))),
  );
  const review = {
    policy: policy.review,
    cohort: who.cohort,
    changedFiles: files,
    approvers,
    isMember,
    codeownerRules: ownerRules,
    alwaysRules,
    ...(who.unknownInitiator ? { extraApprovals: policy.review.unknownInitiatorApprovals } : {}),
  };
  let outcome = evaluateArchitectureReview(review);
  // An audited override matters only while approvals are missing; look it up only then.
  if (outcome.kind === 'waiting') {
    const override = await findReviewOverride(ctx.db, { repository: fullName(repo), number: pr.number, headSha: pr.headSha });
    if (override) outcome = evaluateArchitectureReview({ ...review, override });
  }
  const note = who.unknownInitiator
    ? `**${who.unknownInitiator}**: every rule needs ${policy.review.unknownInitiatorApprovals} more approval(s) (policy \`review.unknownInitiatorApprovals\`).`
    : '';
  const agentsNote = agents ? agentsMarkdown(agents) : '';
  const output = architectureReviewSummary(outcome, who.cohort, [note, agentsNote].filter(Boolean).join('\n\n'));
  let result: CheckResult;
  if (agents?.summary.blocking) {
    // Approvals do not make hidden text, an unlisted server or an inlined secret safe: the change must be fixed.
    result = {
      status: 'completed',
      conclusion: 'failure',
      output: {
        ...output,
        title: `Agent configuration is ${agents.summary.verdict}: ${agents.summary.unsafe + agents.summary.error} file(s) to fix`,
      },
    };
  } else if (outcome.kind === 'waiting') {
    result = at.mergeQueue ? { status: 'completed', conclusion: 'failure', output } : { status: 'in_progress', output };
  } else {
    result = { status: 'completed', conclusion: 'success', output };
  }
  const actions =
    outcome.kind === 'waiting' && policy.review.overrideTeams.length > 0 && !at.mergeQueue
      ? [
          {
            label: 'Override',
            description: `Audited override by ${policy.review.overrideTeams.join(', ')}`.slice(0, 40),
            identifier: OVERRIDE_ACTION,
          },
        ]
      : [];
  await checks.publish(CHECK_NAMES.architectureReview, result, actions);
  if (outcome.kind === 'waiting' && !at.mergeQueue) {
    const request = await missingReviewers(ctx, repo, pr.number, reviewersToRequest(outcome.rules, repo.owner, excluded));
    if (request.reviewers.length || request.teamReviewers.length) {
      try {
        await ctx.github.rest.pulls.requestReviewers({
          ...repo,
          pull_number: pr.number,
          reviewers: request.reviewers,
          team_reviewers: request.teamReviewers,
        });
      } catch (err) {
        // GitHub refuses reviewers who are not collaborators (422), and asking again never helps. The check already
        // names who can satisfy each rule; the guardrails check must still be published.
        if (httpStatus(err) !== 422) throw err;
        ctx.log.warn(
          { repo: fullName(repo), pr: pr.number, reviewers: request.reviewers, teams: request.teamReviewers, err: (err as Error).message },
          'GitHub refused the review request; give those reviewers access to the repository, or change the policy',
        );
      }
    }
  }
}

/** Of the reviewers a rule wants, those not requested already: asking again would notify them again. */
async function missingReviewers(
  ctx: HandlerContext,
  repo: RepoRef,
  number: number,
  wanted: { reviewers: string[]; teamReviewers: string[] },
): Promise<{ reviewers: string[]; teamReviewers: string[] }> {
  if (wanted.reviewers.length === 0 && wanted.teamReviewers.length === 0) return wanted;
  const { data } = await ctx.github.rest.pulls.listRequestedReviewers({ ...repo, pull_number: number });
  const users = new Set(data.users.map((u) => u.login.toLowerCase()));
  const teams = new Set(data.teams.map((t) => t.slug.toLowerCase()));
  return {
    reviewers: wanted.reviewers.filter((r) => !users.has(r.toLowerCase())),
    teamReviewers: wanted.teamReviewers.filter((t) => !teams.has(t.toLowerCase())),
  };
}

async function guardrails({ ctx, repo, pr, policy, who, checks }: Evaluation): Promise<void> {
  if (who.cohort !== 'agent' || !who.agent) {
    const output = { title: 'Not an agent change', summary: `Cohort **${who.cohort}**: agent guardrails do not apply.` };
    await checks.publish(CHECK_NAMES.guardrails, { status: 'completed', conclusion: 'success', output });
    return;
  }
  const agent = who.agent;
  const opened = new Date(pr.createdAt);
  let counts: BudgetCounts | Error;
  try {
    counts = await recordAgentPullRequest(
      ctx.db,
      {
        repository: fullName(repo),
        number: pr.number,
        agent,
        ...(who.initiator ? { initiator: who.initiator } : {}),
        openedAt: opened,
        deliveryId: ctx.deliveryId,
      },
      { from: new Date(opened.getTime() - DAY_MS), to: opened },
    );
  } catch (err) {
    counts = err as Error;
  }
  const budget = judgeBudget(policy.guardrails, { agent, ...(who.initiator ? { initiator: who.initiator } : {}) }, counts);
  const comments = await commentsBy(ctx.github, repo, pr.number, agent);
  const links = offListLinks(
    [{ where: 'the pull request body', text: pr.body }, ...comments.map((c) => ({ where: `comment ${c.id}`, text: c.body }))],
    policy.guardrails.allowedHosts,
  );
  const verdict = judgeGuardrails(budget, links);
  await checks.publish(CHECK_NAMES.guardrails, {
    status: 'completed',
    conclusion: verdict.conclusion,
    output: verdict.output,
  });
  if (counts instanceof Error) throw counts;
}
