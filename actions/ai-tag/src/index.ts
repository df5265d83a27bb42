import { readFile } from 'node:fs/promises';
import { type ActionIO, decidedBy, type GateOutcome, gatePolicy, writeOrWarn } from '@trustgate/action-kit';
import {
  type AgentFileInput,
  agentFileType,
  agentsMarkdown,
  changedFilesFromApi,
  classificationMarkdown,
  classifyFacts,
  commitsFromApi,
  computeLineShare,
  type FileAiLines,
  isAgentTraceFile,
  judgeAgentFiles,
  parseAgentTrace,
  parseGitAiNote,
  type ProvenanceFact,
  provenanceFromAgentTrace,
  provenanceFromGitAi,
  pullRequestFromEvent,
} from '@trustgate/attribution';
import { aiTagGate, CoreError, severityRank } from '@trustgate/core';
import { githubApi, type PullRequestApi } from './github-api.js';

export type { PullRequestApi } from './github-api.js';

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

async function readEvent(io: ActionIO): Promise<unknown> {
  const path = io.env.GITHUB_EVENT_PATH;
  if (!path) throw new CoreError('USAGE_ERROR', 'GITHUB_EVENT_PATH is not set; run this step in a GitHub Actions workflow on pull_request');
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new CoreError('IO_ERROR', `cannot read the event payload ${path}: ${(cause as Error).message}`, { cause, file: path });
  }
}

/**
 * The ai-tag gate: classify the PR from its event payload and commits, keep the ai:agent / ai:assisted labels in
 * step with the cohort, report every marker, and fail on hidden text in changed agent instruction files.
 */
export async function aiTag(io: ActionIO, api?: PullRequestApi): Promise<GateOutcome> {
  const eventName = io.env.GITHUB_EVENT_NAME ?? '';
  if (!PR_EVENTS.has(eventName)) {
    io.info(`trustgate ai-tag: event ${eventName || '(none)'} is not pull_request; nothing to tag`);
    return { failed: false };
  }
  const pr = pullRequestFromEvent(await readEvent(io), io.env.GITHUB_EVENT_PATH);
  const resolved = await gatePolicy(io);
  const policy = resolved.policy.attribution;
  const gh = api ?? githubApi(io.requiredInput('github-token'), pr.repository, pr.number, io.workspace);

  const commits = commitsFromApi(await gh.listCommits(), 'pulls.listCommits');
  if (commits.length >= 250)
    io.info('trustgate ai-tag: GitHub lists only the first 250 commits of a pull request; later commits were not read');
  const files = changedFilesFromApi(await gh.listFiles(), 'pulls.listFiles');

  const logs: Array<{ source: 'git-ai' | 'agent-trace'; files: FileAiLines[] }> = [];
  const provenance: ProvenanceFact[] = [];
  if (io.booleanInput('git-ai-notes', true))
    for (const c of commits) {
      const note = await gh.gitAiNote(c.sha);
      if (note === undefined) continue;
      const log = parseGitAiNote(note, `refs/notes/ai ${c.sha}`);
      logs.push({ source: 'git-ai', files: log.files });
      provenance.push(...provenanceFromGitAi(log, c.sha));
    }
  // Agent Trace records the change adds to the repository (.agent-trace/, agent-trace.jsonl, ...).
  for (const f of files.filter((x) => x.status !== 'removed' && isAgentTraceFile(x.path))) {
    const records = parseAgentTrace((await gh.fileText(f.path, pr.headSha)) ?? '', f.path);
    logs.push(...records.map((r) => ({ source: 'agent-trace' as const, files: r.files })));
    provenance.push(...provenanceFromAgentTrace(records, f.path));
  }
  const changedLines = Object.fromEntries(files.map((f) => [f.path, f.additions]));
  const result = classifyFacts(pr, commits, {
    requireDisclosure: policy.requireDisclosure,
    rules: policy.rules,
    ...(logs.length > 0 ? { lineShare: computeLineShare(logs, changedLines) } : {}),
    provenance,
  });

  // The agents engine judges the changed MCP configs, skills and instruction files (hidden text included).
  const manifests = files.filter((f) => f.status !== 'removed' && /(^|\/)SKILL\.md$/i.test(f.path)).map((f) => f.path);
  const agentInputs: AgentFileInput[] = await Promise.all(
    files
      .filter((f) => agentFileType(f.path, manifests))
      .map(async (f): Promise<AgentFileInput> => {
        if (f.status === 'removed') return { path: f.path, changed: true, removed: true };
        return { path: f.path, changed: true, bytes: new TextEncoder().encode((await gh.fileText(f.path, pr.headSha)) ?? '') };
      }),
  );
  const agents = judgeAgentFiles(agentInputs, resolved.policy.agents);
  const agentFindings = agents.files.flatMap((f) => f.findings).filter((f) => f.rule !== 'TG-AGT-001');
  const findings = agentFindings.filter((f) => f.rule.startsWith('TG-AIH-'));
  for (const f of agentFindings) io.annotate(f, f.location?.path ?? '');

  io.output('cohort', result.cohort);
  io.output('agent', result.agent ?? '');
  io.output('initiator', result.initiator?.id ?? '');
  io.output('ai-line-share', result.aiLineShare?.share ?? '');
  io.output('classification', JSON.stringify(result));
  io.output('agents-verdict', agents.summary.verdict);
  io.output('agents-review-required', agents.review.required);
  io.output('agents-report', JSON.stringify(agents));
  await io.summary(`${classificationMarkdown(result, findings)}\n${decidedBy(io, aiTagGate, resolved)}\n`);
  if (agents.files.length > 0) await io.summary(agentsMarkdown(agents));

  // Labels last: outputs and summary are out even when the token may not write (a fork's pull request).
  if (io.booleanInput('label', true)) {
    const agentLabel = io.input('agent-label') || policy.labels.agent;
    const assistedLabel = io.input('assisted-label') || policy.labels.assisted;
    const want = result.cohort === 'agent' ? agentLabel : result.cohort === 'assisted' ? assistedLabel : undefined;
    for (const label of [agentLabel, assistedLabel]) {
      if (label === want && !pr.labels.includes(label))
        await writeOrWarn(io, `add the label ${label} to #${pr.number}`, 'pull-requests: write', () => gh.addLabel(label));
      if (label !== want && pr.labels.includes(label))
        await writeOrWarn(io, `remove the label ${label} from #${pr.number}`, 'pull-requests: write', () => gh.removeLabel(label));
    }
  }

  const blocking = findings.filter((f) => severityRank(f.severity) >= severityRank('high'));
  if (blocking.length > 0 && io.booleanInput('fail-on-hidden-instructions', true))
    return {
      failed: true,
      reason: `trustgate ai-tag: hidden text in ${blocking.length} place(s) of agent instruction files; see the annotations`,
    };
  if (agents.summary.blocking && io.booleanInput('fail-on-agents', true))
    return {
      failed: true,
      reason: `trustgate ai-tag: ${agents.summary.unsafe + agents.summary.error} changed agent file(s) are ${agents.summary.verdict} (MCP servers, skills, instruction files); see the annotations and the summary`,
    };
  return { failed: false };
}
