/** What an agent reads from a repository: MCP server configs, skills (SKILL.md folders), instruction files. */
export type AgentFileKind = 'mcp-config' | 'skill' | 'instructions';

export interface AgentFileType {
  kind: AgentFileKind;
  /** The format, named after the tool that reads it (e.g. `vscode-mcp`, `cursor-rules`, `skill-script`). */
  format: string;
}

interface PathRule extends AgentFileType {
  re: RegExp;
}

// Order matters: the first match names the format. Paths are repository-relative with `/` separators.
const MCP: readonly PathRule[] = [
  { re: /(^|\/)\.mcp\.json$/i, kind: 'mcp-config', format: 'claude-mcp' },
  { re: /(^|\/)\.vscode\/mcp\.json$/i, kind: 'mcp-config', format: 'vscode-mcp' },
  { re: /(^|\/)\.cursor\/mcp\.json$/i, kind: 'mcp-config', format: 'cursor-mcp' },
  { re: /(^|\/)\.claude\/settings(\.local)?\.json$/i, kind: 'mcp-config', format: 'claude-settings' },
  { re: /(^|\/)\.gemini\/settings\.json$/i, kind: 'mcp-config', format: 'gemini-settings' },
  { re: /(^|\/)\.(windsurf|codeium\/windsurf)\/mcp_config\.json$/i, kind: 'mcp-config', format: 'windsurf-mcp' },
  { re: /(^|\/)\.codex\/config\.toml$/i, kind: 'mcp-config', format: 'codex-config' },
  { re: /(^|\/)\.devcontainer(\/[^/]+)?\/devcontainer\.json$|(^|\/)\.devcontainer\.json$/i, kind: 'mcp-config', format: 'devcontainer' },
  { re: /(^|\/)\.amazonq\/(mcp|default)\.json$/i, kind: 'mcp-config', format: 'amazonq-mcp' },
  { re: /(^|\/)\.(roo|kilocode)\/mcp\.json$/i, kind: 'mcp-config', format: 'roo-mcp' },
  { re: /(^|\/)\.continue\/mcpServers\/[^/]+\.(ya?ml|json)$/i, kind: 'mcp-config', format: 'continue-mcp' },
  { re: /(^|\/)\.zed\/settings\.json$/i, kind: 'mcp-config', format: 'zed-settings' },
  { re: /(^|\/)opencode\.jsonc?$/i, kind: 'mcp-config', format: 'opencode-config' },
];

