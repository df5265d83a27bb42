import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import {
  aiTagStatement,
  changedFilesFromApi,
  classificationJson,
  classificationText,
  classifyFacts,
  commitsFromApi,
  computeLineShare,
  type FileAiLines,
  isAgentInstructionFile,
  parseAgentTrace,
  parseGitAiNote,
  pullRequestFromEvent,
  scanHiddenInstructions,
} from '@trustgate/attribution';
import { CoreError, type Finding, loadPolicyFile, severityRank } from '@trustgate/core';
import { parseCommandArgs } from '../args.js';
import { readJsonFile, walkFiles } from '../files.js';
import { type Command, EXIT } from '../io.js';

const USAGE = `Usage: trustgate tag --event F [--commits F] [--files F] [--policy F] [--format json|text]
                     [--statement F] [--line-log F]... [--instructions DIR] [--assigned-by LOGIN] [--mentioned-by LOGIN]

  --event F          the pull_request webhook payload (e.g. $GITHUB_EVENT_PATH)
  --commits F        the PR's commits as GET /repos/{o}/{r}/pulls/{n}/commits returns them
  --files F          the PR's files as GET /repos/{o}/{r}/pulls/{n}/files returns them (line share, instruction files)
  --policy F         .github/trustgate.yml (attribution.requireDisclosure, attribution.rules)
  --statement F      also write an in-toto Statement (ai-tag/v1) about the PR head commit
  --line-log F       a git-ai note (refs/notes/ai) or Agent Trace JSON/JSONL; repeatable
  --instructions DIR scan agent instruction files under DIR (only those in --files when given) for hidden text
  --assigned-by, --mentioned-by   who assigned the Copilot agent / mentioned the agent in a comment

Exit 0: classified (any cohort); 1: hidden text in an agent instruction file; 2: usage, input or I/O error.`;

async function readLineLog(file: string): Promise<{ source: 'git-ai' | 'agent-trace'; files: FileAiLines[] }[]> {
  const text = await readFile(file, 'utf8').catch((cause: Error) => {
    throw new CoreError('IO_ERROR', `cannot read line log ${file}: ${cause.message}`, { cause, file });
  });
  if (/^\s*[[{]/.test(text)) return parseAgentTrace(text, file).map((r) => ({ source: 'agent-trace' as const, files: r.files }));
  return [{ source: 'git-ai', files: parseGitAiNote(text, file).files }];
}

async function instructionFiles(root: string, changed: readonly string[] | undefined): Promise<Array<{ path: string; text: string }>> {
  const paths: string[] = [];
  if (changed) paths.push(...changed.filter(isAgentInstructionFile));
  else for await (const p of walkFiles(root)) if (isAgentInstructionFile(relative(root, p))) paths.push(relative(root, p));
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8').catch(() => '') })));
}

const command: Command = {
  name: 'tag',
  summary: 'classify a pull request',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs('tag', args, {
      event: { type: 'string' },
      commits: { type: 'string' },
      files: { type: 'string' },
      policy: { type: 'string' },
      format: { type: 'string', default: 'json' },
      statement: { type: 'string' },
      'line-log': { type: 'string', multiple: true },
      instructions: { type: 'string' },
      'assigned-by': { type: 'string' },
      'mentioned-by': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (!values.event) throw new CoreError('USAGE_ERROR', 'trustgate tag: --event is required; see trustgate tag --help');
    if (values.format !== 'json' && values.format !== 'text')
      throw new CoreError('USAGE_ERROR', `trustgate tag: --format must be json or text, got "${values.format}"`);
    const at = (f: string) => resolve(io.cwd, f);
    const policy = values.policy ? (await loadPolicyFile(at(values.policy))).attribution : undefined;
    const pr = pullRequestFromEvent(await readJsonFile(at(values.event), 'event payload'), values.event);
    const commits = values.commits ? commitsFromApi(await readJsonFile(at(values.commits), 'commit list'), values.commits) : [];
    const files = values.files ? changedFilesFromApi(await readJsonFile(at(values.files), 'file list'), values.files) : undefined;
    const logs = (await Promise.all((values['line-log'] ?? []).map((f) => readLineLog(at(f))))).flat();
    const changedLines = files ? Object.fromEntries(files.map((f) => [f.path, f.additions])) : undefined;
    const context: { assignedBy?: string; mentionedBy?: string } = {};
    if (values['assigned-by']) context.assignedBy = values['assigned-by'];
    if (values['mentioned-by']) context.mentionedBy = values['mentioned-by'];
    const result = classifyFacts(pr, commits, {
      requireDisclosure: policy?.requireDisclosure ?? false,
      rules: policy?.rules ?? [],
      context,
      ...(logs.length > 0 ? { lineShare: computeLineShare(logs, changedLines) } : {}),
    });
    let findings: Finding[] = [];
    if (values.instructions) {
      const changed = files?.filter((f) => f.status !== 'removed').map((f) => f.path);
      findings = scanHiddenInstructions(await instructionFiles(at(values.instructions), changed));
    }
    if (values.statement) await writeFile(at(values.statement), `${JSON.stringify(aiTagStatement(result), null, 2)}\n`);
    if (values.format === 'json') {
      const out = classificationJson(result);
      if (values.instructions) out.findings = findings;
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    } else io.stdout(classificationText(result, findings));
    return findings.some((f) => severityRank(f.severity) >= severityRank('high')) ? EXIT.blocked : EXIT.ok;
  },
};

export default command;
