import type { AgentsPolicy, Finding, McpServerMatch } from '@trustgate/core';
import { type Launch, launchOf } from './launch.js';
import { inlineSecrets } from './secrets.js';
import type { McpServer, McpSetting } from './server.js';

/** A server with what it launches and why it passed or not. */
export interface JudgedServer {
  name: string;
  line: number;
  transport: McpServer['transport'];
  launch: Launch;
  /** `allow[i]` / `deny[i]` of agents.mcp that decided, when one did. */
  decidedBy?: string;
  findings: Finding[];
}

const pypiName = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');
const sameCommand = (a: string, b: string) => a === b || a.replace(/\\/g, '/').split('/').at(-1) === b;
const hostMatches = (pattern: string, host: string) =>
  pattern.startsWith('*.') ? host.endsWith(pattern.slice(1).toLowerCase()) : host === pattern.toLowerCase();
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Does every field the entry names match? `identity` ignores version and digest (to tell "wrong version" apart). */
function matches(e: McpServerMatch, s: McpServer, l: Launch, identity = false): boolean {
  if (e.name !== undefined && e.name.toLowerCase() !== s.name.toLowerCase()) return false;
  if (e.package !== undefined) {
    if (l.package === undefined) return false;
    if (l.kind === 'pypi' ? pypiName(e.package) !== pypiName(l.package) : e.package !== l.package) return false;
  }
  if (e.image !== undefined && e.image.toLowerCase() !== (l.image ?? '').toLowerCase()) return false;
  if (e.command !== undefined && (l.kind !== 'command' || !sameCommand(l.command ?? '', e.command))) return false;
  if (e.host !== undefined && (l.host === undefined || !hostMatches(e.host, l.host))) return false;
  if (identity) return true;
  if (e.version !== undefined && !(e.version === '*' ? l.pinned : (l.version ?? '').replace(/^v/, '') === e.version.replace(/^v/, '')))
    return false;
  if (e.digest !== undefined && e.digest !== l.digest) return false;
  return true;
}

function describe(l: Launch): string {
  switch (l.kind) {
    case 'npm':
    case 'pypi':
      return `${l.kind} package ${l.package}${l.version ? `@${l.version}` : ''} (${l.launcher})`;
    case 'oci':
      return `image ${l.image}${l.digest ? `@${l.digest.slice(0, 19)}…` : ' (no digest)'}`;
    case 'remote':
      return `remote server at ${l.host || '(unparsable URL)'}`;
    default:
      return `command ${l.command}`;
  }
}

/** Judge one declared server against agents.mcp: deny wins, then allow, else the unlisted default; plus hygiene. */
export function judgeServer(s: McpServer, policy: AgentsPolicy['mcp']): JudgedServer {
  const l = launchOf(s);
  const at = { path: s.file, line: s.line };
  const what = describe(l);
  const findings: Finding[] = [];
  const out: JudgedServer = { name: s.name, line: s.line, transport: s.transport, launch: l, findings };
  const denied = policy.deny.findIndex((e) => matches(e, s, l));
  const allowed = policy.allow.findIndex((e) => matches(e, s, l));
  if (denied >= 0) {
    out.decidedBy = `deny[${denied}]`;
    findings.push({
      rule: 'TG-MCP-002',
      severity: 'critical',
      message: `${s.file}: MCP server "${s.name}" (${what}) is denied by agents.mcp.deny[${denied}]`,
      location: at,
    });
  } else if (allowed >= 0) {
    out.decidedBy = `allow[${allowed}]`;
  } else if (policy.allow.some((e) => matches(e, s, l, true))) {
    findings.push({
      rule: 'TG-MCP-009',
      severity: 'high',
      message: `${s.file}: MCP server "${s.name}" (${what}) is allowed only at another version or digest; use the allowed one or extend agents.mcp.allow`,
      location: at,
    });
  } else {
    const block = policy.unlisted === 'block';
    findings.push({
      rule: 'TG-MCP-001',
      severity: block ? 'high' : 'medium',
      message: `${s.file}: MCP server "${s.name}" (${what}) is not on the agents.mcp allowlist; ${block ? 'blocked by default' : 'review it'} (add it to agents.mcp.allow after review)`,
      location: at,
    });
  }
  if (!l.pinned)
    findings.push({
      rule: 'TG-MCP-003',
      severity: 'high',
      message: `${s.file}: MCP server "${s.name}" runs ${what} without an exact version or digest; pin it`,
      location: at,
      evidence: [s.command, ...s.args].filter(Boolean).join(' ').slice(0, 200) || (s.featureRef ?? ''),
    });
  for (const secret of inlineSecrets(s))
    findings.push({
      rule: 'TG-MCP-004',
      severity: 'critical',
      message: `${s.file}: MCP server "${s.name}" has a credential inlined in its ${secret.where}; rotate it and pass it by reference`,
      location: at,
      evidence: secret.masked,
    });
  if (l.kind === 'remote') {
    const proto = /^([a-z]+):/i.exec(s.url ?? '')?.[1]?.toLowerCase();
    if (proto === 'http' && !LOOPBACK.has(l.host ?? ''))
      findings.push({
        rule: 'TG-MCP-006',
        severity: 'high',
        message: `${s.file}: MCP server "${s.name}" is reached over plain http at ${l.host}`,
        location: at,
      });
    if (!s.auth && !LOOPBACK.has(l.host ?? ''))
      findings.push({
        rule: 'TG-MCP-005',
        severity: 'medium',
        message: `${s.file}: remote MCP server "${s.name}" at ${l.host} has no Authorization header, bearer token variable or OAuth settings`,
        location: at,
      });
  }
  if (s.autoApprove)
    findings.push({
      rule: 'TG-MCP-007',
      severity: 'medium',
      message: `${s.file}: MCP server "${s.name}" is trusted to run tools without confirmation`,
      location: at,
    });
  return out;
}

/** Config-wide settings that widen what agents may run. */
export function judgeSettings(settings: readonly McpSetting[]): Finding[] {
  return settings.map((x) => ({
    rule: 'TG-MCP-007',
    severity: 'medium' as const,
    message: `${x.file}: ${x.setting}: ${x.value} lets agents start every project MCP server without asking`,
    location: { path: x.file, line: x.line },
  }));
}
