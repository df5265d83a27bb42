import { classifyPullRequest, type InitiatorContext, initiatorContextFromIssues, initiatorText } from '@trustgate/attribution';
import type { Policy } from '@trustgate/core';
import { type LinkedIssueReader, readLinkedIssues } from '../github/linked-issues.js';
import type { GitHub, RepoRef } from '../github/types.js';
import { cohortFromLabels } from './labels.js';
import type { Classification, ClassifyPullRequest, PullRequestFacts } from './types.js';

/**
 * The attribution engine over the PR and its commits; the ai-tag action's labels count too, so a PR labelled
 * `ai:agent` is reviewed as one even when its commits carry no marker. `issues` reads the issues an agent PR closes
 * (an IssueListings cache's reader, where the engines are built).
 */
export function classifyWithAttribution(issues: LinkedIssueReader = readLinkedIssues): ClassifyPullRequest {
  return async ({ pr, policy, github, repo }) => {
    const commits = await github.paginate(github.rest.pulls.listCommits, { ...repo, pull_number: pr.number, per_page: 100 });
    return classifyWithIssues(github, repo, pr, commits, policy, issues);
  };
}

/**
 * The decision over commits already read (`GET /pulls/{n}/commits` as GitHub returns them), for the webhooks and the
 * backfill alike. An agent change also reads the issues its body closes: who assigned Copilot or mentioned the agent
 * there is its initiator when its commits name none.
 */
export async function classifyWithIssues(
  github: GitHub,
  repo: RepoRef,
  pr: PullRequestFacts,
  commits: unknown,
  policy: Policy,
  issues: LinkedIssueReader = readLinkedIssues,
): Promise<Classification> {
  const first = classifyWithCommits(pr, commits, policy, repo);
  if (first.cohort !== 'agent') return first;
  const context = initiatorContextFromIssues(first.agent, await issues(github, repo, pr.body, pr.createdAt), pr.createdAt);
  return context.assignedBy || context.mentionedBy ? classifyWithCommits(pr, commits, policy, repo, context) : first;
}

function classifyWithCommits(
  pr: PullRequestFacts,
  commits: unknown,
  policy: Policy,
  repo: RepoRef,
  context: InitiatorContext = {},
): Classification {
  const event = {
    action: 'synchronize',
    pull_request: {
      number: pr.number,
      title: pr.title,
      body: pr.body,
      user: { login: pr.author, type: pr.authorType },
      assignees: pr.assignees.map((login) => ({ login })),
      head: { ref: pr.headRef, sha: pr.headSha },
      labels: pr.labels.map((name) => ({ name })),
    },
    repository: { full_name: `${repo.owner}/${repo.repo}` },
  };
  const engine = classifyPullRequest(event, commits, {
    requireDisclosure: policy.attribution.requireDisclosure,
    rules: policy.attribution.rules,
    context,
  });
  const byLabels = cohortFromLabels(pr, policy);
  const labelled = byLabels.cohort === 'agent' || byLabels.cohort === 'assisted';
  const cohort = (engine.cohort === 'human' || engine.cohort === 'unknown') && labelled ? byLabels.cohort : engine.cohort;
  const agent = cohort === 'agent' ? (engine.agent ?? byLabels.agent ?? pr.author) : undefined;
  // Approval rules use resolved accounts only: an e-mail or a name can never be matched against a reviewer's login.
  const resolved = engine.initiator?.resolved ? engine.initiator.login : undefined;
  const initiator = resolved ?? byLabels.initiator;
  const result: Classification = { cohort };
  if (agent) result.agent = agent;
  if (initiator && initiator.toLowerCase() !== pr.author.toLowerCase()) result.initiator = initiator;
  // An agent change always has an initiator: when no account is known it is unknown, and reviews ask for more.
  if (cohort === 'agent' && !initiator)
    result.unknownInitiator =
      engine.initiator && !engine.initiator.resolved
        ? initiatorText(engine.initiator)
        : initiatorText({ id: 'unknown', resolved: false, rule: 'none' });
  return result;
}