const INSTRUCTIONS: readonly PathRule[] = [
  { re: /(^|\/)AGENTS(\.override)?\.md$/i, kind: 'instructions', format: 'agents-md' },
  { re: /(^|\/)CLAUDE(\.local)?\.md$/i, kind: 'instructions', format: 'claude-md' },
  { re: /(^|\/)GEMINI\.md$/i, kind: 'instructions', format: 'gemini-md' },
  { re: /(^|\/)\.github\/copilot-instructions\.md$/i, kind: 'instructions', format: 'copilot-instructions' },
  { re: /(^|\/)\.github\/instructions\/.+\.instructions\.md$/i, kind: 'instructions', format: 'copilot-path-instructions' },
  { re: /(^|\/)\.github\/prompts\/.+\.prompt\.md$/i, kind: 'instructions', format: 'copilot-prompt' },
  { re: /(^|\/)\.github\/(agents\/.+\.md|chatmodes\/.+\.chatmode\.md)$/i, kind: 'instructions', format: 'copilot-agent' },
  { re: /(^|\/)\.cursorrules$/i, kind: 'instructions', format: 'cursorrules' },
  { re: /(^|\/)\.cursor\/rules\/.+\.mdc?$/i, kind: 'instructions', format: 'cursor-rules' },
  { re: /(^|\/)\.windsurfrules$|(^|\/)\.windsurf\/rules\/.+\.md$/i, kind: 'instructions', format: 'windsurf-rules' },
  { re: /(^|\/)\.clinerules(\/.+)?$/i, kind: 'instructions', format: 'cline-rules' },
  { re: /(^|\/)\.roorules(-[^/]+)?$|(^|\/)\.roo\/rules(-[^/]+)?\/.+$/i, kind: 'instructions', format: 'roo-rules' },
  { re: /(^|\/)\.aider\.conf\.ya?ml$|(^|\/)CONVENTIONS\.md$/i, kind: 'instructions', format: 'aider-conf' },
  { re: /(^|\/)\.continuerules$|(^|\/)\.continue\/(rules|prompts)\/.+$/i, kind: 'instructions', format: 'continue-rules' },
  { re: /(^|\/)\.claude\/(commands|agents)\/.+\.md$/i, kind: 'instructions', format: 'claude-commands' },
  { re: /(^|\/)\.gemini\/commands\/.+\.toml$/i, kind: 'instructions', format: 'gemini-commands' },
  { re: /(^|\/)\.kiro\/steering\/.+\.md$/i, kind: 'instructions', format: 'kiro-steering' },
  { re: /(^|\/)\.amazonq\/rules\/.+\.md$/i, kind: 'instructions', format: 'amazonq-rules' },
  { re: /(^|\/)\.junie\/guidelines\.md$/i, kind: 'instructions', format: 'junie-guidelines' },
  { re: /(^|\/)\.codex\/prompts\/.+\.md$/i, kind: 'instructions', format: 'codex-prompts' },
  { re: /(^|\/)\.gemini\/(styleguide\.md|config\.ya?ml)$/i, kind: 'instructions', format: 'gemini-code-assist' },
  { re: /(^|\/)[^/]+\.prompt\.md$/i, kind: 'instructions', format: 'prompt-file' },
  // Anything else in an agent's own folder is read by it too (settings, hooks, memory).
  { re: /(^|\/)\.(claude|codex|gemini|cursor|windsurf)\/.+\.(md|mdc|json|toml|ya?ml)$/i, kind: 'instructions', format: 'agent-folder' },
];

// Where tools look for skill folders; a SKILL.md anywhere else still makes its folder a skill.
const SKILL_ROOT = /(^|\/)\.(claude|github|codex|gemini|cursor|agents|opencode)\/skills\/[^/]+\//i;

/** The skill folder a path belongs to (`.claude/skills/pdf/`), given the SKILL.md paths known to exist. */
export function skillFolderOf(path: string, skillManifests: readonly string[] = []): string | undefined {
  for (const m of skillManifests) {
    const dir = m.slice(0, m.length - 'SKILL.md'.length);
    if (dir !== '' && path.startsWith(dir)) return dir;
  }
  const m = SKILL_ROOT.exec(path);
  return m ? path.slice(0, (m.index ?? 0) + m[0].length) : undefined;
}

/**
 * What kind of agent file `path` is, or undefined for an ordinary file. `skillManifests` are the SKILL.md paths of
 * the tree, so a script inside a skill folder is inventoried with its skill.
 */
export function agentFileType(path: string, skillManifests: readonly string[] = []): AgentFileType | undefined {
  if (/(^|\/)SKILL\.md$/i.test(path)) return { kind: 'skill', format: 'skill-md' };
  for (const r of MCP) if (r.re.test(path)) return { kind: r.kind, format: r.format };
  if (skillFolderOf(path, skillManifests) !== undefined) return { kind: 'skill', format: 'skill-file' };
  for (const r of INSTRUCTIONS) if (r.re.test(path)) return { kind: r.kind, format: r.format };
  return undefined;
}

/** Every instruction format the inventory knows (for docs and tests). */
export const INSTRUCTION_FORMATS: readonly string[] = [...new Set(INSTRUCTIONS.map((r) => r.format))];
export const MCP_FORMATS: readonly string[] = [...new Set(MCP.map((r) => r.format))];
