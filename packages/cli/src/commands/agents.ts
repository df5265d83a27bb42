import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import {
  type AgentFileInput,
  type AgentsReport,
  agentFileType,
  agentsMarkdown,
  agentsSarif,
  agentsText,
  changedFilesFromApi,
  judgeAgentFiles,
} from '@trustgate/attribution';
import { agentsPolicySchema, CoreError, loadPolicyFile } from '@trustgate/core';
import { parseCommandArgs } from '../args.js';
import { readJsonFile, walkFiles } from '../files.js';
import { type Command, EXIT } from '../io.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: trustgate agents PATH [--policy F] [--format text|json|sarif|markdown] [--files F] [--out F]

  Inventory the MCP server configs, skills and agent instruction files under PATH and judge them statically
  (no server is ever run): servers against the agents.mcp allowlist, unpinned npx/uvx/image launches, inlined
  secrets, remote servers without auth, hidden text, drift from the agents.pinned approved set.

  --policy F   .github/trustgate.yml (agents section); without it every MCP server is unlisted, so blocked
  --files F    the PR's files as GET /repos/{o}/{r}/pulls/{n}/files returns them: those agent files count as
               changed and need the architecture review of agents.review
  --format F   text (default), json, sarif or markdown
  --out F      write the report to F instead of stdout

Exit 0: nothing blocks; 1: an unsafe or unreadable agent file; 2: usage, policy or I/O error.`;

/** Every agent file under root (repository-relative, `/`-separated), with the change's removed files. */
async function agentFiles(root: string, changed: Map<string, string> | undefined): Promise<AgentFileInput[]> {
  const paths: string[] = [];
  for await (const p of walkFiles(root)) paths.push(relative(root, p).split(sep).join('/'));
  const manifests = paths.filter((p) => /(^|\/)SKILL\.md$/i.test(p));
  const out: AgentFileInput[] = [];
  for (const path of paths) {
    if (!agentFileType(path, manifests)) continue;
    const bytes = new Uint8Array(await readFile(join(root, path)));
    const f: AgentFileInput = { path, bytes };
    if (changed?.has(path)) f.changed = true;
    out.push(f);
  }
  for (const [path, status] of changed ?? []) if (status === 'removed') out.push({ path, changed: true, removed: true });
  return out;
}

function render(report: AgentsReport, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(agentsSarif(report), null, 2)}\n`;
    case 'markdown':
      return agentsMarkdown(report);
    default:
      return agentsText(report);
  }
}

const command: Command = {
  name: 'agents',
  summary: 'inventory and judge MCP servers, skills and agent instruction files',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('agents', args, {
      policy: { type: 'string' },
      files: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new CoreError('USAGE_ERROR', 'give one PATH (a repository checkout); see trustgate agents --help');
    const format = values.format as Format;
    if (!FORMATS.includes(format))
      throw new CoreError('USAGE_ERROR', `--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
    const at = (f: string) => resolve(io.cwd, f);
    const root = at(positionals[0] ?? '.');
    const info = await stat(root).catch((cause: Error) => {
      throw new CoreError('IO_ERROR', `cannot read ${root}: ${cause.message}; give a repository checkout`, { cause, file: root });
    });
    if (!info.isDirectory()) throw new CoreError('USAGE_ERROR', `${root} is not a directory; give a repository checkout`);
    const policy = values.policy ? (await loadPolicyFile(at(values.policy))).agents : agentsPolicySchema.parse({});
    let changed: Map<string, string> | undefined;
    if (values.files) {
      const list = await readJsonFile(at(values.files), 'file list');
      changed = new Map(changedFilesFromApi(list, values.files).map((f) => [f.path, f.status]));
    }
    const report = judgeAgentFiles(await agentFiles(root, changed), policy);
    const text = render(report, format);
    if (values.out) await writeFile(at(values.out), text);
    else io.stdout(text);
    return report.summary.blocking ? EXIT.blocked : EXIT.ok;
  },
};

export default command;
