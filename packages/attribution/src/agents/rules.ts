import type { RuleDescriptor } from '@trustgate/core';

/** Rules of the static agent-governance check (SARIF ruleIds); hidden-text rules TG-AIH-* apply to the same files. */
export const AGENT_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-MCP-001',
    name: 'UnlistedMcpServer',
    summary: 'An MCP server that is on neither the allow nor the deny list of agents.mcp (blocked by default).',
    severity: 'high',
    help: 'Add the server to agents.mcp.allow in .github/trustgate.yml (package and version, image digest, command or URL host) after review, or remove it.',
  },
  {
    id: 'TG-MCP-002',
    name: 'DeniedMcpServer',
    summary: 'An MCP server the policy denies; deny wins over allow.',
    severity: 'critical',
    help: 'Remove the server from the config; agents.mcp.deny forbids it.',
  },
  {
    id: 'TG-MCP-003',
    name: 'UnpinnedMcpLaunch',
    summary: 'A server launched from a package or image that is not pinned (npx -y / uvx without an exact version, an image by tag).',
    severity: 'high',
    help: 'Pin the exact version (npx -y pkg@1.2.3, uvx pkg==1.2.3) or the image digest (image@sha256:...); whatever the registry serves next would run otherwise.',
  },
  {
    id: 'TG-MCP-004',
    name: 'InlineSecretInMcpConfig',
    summary: 'A credential written into the MCP config (env, header, argument or URL).',
    severity: 'critical',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the reference syntax users write
    help: 'Rotate the credential, then pass it by reference (${input:...}, ${env:...}, an env file outside the repository).',
  },
  {
    id: 'TG-MCP-005',
    name: 'RemoteMcpServerWithoutAuth',
    summary: 'A remote (http/sse) MCP server configured without credentials or OAuth.',
    severity: 'medium',
    help: 'Confirm the server needs no authentication, or configure an Authorization header by reference or OAuth.',
  },
  {
    id: 'TG-MCP-006',
    name: 'InsecureMcpTransport',
    summary: 'A remote MCP server over plain http to a host other than loopback.',
    severity: 'high',
    help: 'Use https; tool calls and their results would cross the network in clear text.',
  },
  {
    id: 'TG-MCP-007',
    name: 'McpAutoApproval',
    summary:
      'The config lets agents use MCP servers or tools without asking (trust, alwaysAllow, autoApprove, enableAllProjectMcpServers).',
    severity: 'medium',
    help: 'Remove the auto-approval so each tool call or project server is confirmed by a person.',
  },
  {
    id: 'TG-MCP-008',
    name: 'McpConfigUnreadable',
    summary: 'An MCP config that could not be parsed: its servers cannot be judged (fail closed).',
    severity: 'high',
    help: 'Fix the syntax error at the reported line.',
  },
  {
    id: 'TG-MCP-009',
    name: 'McpServerVersionNotAllowed',
    summary: 'An allowed MCP server at a version or digest the allowlist does not name.',
    severity: 'high',
    help: 'Use the allowed version or digest, or add this one to agents.mcp.allow after review.',
  },
  {
    id: 'TG-AGT-001',
    name: 'AgentConfigurationChanged',
    summary: 'The change adds, modifies or removes an MCP config, skill or instruction file: architecture review required.',
    severity: 'info',
    help: 'Reviewers named by agents.review must approve; agents follow these files without asking.',
  },
  {
    id: 'TG-AGT-003',
    name: 'SkillScriptSendsCredentials',
    summary: 'A script shipped with a skill reads credentials (tokens, env secrets, ~/.aws, ~/.ssh) and reaches the network.',
    severity: 'high',
    help: "Read the script: an agent runs skill scripts on the user's machine with the user's credentials.",
  },
  {
    id: 'TG-AGT-004',
    name: 'AgentFileUnreadable',
    summary: 'An agent file whose content could not be read, so it could not be judged (fail closed).',
    severity: 'high',
    help: 'Make the file readable (GitHub serves files up to 1 MB through the contents API), or remove it.',
  },
  {
    id: 'TG-AGT-002',
    name: 'AgentFileDrift',
    summary: 'An agent file that differs from the approved set pinned by hash in agents.pinned.',
    severity: 'high',
    help: 'Review the change, then pin the new sha256 in agents.pinned (trustgate agents --format json prints it).',
  },
];
