import { convertWorkflowTemplate, isMapping, isSequence, isString, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import type { ActionStep, RunStep, Step } from '@actions/workflow-parser/actions/index';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { BasicExpressionToken, ScalarToken } from '@actions/workflow-parser/templates/tokens/index';

/** A step as the runner needs it: what GitHub's converter keeps, plus the keys it drops (with, shell, working-directory). */
export interface StepSpec {
  id: string;
  /** true when the id was generated (`__run`, `__actions_checkout`): not addressable from `steps.` */
  generatedId: boolean;
  name?: ScalarToken;
  if: BasicExpressionToken;
  continueOnError?: boolean | ScalarToken;
  env?: MappingToken;
  run?: ScalarToken;
  uses?: string;
  with?: MappingToken;
  shell?: string;
  workingDirectory?: ScalarToken;
  line?: number;
}

export interface JobSpec {
  id: string;
  if: BasicExpressionToken;
  needs: string[];
  env?: MappingToken;
  steps: StepSpec[];
  permissions?: TemplateToken;
  outputs?: MappingToken;
  defaults: { shell?: string; workingDirectory?: string };
  matrix?: TemplateToken;
}

export interface WorkflowSpec {
  file: string;
  events: Record<string, unknown>;
  env?: MappingToken;
  permissions?: TemplateToken;
  defaults: { shell?: string; workingDirectory?: string };
  jobs: JobSpec[];
}

export interface ActionSpec {
  file: string;
  name: string;
  inputs: { id: string; required: boolean; default?: ScalarToken; deprecationMessage?: string }[];
  outputs: { id: string; value?: ScalarToken }[];
  runs: { using: 'composite'; steps: StepSpec[] } | { using: string; main: string } | { using: 'docker'; image: string };
}

/** A workflow or action file GitHub would reject; the message carries GitHub's own parser errors with file:line. */
export class WorkflowFileError extends Error {
  readonly code = 'WORKFLOW_INVALID';
}

function errorsOf(file: string, errors: { message: string }[]): never {
  throw new WorkflowFileError(`${file} is not valid for GitHub Actions:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
}

function find(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return token !== undefined && isMapping(token) ? token.find(key) : undefined;
}

function literal(token: TemplateToken | undefined): string | undefined {
  return token !== undefined && isString(token) ? token.value : undefined;
}

function defaultsOf(token: TemplateToken | undefined): { shell?: string; workingDirectory?: string } {
  const run = find(find(token, 'defaults'), 'run');
  const shell = literal(find(run, 'shell'));
  const workingDirectory = literal(find(run, 'working-directory'));
  return { ...(shell ? { shell } : {}), ...(workingDirectory ? { workingDirectory } : {}) };
}

// GitHub's converter keeps id/if/env/run/uses; with, shell and working-directory are read from the validated tokens.
function stepSpecs(converted: Step[], raw: TemplateToken | undefined): StepSpec[] {
  const rawSteps = raw !== undefined && isSequence(raw) ? [...raw] : [];
  return converted.map((step, i) => {
    const token = rawSteps[i];
    const s = step as Partial<RunStep & ActionStep>;
    const declaredId = literal(find(token, 'id'));
    const shell = literal(find(token, 'shell'));
    const withToken = find(token, 'with');
    const wd = find(token, 'working-directory') as ScalarToken | undefined;
    return {
      id: step.id,
      generatedId: declaredId === undefined,
      ...(step.name ? { name: step.name } : {}),
      if: s.if as BasicExpressionToken,
      ...(s['continue-on-error'] !== undefined ? { continueOnError: s['continue-on-error'] } : {}),
      ...(s.env ? { env: s.env } : {}),
      ...(s.run ? { run: s.run } : {}),
      ...(s.uses ? { uses: s.uses.value } : {}),
      ...(withToken && isMapping(withToken) ? { with: withToken } : {}),
      ...(shell ? { shell } : {}),
      ...(wd ? { workingDirectory: wd } : {}),
      ...(token?.line !== undefined ? { line: token.line } : {}),
    };
  });
}

/** Parse and validate a workflow file with @actions/workflow-parser, exactly as GitHub does before running it. */
export async function loadWorkflow(file: string, content: string): Promise<WorkflowSpec> {
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  if (parsed.context.errors.count > 0 || !parsed.value) errorsOf(file, parsed.context.errors.getErrors());
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  if (template.errors?.length)
    errorsOf(
      file,
      template.errors.map((e) => ({ message: e.Message })),
    );
  const root = parsed.value;
  const rawJobs = find(root, 'jobs');
  const jobs: JobSpec[] = [];
  for (const job of template.jobs) {
    if (job.type !== 'job')
      throw new WorkflowFileError(`${file}: job ${job.id.value} calls a reusable workflow; the local runner runs jobs with steps`);
    const raw = find(rawJobs, job.id.value);
    const strategy = find(raw, 'strategy');
    jobs.push({
      id: job.id.value,
      if: job.if,
      needs: (job.needs ?? []).map((n) => n.value),
      ...(job.env ? { env: job.env } : {}),
      steps: stepSpecs(job.steps, find(raw, 'steps')),
      ...(find(raw, 'permissions') ? { permissions: find(raw, 'permissions') } : {}),
      ...(job.outputs ? { outputs: job.outputs } : {}),
      defaults: defaultsOf(raw),
      ...(find(strategy, 'matrix') ? { matrix: find(strategy, 'matrix') } : {}),
    });
  }
  const env = find(root, 'env');
  return {
    file,
    events: template.events as Record<string, unknown>,
    ...(env && isMapping(env) ? { env } : {}),
    ...(find(root, 'permissions') ? { permissions: find(root, 'permissions') } : {}),
    defaults: defaultsOf(root),
    jobs,
  };
}

/** Parse and validate an action.yml with @actions/workflow-parser's action schema. */
export function loadAction(file: string, content: string): ActionSpec {
  const parsed = parseAction({ name: file, content }, new NoOperationTraceWriter());
  if (parsed.context.errors.count > 0 || !parsed.value) errorsOf(file, parsed.context.errors.getErrors());
  const action = convertActionTemplate(parsed.context, parsed.value);
  if (parsed.context.errors.count > 0) errorsOf(file, parsed.context.errors.getErrors());
  const runs = action.runs;
  return {
    file,
    name: action.name,
    inputs: (action.inputs ?? []).map((i) => ({
      id: i.id,
      required: i.required === true,
      ...(i.default ? { default: i.default } : {}),
      ...(i.deprecationMessage ? { deprecationMessage: i.deprecationMessage } : {}),
    })),
    outputs: (action.outputs ?? []).map((o) => ({ id: o.id, ...(o.value ? { value: o.value } : {}) })),
    runs:
      runs.using === 'composite'
        ? { using: 'composite', steps: stepSpecs(runs.steps, find(find(parsed.value, 'runs'), 'steps')) }
        : runs.using === 'docker'
          ? { using: 'docker', image: runs.image }
          : { using: runs.using, main: runs.main },
  };
}
