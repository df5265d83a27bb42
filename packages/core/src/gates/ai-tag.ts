import { errorCodeOutput, policyInput, tokenInput } from './shared.js';
import type { GateDescription } from './types.js';

export const aiTagGate: GateDescription = {
  gate: 'ai-tag',
  title: 'trustgate AI tag',
  summary: 'Classify a pull request as agent-written, AI-assisted, human, unknown or bot; label it and name the initiating human.',
  icon: 'tag',
  command: 'tag',
  inputs: [
    tokenInput,
    policyInput,
    {
      name: 'label',
      description: "Add and remove the cohort labels (needs pull-requests: write; refused on a fork's read-only token, with a warning).",
      kind: 'boolean',
      default: 'true',
      flag: false,
    },
    {
      name: 'agent-label',
      description: "Label for agent-written PRs. Default: the policy's attribution.labels.agent, else ai:agent.",
      overrides: 'attribution.labels.agent',
      flag: false,
    },
    {
      name: 'assisted-label',
      description: "Label for AI-assisted PRs. Default: the policy's attribution.labels.assisted, else ai:assisted.",
      overrides: 'attribution.labels.assisted',
      flag: false,
    },
    {
      name: 'git-ai-notes',
      description: "Read git-ai authorship notes (refs/notes/ai) of the PR's commits from the checkout, when fetched.",
      kind: 'boolean',
      default: 'true',
      flag: false,
    },
    {
      name: 'fail-on-hidden-instructions',
      description: 'Fail the step when a changed agent instruction file hides text (invisible, bidi or tag characters).',
      kind: 'boolean',
      default: 'true',
      flag: false,
    },
    {
      name: 'fail-on-agents',
      description:
        "Fail the step when a changed MCP config, skill or instruction file is unsafe or unreadable under the policy's agents section (unlisted or denied MCP servers, unpinned launches, inlined secrets, hidden text, drift from agents.pinned).",
      kind: 'boolean',
      default: 'true',
      flag: false,
    },
  ],
  outputs: [
    { name: 'cohort', description: 'agent, assisted, human, unknown or bot.' },
    { name: 'agent', description: 'The agent or tool found, if any.' },
    { name: 'initiator', description: "The human who started the agent's change." },
    { name: 'ai-line-share', description: 'Share of changed lines attributed to AI (git-ai notes / Agent Trace), when known.' },
    {
      name: 'classification',
      description: 'The full classification as JSON (version 1); store it, squash merges drop per-commit trailers.',
    },
    {
      name: 'agents-verdict',
      description: 'Verdict over the changed MCP configs, skills and instruction files (safe, review, unsafe, error).',
    },
    {
      name: 'agents-review-required',
      description: "true when the change touches an agent file, so the policy's agents.review must approve it.",
    },
    { name: 'agents-report', description: 'The agents report as JSON (files, servers, findings, review).' },
    errorCodeOutput,
  ],
};
