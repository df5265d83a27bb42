import { readFile } from 'node:fs/promises';
import { type ActionIO, decidedBy, type GateOutcome, gatePolicy, writeOrWarn } from '@trustgate/action-kit';
import {
  changedFilesFromApi,
  classificationMarkdown,
  classifyFacts,
  commitsFromApi,
  computeLineShare,
  type FileAiLines,
  isAgentInstructionFile,
  parseGitAiNote,
  pullRequestFromEvent,
  scanHiddenInstructions,
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

  const logs: Array<{ source: 'git-ai'; files: FileAiLines[] }> = [];
  if (io.booleanInput('git-ai-notes', true))
    for (const c of commits) {
      const note = await gh.gitAiNote(c.sha);
      if (note !== undefined) logs.push({ source: 'git-ai', files: parseGitAiNote(note, `refs/notes/ai ${c.sha}`).files });
    }
  const changedLines = Object.fromEntries(files.map((f) => [f.path, f.additions]));
  const result = classifyFacts(pr, commits, {
    requireDisclosure: policy.requireDisclosure,
    rules: policy.rules,
    ...(logs.length > 0 ? { lineShare: computeLineShare(logs, changedLines) } : {}),
  });

  const instructionFiles = files.filter((f) => f.status !== 'removed' && isAgentInstructionFile(f.path));
  const texts = await Promise.all(
    instructionFiles.map(async (f) => ({ path: f.path, text: (await gh.fileText(f.path, pr.headSha)) ?? '' })),
  );
  const findings = scanHiddenInstructions(texts);
  for (const f of findings) io.annotate(f, f.location?.path ?? '');

  io.output('cohort', result.cohort);
  io.output('agent', result.agent ?? '');
  io.output('initiator', result.initiator?.id ?? '');
  io.output('ai-line-share', result.aiLineShare?.share ?? '');
  io.output('classification', JSON.stringify(result));
  await io.summary(`${classificationMarkdown(result, findings)}\n${decidedBy(io, aiTagGate, resolved)}\n`);

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
  return { failed: false };
}
