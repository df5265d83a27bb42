import type { CommandSpec } from '../spec.js';
import { quietOption } from './shared.js';

export const agentsSpec = {
  name: 'agents',
  summary: 'inventory and judge MCP servers, skills and agent instruction files',
  description:
    'Inventories the MCP server configs, skills and agent instruction files under PATH and judges them statically (no server is ever run): servers against the agents.mcp allowlist, unpinned npx/uvx/image launches, inlined secrets, remote servers without auth, hidden text, drift from the agents.pinned approved set.',
  positionals: [{ name: 'PATH', description: 'a repository checkout', required: true, kind: 'directory' }],
  options: {
    policy: {
      type: 'string',
      value: 'F',
      kind: 'file',
      description: '.github/trustgate.yml (agents section); without it every MCP server is unlisted, so blocked',
    },
    files: {
      type: 'string',
      value: 'F',
      kind: 'file',
      description:
        "the PR's files as GET /repos/{o}/{r}/pulls/{n}/files returns them: those agent files are changed and need agents.review",
    },
    format: { type: 'string', value: 'F', choices: ['text', 'json', 'sarif', 'markdown'], default: 'text', description: 'report format' },
    out: { type: 'string', value: 'F', kind: 'output', description: 'write the report to F (atomically) instead of stdout' },
    quiet: quietOption('text format: print only agent files that are not safe or have findings, and the summary line'),
  },
  exitCodes: 'Exit codes: 0 nothing blocks, 1 an unsafe or unreadable agent file, 2 usage, policy or I/O error.',
} as const satisfies CommandSpec;
