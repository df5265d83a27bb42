// The deliveries every fault scenario sends, and the GitHub state one clean run of them leaves. The final state does
// not depend on order (handlers read reviews, comments and memberships from GitHub, and the budget is set above the
// number of PRs), so any interleaving of retries, restarts and replicas must end in the same state.
// @ts-expect-error plain ESM test double without type declarations
import { addPull, createState, githubEffects, startMockGitHub } from '../mock-github/server.mjs';
// @ts-expect-error plain ESM test double without type declarations
import { checkRunRequestedAction, pullRequestEvent, pullRequestReviewEvent } from '../mock-github/webhooks.mjs';
import { type MockGitHub, SECRET, sha } from '../e2e/harness.js';

export const FAULT_POLICY = `version: 1
review:
  rules:
    - name: service architecture
      paths: ["src/**"]
      teams: ["octo-org/architects"]
      count: 1
  overrideTeams: ["octo-org/security"]
guardrails:
  agentPrsPerDay: 100
  allowedHosts: ["github.com"]
`;

export interface Delivery {
  event: string;
  payload: object;
  guid: string;
}

/** A mock GitHub holding `prs` pull requests (agent, assisted and human; some approved) and the policy. */
export async function workloadGitHub(prs: number, appUrl: () => string): Promise<{ github: MockGitHub; deliveries: Delivery[] }> {
  const github: MockGitHub = await startMockGitHub({ state: createState(), webhookSecret: SECRET, appUrl });
  github.state.files.set('octo-org/service@main:.github/trustgate.yml', FAULT_POLICY);
  github.state.teams.set('octo-org/architects', new Set(['bob']));
  const deliveries: Delivery[] = [];
  for (let n = 1; n <= prs; n++) {
    const kind = n % 4;
    const pr = addPull(github.state, {
      number: n,
      headSha: sha(n),
      // Kind 0 is known as an agent's by its login alone (the attribution engine's marker), not by a label.
      author: kind === 3 ? 'dev-human' : kind === 0 ? 'copilot-swe-agent[bot]' : 'copilot-swe-agent',
      authorType: kind === 3 ? 'User' : 'Bot',
      // An agent PR without the cohort label gets it from the App (only once, however often it is processed).
      labels: kind === 0 ? [] : kind === 3 ? [] : ['ai:agent'],
      assignees: ['alice'],
      files: ['src/api/routes.ts'],
      reviews: kind === 1 ? [{ user: 'bob', state: 'APPROVED', commitId: sha(n) }] : [],
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
    });
    deliveries.push({ event: 'pull_request', payload: pullRequestEvent(github.state, pr, 'opened'), guid: `open-${n}` });
    if (kind === 1) {
      const review = pullRequestReviewEvent(github.state, pr, { user: 'bob', state: 'APPROVED', commitId: sha(n) });
      deliveries.push({ event: 'pull_request_review', payload: review, guid: `review-${n}` });
    }
    if (kind === 2) {
      // An override asked for by someone outside the override team: refused, with one comment however often asked.
      deliveries.push({ event: 'check_run', payload: checkRunRequestedAction(github.state, pr, 'mallory'), guid: `override-${n}` });
      deliveries.push({ event: 'check_run', payload: checkRunRequestedAction(github.state, pr, 'mallory'), guid: `override-again-${n}` });
    }
  }
  return { github, deliveries };
}

/** GitHub's state as the App left it (check runs, labels, reviewers, comments). */
export function effects(github: MockGitHub): unknown {
  return githubEffects(github.state);
}
