import { readFile } from 'node:fs/promises';
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
  type ProvenanceFact,
  provenanceFromAgentTrace,
  provenanceFromGitAi,
  pullRequestFromEvent,
  scanHiddenInstructions,
} from '@trustgate/attribution';
import { asTrustgateError, CoreError, type Finding, loadPolicyFile, severityRank, writeFileAtomic } from '@trustgate/core';
import { readJsonFile, walkFiles } from '../files.js';
import { defineCommand, EXIT } from '../io.js';
import { tagSpec } from '../specs/tag.js';

/** A line log gives AI lines (line share) and names its agent (a marker, maybe the initiating human). */
async function readLineLog(
  file: string,
): Promise<{ logs: { source: 'git-ai' | 'agent-trace'; files: FileAiLines[] }[]; facts: ProvenanceFact[] }> {
  const text = await readFile(file, 'utf8').catch((cause: Error) => {
    throw new CoreError('IO_ERROR', `line log: ${asTrustgateError(cause, file).message}`, { cause, file });
  });
  if (/^\s*[[{]/.test(text)) {
    const records = parseAgentTrace(text, file);
    return {
      logs: records.map((r) => ({ source: 'agent-trace' as const, files: r.files })),
      facts: provenanceFromAgentTrace(records, file),
    };
  }
  const note = parseGitAiNote(text, file);
  return { logs: [{ source: 'git-ai', files: note.files }], facts: provenanceFromGitAi(note, undefined, file) };
}

async function instructionFiles(root: string, changed: readonly string[] | undefined): Promise<Array<{ path: string; text: string }>> {
  const paths: string[] = [];
  if (changed) paths.push(...changed.filter(isAgentInstructionFile));
  else for await (const p of walkFiles(root)) if (isAgentInstructionFile(relative(root, p))) paths.push(relative(root, p));
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8').catch(() => '') })));
}

export default defineCommand(tagSpec, async ({ values }, io) => {
  const at = (f: string) => resolve(io.cwd, f);
  const policy = values.policy ? (await loadPolicyFile(at(values.policy))).attribution : undefined;
  const pr = pullRequestFromEvent(await readJsonFile(at(values.event), 'event payload'), values.event);
  const commits = values.commits ? commitsFromApi(await readJsonFile(at(values.commits), 'commit list'), values.commits) : [];
  const files = values.files ? changedFilesFromApi(await readJsonFile(at(values.files), 'file list'), values.files) : undefined;
  const read = await Promise.all((values['line-log'] ?? []).map((f) => readLineLog(at(f))));
  const logs = read.flatMap((r) => r.logs);
  const changedLines = files ? Object.fromEntries(files.map((f) => [f.path, f.additions])) : undefined;
  const context: { assignedBy?: string; mentionedBy?: string } = {};
  if (values['assigned-by']) context.assignedBy = values['assigned-by'];
  if (values['mentioned-by']) context.mentionedBy = values['mentioned-by'];
  const result = classifyFacts(pr, commits, {
    requireDisclosure: policy?.requireDisclosure ?? false,
    rules: policy?.rules ?? [],
    context,
    ...(logs.length > 0 ? { lineShare: computeLineShare(logs, changedLines) } : {}),
    provenance: read.flatMap((r) => r.facts),
  });
  let findings: Finding[] = [];
  if (values.instructions) {
    const changed = files?.filter((f) => f.status !== 'removed').map((f) => f.path);
    findings = scanHiddenInstructions(await instructionFiles(at(values.instructions), changed));
  }
  if (values.statement) await writeFileAtomic(at(values.statement), `${JSON.stringify(aiTagStatement(result), null, 2)}\n`);
  if (values.format === 'json') {
    const out = classificationJson(result);
    if (values.instructions) out.findings = findings;
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else io.stdout(classificationText(result, findings));
  return findings.some((f) => severityRank(f.severity) >= severityRank('high')) ? EXIT.blocked : EXIT.ok;
});
