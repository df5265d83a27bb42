import type { Policy } from '@trustgate/core';
import type { Classification, ClassifyPullRequest, PullRequestFacts } from './types.js';

/**
 * Cohort from the labels the ai-tag action applies (names from `attribution.labels`). An agent PR's initiator is
 * its first assignee other than the agent, which is how coding agents hand work back to the human who started them.
 */
export const classifyByLabels: ClassifyPullRequest = async ({ pr, policy }) => cohortFromLabels(pr, policy);

/** `classifyByLabels` without the engine signature, for callers that already hold the facts. */
export function cohortFromLabels(pr: PullRequestFacts, policy: Policy): Classification {
  const labels = new Set(pr.labels.map((l) => l.toLowerCase()));
  if (labels.has(policy.attribution.labels.agent.toLowerCase())) {
    const initiator = pr.assignees.find((a) => a.toLowerCase() !== pr.author.toLowerCase());
    return { cohort: 'agent', agent: pr.author, ...(initiator ? { initiator } : {}) };
  }
  if (labels.has(policy.attribution.labels.assisted.toLowerCase())) return { cohort: 'assisted' };
  if (pr.authorType === 'Bot') return { cohort: 'bot' };
  return { cohort: policy.attribution.requireDisclosure ? 'human' : 'unknown' };
}
