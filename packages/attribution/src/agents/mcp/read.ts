import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { AttributionError } from '../../errors.js';
import type { McpConfig, McpServer, McpSetting } from './server.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stringMap = (v: unknown): Record<string, string> =>
  isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)])) : {};

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Where a key is declared: the JSON node when there is a tree, else the first line naming it. */
interface Locator {
  line(path: Array<string | number>): number;
}

function jsonLocator(text: string, root: Node | undefined): Locator {
  return {
    line: (path) => {
      const node = root ? findNodeAtLocation(root, path) : undefined;
      return node?.parent ? lineAt(text, node.parent.offset) : 1;
    },
  };
}

function textLocator(text: string): Locator {
  return {
    line: (path) => {
      const name = String(path.at(-1) ?? '');
      const i = name ? text.indexOf(name) : -1;
      return i < 0 ? 1 : lineAt(text, i);
    },
  };
}

// Attacker-controlled text: a parse failure is the package's own error naming the file and line, never a crash.
function readJson(file: string, text: string): { value: unknown; at: Locator } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || root === undefined)
    throw new AttributionError(
      'AGENT_CONFIG_INVALID',
      `${file}:${first ? lineAt(text, first.offset) : 1}: not valid JSON (${first ? printParseErrorCode(first.error) : 'empty'}); fix the file so its MCP servers can be judged`,
      { file },
    );
  return { value: nodeValue(root), at: jsonLocator(text, root) };
}

function nodeValue(n: Node): unknown {
  switch (n.type) {
    case 'object':
      return Object.fromEntries(
        (n.children ?? []).map((p) => [String(p.children?.[0]?.value), p.children?.[1] ? nodeValue(p.children[1]) : null]),
      );
    case 'array':
      return (n.children ?? []).map(nodeValue);
    default:
      return n.value;
  }
}

const AUTH_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|x-auth-token|cookie)$/i;

/** One server entry in the common `{command,args,env}` / `{type,url,headers}` shape most tools share. */
function server(name: string, v: Json, file: string, line: number): McpServer {
  const url = [v.url, v.serverUrl, v.httpUrl].find((x): x is string => typeof x === 'string');
  const type = typeof v.type === 'string' ? v.type.toLowerCase() : '';
  const headers = { ...stringMap(v.headers), ...stringMap(v.http_headers), ...stringMap(v.env_http_headers) };
  const command = Array.isArray(v.command) ? strings(v.command) : typeof v.command === 'string' ? [v.command] : [];
  const s: McpServer = {
    name,
    file,
    line,
    transport: url ? (type === 'sse' ? 'sse' : 'http') : 'stdio',
    args: [...command.slice(1), ...strings(v.args)],
    env: { ...stringMap(v.env), ...stringMap(v.environment) },
    headers,
    auth:
      Object.keys(headers).some((h) => AUTH_HEADER.test(h)) ||
      typeof v.bearer_token_env_var === 'string' ||
      isObject(v.oauth) ||
      isObject(v.auth) ||
      v.authProviderType !== undefined,
    autoApprove:
      v.trust === true ||
      v.alwaysAllow === true ||
      (Array.isArray(v.alwaysAllow) && v.alwaysAllow.length > 0) ||
      (Array.isArray(v.autoApprove) && v.autoApprove.length > 0) ||
      v.autoApprove === true,
  };
  if (command[0] !== undefined) s.command = command[0];
  if (url) s.url = url;
  return s;
}

function serversOf(map: unknown, base: Array<string | number>, file: string, at: Locator): McpServer[] {
  if (map === undefined) return [];
  if (!isObject(map))
    throw new AttributionError('AGENT_CONFIG_INVALID', `${file}:${at.line(base)}: ${base.join('.')} is not an object of servers`, { file });
  return Object.entries(map).flatMap(([name, v]) => {
    if (!isObject(v))
      throw new AttributionError('AGENT_CONFIG_INVALID', `${file}:${at.line([...base, name])}: server ${name} is not an object`, { file });
    // Zed's older form nests the launch under `command: {path, args, env}`.
    const launch = isObject(v.command) ? { ...v, command: v.command.path, args: v.command.args, env: v.command.env } : v;
    return [server(name, launch, file, at.line([...base, name]))];
  });
}

