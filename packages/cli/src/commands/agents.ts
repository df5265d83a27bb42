import { readFile } from 'node:fs/promises';
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
import { defaultPolicy, loadPolicyFile, writeFileAtomic } from '@trustgate/core';
import { readJsonFile, walkFiles } from '../files.js';
import { defineCommand, EXIT } from '../io.js';
import { agentsSpec } from '../specs/agents.js';

/** Every agent file under root (repository-relative, `/`-separated), with the change's removed files. */
async function agentFiles(root: string, changed: Map<string, string> | undefined): Promise<AgentFileInput[]> {
  const paths: string[] = [];
  for await (const p of walkFiles(root)) paths.push(relative(root, p).split(sep).join('/'));
  const manifests = paths.filter((p) => /(^|\/)SKILL\.md$/i.test(p));
  const out: AgentFileInput[] = [];
  for (const path of paths) {
    if (!agentFileType(path, manifests)) continue;
    const f: AgentFileInput = { path, bytes: new Uint8Array(await readFile(join(root, path))) };
    if (changed?.has(path)) f.changed = true;
    out.push(f);
  }
  for (const [path, status] of changed ?? []) if (status === 'removed') out.push({ path, changed: true, removed: true });
  return out;
}

function render(report: AgentsReport, format: (typeof agentsSpec.options.format.choices)[number], quiet: boolean): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(agentsSarif(report), null, 2)}\n`;
    case 'markdown':
      return agentsMarkdown(report);
    default:
      return agentsText(report, { quiet });
  }
}

export default defineCommand(agentsSpec, async ({ values, positionals }, io) => {
  const at = (f: string) => resolve(io.cwd, f);
  const policy = values.policy ? (await loadPolicyFile(at(values.policy))).agents : defaultPolicy().agents;
  const changed = values.files
    ? new Map(changedFilesFromApi(await readJsonFile(at(values.files), 'file list'), values.files).map((f) => [f.path, f.status]))
    : undefined;
  const report = judgeAgentFiles(await agentFiles(at(positionals[0] ?? '.'), changed), policy);
  const text = render(report, values.format, values.quiet);
  if (values.out) await writeFileAtomic(at(values.out), text);
  else io.stdout(text);
  return report.summary.blocking ? EXIT.blocked : EXIT.ok;
});
