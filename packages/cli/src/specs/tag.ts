import type { CommandSpec } from '../spec.js';

export const tagSpec = {
  name: 'tag',
  summary: 'classify a pull request as agent, assisted, human, unknown or bot',
  options: {
    event: {
      type: 'string',
      value: 'F',
      kind: 'file',
      required: true,
      description: 'the pull_request webhook payload (e.g. $GITHUB_EVENT_PATH)',
    },
    commits: {
      type: 'string',
      value: 'F',
      kind: 'file',
      description: "the PR's commits as GET /repos/{o}/{r}/pulls/{n}/commits returns them",
    },
    files: {
      type: 'string',
      value: 'F',
      kind: 'file',
      description: "the PR's files as GET /repos/{o}/{r}/pulls/{n}/files returns them (line share, instruction files)",
    },
    policy: {
      type: 'string',
      value: 'F',
      kind: 'file',
      description: '.github/trustgate.yml (attribution.requireDisclosure, attribution.rules)',
    },
    format: { type: 'string', value: 'F', choices: ['json', 'text'], default: 'json', description: 'classification output' },
    statement: {
      type: 'string',
      value: 'F',
      kind: 'output',
      description: 'also write an in-toto Statement (ai-tag/v1) about the PR head commit',
    },
    'line-log': {
      type: 'string',
      value: 'F',
      kind: 'file',
      multiple: true,
      description: 'a git-ai note (refs/notes/ai) or Agent Trace JSON/JSONL',
    },
    instructions: {
      type: 'string',
      value: 'DIR',
      kind: 'directory',
      description: 'scan agent instruction files under DIR (only those in --files when given) for hidden text',
    },
    'assigned-by': { type: 'string', value: 'LOGIN', description: 'who assigned the Copilot agent' },
    'mentioned-by': { type: 'string', value: 'LOGIN', description: 'who mentioned the agent in a comment' },
  },
  exitCodes: 'Exit codes: 0 classified (any cohort), 1 hidden text in an agent instruction file, 2 usage, input or I/O error.',
} as const satisfies CommandSpec;