function setting(file: string, at: Locator, key: string, value: unknown): McpSetting[] {
  return [{ file, line: at.line([key]), setting: key, value: JSON.stringify(value) }];
}

/** The devcontainer features that install MCP servers (their id says mcp), judged by reference and digest. */
function features(v: unknown, file: string, at: Locator): McpServer[] {
  if (!isObject(v)) return [];
  return Object.keys(v)
    .filter((ref) => /mcp/i.test(ref))
    .map((ref) => ({
      name: ref,
      file,
      line: at.line(['features', ref]),
      transport: 'devcontainer-feature' as const,
      args: [],
      env: {},
      headers: {},
      auth: false,
      autoApprove: false,
      featureRef: ref,
    }));
}

/** Read the MCP servers a config file declares, by its format (see agents/paths.ts). Never runs anything. */
export function readMcpConfig(format: string, file: string, text: string): McpConfig {
  if (format === 'codex-config') {
    let value: Json;
    try {
      value = parseToml(text) as Json;
    } catch (cause) {
      const line = (cause as { line?: number }).line ?? 1;
      throw new AttributionError('AGENT_CONFIG_INVALID', `${file}:${line}: not valid TOML (${(cause as Error).message.split('\n')[0]})`, {
        file,
        cause,
      });
    }
    return { servers: serversOf(value.mcp_servers, ['mcp_servers'], file, textLocator(text)), settings: [] };
  }
  if (format === 'continue-mcp' && !file.toLowerCase().endsWith('.json')) {
    let value: unknown;
    try {
      value = parseYaml(text);
    } catch (cause) {
      const line = (cause as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
      throw new AttributionError('AGENT_CONFIG_INVALID', `${file}:${line}: not valid YAML (${(cause as Error).message.split('\n')[0]})`, {
        file,
        cause,
      });
    }
    const list = isObject(value) ? value.mcpServers : undefined;
    const at = textLocator(text);
    return {
      servers: (Array.isArray(list) ? list : [])
        .filter(isObject)
        .map((s, i) => server(typeof s.name === 'string' ? s.name : `#${i + 1}`, s, file, at.line([String(s.name ?? '')]))),
      settings: [],
    };
  }
  const { value, at } = readJson(file, text);
  if (!isObject(value)) throw new AttributionError('AGENT_CONFIG_INVALID', `${file}:1: the top level is not an object`, { file });
  switch (format) {
    case 'vscode-mcp':
      return { servers: serversOf(value.servers, ['servers'], file, at), settings: [] };
    case 'devcontainer': {
      const vscode = isObject(value.customizations) && isObject(value.customizations.vscode) ? value.customizations.vscode : {};
      const mcp = isObject(vscode.mcp) ? vscode.mcp.servers : undefined;
      return {
        servers: [...serversOf(mcp, ['customizations', 'vscode', 'mcp', 'servers'], file, at), ...features(value.features, file, at)],
        settings: [],
      };
    }
    case 'zed-settings':
      return { servers: serversOf(value.context_servers, ['context_servers'], file, at), settings: [] };
    case 'opencode-config':
      return { servers: serversOf(value.mcp, ['mcp'], file, at), settings: [] };
    case 'claude-settings': {
      const settings: McpSetting[] = [];
      if (value.enableAllProjectMcpServers === true) settings.push(...setting(file, at, 'enableAllProjectMcpServers', true));
      return { servers: serversOf(value.mcpServers, ['mcpServers'], file, at), settings };
    }
    default:
      return { servers: serversOf(value.mcpServers, ['mcpServers'], file, at), settings: [] };
  }
}
