import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain ESM test double without type declarations
import { addPull, createState, startMockGitHub } from '../../app/test/mock-github/server.mjs';
import { REPO, type RunOptions, runWorkflow, type StepRecord, type WorkflowRun } from '../support/runner/index.js';

export const OWNER = 'Codertocat';
export const NAME = 'Hello-World';
export const REPOSITORY = `${OWNER}/${NAME}`;

/** A GitHub for a workflow run: OpenAPI-validated, and each job's token held to the job's permissions. */
export interface RecordedRequest {
  method: string;
  path: string;
  operationId: string;
  body?: unknown;
  errors: string[];
}

export interface MockGitHub {
  url: string;
  requests: RecordedRequest[];
  invalid: RecordedRequest[];
  calls(operationId: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startGitHub() {
  const state = createState({ owner: OWNER, repo: NAME });
  const github: MockGitHub = await startMockGitHub({ state });
  return {
    url: github.url,
    requests: github.requests,
    invalid: github.invalid,
    calls: github.calls,
    close: github.close,
    state,
    addPull: (pr: Record<string, unknown>) => addPull(state, pr),
    options: { apiUrl: github.url, onToken: (token: string, permissions: Record<string, string>) => state.tokens.set(token, permissions) },
  };
}

const agentEvent = JSON.parse(readFileSync(join(REPO, 'examples/ai-tag/agent-event.json'), 'utf8'));

/** A `pull_request` event as GitHub sends it (the agent PR of examples/ai-tag), from a fork when asked. */
export function pullRequestEvent({ fork = false, labels = [] as string[] } = {}): RunOptions['event'] {
  const payload = structuredClone(agentEvent);
  payload.pull_request.labels = labels.map((name, i) => ({ id: i + 1, name }));
  if (fork) {
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'stranger/Hello-World', fork: true };
    payload.pull_request.head.label = 'stranger:copilot/fix-parser-null-check';
  }
  return { name: 'pull_request', payload };
}

export const pushEvent = (): RunOptions['event'] => ({
  name: 'push',
  payload: { ref: 'refs/heads/main', repository: { full_name: REPOSITORY }, pusher: { name: 'octocat' } },
});

/** Run a workflow file of this repository (examples/workflows, .github/workflows) on a workspace. */
export function runRepoWorkflow(file: string, options: Omit<RunOptions, 'workflow'>): Promise<WorkflowRun> {
  return runWorkflow({
    workflow: join(REPO, file),
    workflowPath: file,
    localRepositories: { 'trustgate/trustgate': REPO },
    repository: REPOSITORY,
    ...options,
  });
}

/** A step by id (composite children included). */
export function step(run: WorkflowRun, job: string, id: string): StepRecord {
  const found = run.jobs[job]?.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id} in job ${job}: ${run.jobs[job]?.steps.map((s) => s.id).join(', ')}`);
  return found;
}

/** What a failing run says, for assertion messages. */
export function explain(run: WorkflowRun): string {
  return Object.values(run.jobs)
    .flatMap((j) => j.steps.flatMap((s) => [s, ...(s.steps ?? [])]))
    .filter((s) => s.outcome === 'failure')
    .map((s) => `${s.id}: ${s.runnerErrors.join('; ')}\n${s.log.slice(-2000)}`)
    .join('\n---\n');
}
