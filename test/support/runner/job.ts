import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { isMapping, isSequence, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { type Annotation, FileCommandError, readFileCommands, readStdoutCommands } from './commands.js';
import { evaluate, mappingText, type Scope, scalarText, truthy } from './expressions.js';
import { type FakeCall, fakeFor, type Permissions, RECORDED } from './fakes/index.js';
import type { LocalSigstore } from '../sigstore-signer.js';
import { shownAnnotations, uploadedSummary } from './limits.js';
import { type ActionSpec, type JobSpec, loadAction, loadWorkflow, type StepSpec, type WorkflowSpec } from './template.js';

export interface RunOptions {
  /** The workflow file, absolute or relative to the workspace; `content` overrides reading it. */
  workflow: string;
  content?: string;
  /** The checkout: GITHUB_WORKSPACE, where `uses: ./…` and relative paths resolve. */
  workspace: string;
  event: { name: string; payload: Record<string, unknown> };
  repository?: string;
  sha?: string;
  ref?: string;
  actor?: string;
  /** GitHub's API for the job's token: each job's token and its permissions are announced before the job runs. */
  github?: { apiUrl: string; onToken?: (token: string, permissions: Permissions) => void };
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** `owner/repo` served from a local directory (trustgate's own actions as `uses: <owner>/trustgate/…@v1`). */
  localRepositories?: Record<string, string>;
  /** The `node` on the runner image's PATH (hosted images carry Node 20); absent means no node on PATH. */
  imageNode?: string | null;
  /** Node binaries in the tool cache by major version (what setup-node can install without the network). */
  nodeVersions?: Record<string, string>;
  offline?: boolean;
  lfsObjects?: Map<string, Buffer>;
  /** A local Sigstore standing in for GitHub's Fulcio and Rekor: attest signs with it as this workflow run. */
  sigstore?: LocalSigstore;
  /** The workflow's path in its repository (github.workflow_ref, the attest identity); default the `workflow` option. */
  workflowPath?: string;
  /** Run scripts matched here are not executed: the test stands in for them (e.g. the repository's own `npm test`). */
  stubs?: { match: RegExp; exitCode?: number; stdout?: string; replace?: string }[];
  /** Jobs to run (default all, in `needs` order). */
  jobs?: string[];
  /** Permissions a job gets when the workflow sets none (GitHub's restricted default). */
  defaultPermissions?: Permissions;
  stepTimeoutMs?: number;
}

export type Outcome = 'success' | 'failure' | 'skipped';

export interface StepRecord {
  id: string;
  name: string;
  uses?: string;
  run?: string;
  outcome: Outcome;
  conclusion: Outcome;
  exitCode: number | null;
  log: string;
  inputs?: Record<string, string>;
  env: Record<string, string>;
  outputs: Record<string, string>;
  /** What the step wrote to GITHUB_STEP_SUMMARY, and what GitHub keeps of it */
  summaryWritten: string;
  summary: string;
  annotations: Annotation[];
  /** The runner's own messages (unexpected inputs, dropped summaries, deprecated commands) */
  runnerErrors: string[];
  runnerWarnings: string[];
  steps?: StepRecord[];
  durationMs: number;
}

export interface JobRecord {
  id: string;
  result: Outcome;
  steps: StepRecord[];
  outputs: Record<string, string>;
  permissions: Permissions;
  token: string;
  /** Every annotation GitHub shows for the job, after its per-step limits */
  annotations: Annotation[];
  hiddenAnnotations: number;
  summary: string;
  /** PATH as the job's last step saw it (what setup-node and GITHUB_PATH did to the caller) */
  path: string;
  fakeCalls: FakeCall[];
}

export interface WorkflowRun {
  workflow: WorkflowSpec;
  result: Outcome;
  jobs: Record<string, JobRecord>;
}

const SCOPES = [
  'actions',
  'artifact-metadata',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];

const RESTRICTED: Permissions = { contents: 'read', packages: 'read', metadata: 'read' };

function permissionsOf(token: TemplateToken | undefined, fallback: Permissions): Permissions {
  if (token === undefined) return { ...fallback };
  if (isString(token)) {
    const level = token.value === 'write-all' ? 'write' : token.value === 'read-all' ? 'read' : 'none';
    return { ...Object.fromEntries(SCOPES.map((s) => [s, s === 'id-token' && level === 'read' ? 'none' : level])), metadata: 'read' };
  }
  const out: Permissions = { metadata: 'read' };
  if (isMapping(token)) for (const { key, value } of token) out[String(key)] = (isString(value) ? value.value : 'none') as 'read';
  return out;
}

/** A pull request from a fork: GitHub runs it with a read-only token and no secrets, whatever the workflow asks. */
export function isForkPullRequest(event: RunOptions['event']): boolean {
  if (event.name !== 'pull_request') return false;
  const pr = event.payload.pull_request as {
    head?: { repo?: { fork?: boolean; full_name?: string } };
    base?: { repo?: { full_name?: string } };
  };
  return pr?.head?.repo?.fork === true || (pr?.head?.repo?.full_name !== undefined && pr.head.repo.full_name !== pr.base?.repo?.full_name);
}

function readOnly(p: Permissions): Permissions {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, k === 'id-token' ? 'none' : v === 'write' ? 'read' : v]));
}

interface JobState {
  options: RunOptions;
  workflow: WorkflowSpec;
  job: JobSpec;
  jobId: string;
  temp: string;
  toolCache: string;
  home: string;
  baseEnv: Record<string, string>;
  fileEnv: Record<string, string>;
  pathPrefix: string[];
  github: Record<string, unknown>;
  contexts: Record<string, unknown>;
  permissions: Permissions;
  token: string;
  fakeCalls: FakeCall[];
  /** the innermost top-level step's annotations, for GitHub's per-step limits */
  stepAnnotations: Annotation[];
}

/** Run a workflow's jobs as GitHub's runner does, on the local machine. */
export async function runWorkflow(options: RunOptions): Promise<WorkflowRun> {
  const file = isAbsolute(options.workflow) ? options.workflow : resolve(options.workspace, options.workflow);
  const content = options.content ?? readFileSync(file, 'utf8');
  const workflow = await loadWorkflow(options.workflow, content);
  const jobs: Record<string, JobRecord> = {};
  const wanted = options.jobs ?? workflow.jobs.map((j) => j.id);
  const pending = workflow.jobs.filter((j) => wanted.includes(j.id));
  while (pending.length > 0) {
    const i = pending.findIndex((j) => j.needs.every((n) => jobs[n] !== undefined || !wanted.includes(n)));
    if (i < 0) throw new Error(`${options.workflow}: jobs ${pending.map((j) => j.id).join(', ')} wait on each other`);
    const [job] = pending.splice(i, 1) as [JobSpec];
    for (const [id, record] of await runJob(options, workflow, job, jobs)) jobs[id] = record;
  }
  const results = Object.values(jobs).map((j) => j.result);
  return { workflow, jobs, result: results.includes('failure') ? 'failure' : 'success' };
}

async function runJob(options: RunOptions, workflow: WorkflowSpec, job: JobSpec, done: Record<string, JobRecord>) {
  const needs = Object.fromEntries(job.needs.map((n) => [n, { result: done[n]?.result ?? 'skipped', outputs: done[n]?.outputs ?? {} }]));
  const needsFailed = job.needs.some((n) => done[n]?.result !== 'success');
  const github = githubContext(options, job.id);
  const preScope: Scope = {
    contexts: { github, needs, vars: options.vars ?? {}, inputs: {} },
    failed: needsFailed,
    workspace: options.workspace,
  };
  const out = new Map<string, JobRecord>();
  const combos = matrixCombinations(job.matrix, preScope);
  for (const matrix of combos) {
    const id = combos.length > 1 ? `${job.id} (${Object.values(matrix).join(', ')})` : job.id;
    if (!truthy(evaluate(job.if.expression, { ...preScope, contexts: { ...preScope.contexts, matrix } }))) {
      out.set(id, emptyJob(id, 'skipped'));
      continue;
    }
    out.set(id, await runSteps(options, workflow, job, id, github, needs, matrix));
  }
  return out;
}

function emptyJob(id: string, result: Outcome): JobRecord {
  return {
    id,
    result,
    steps: [],
    outputs: {},
    permissions: {},
    token: '',
    annotations: [],
    hiddenAnnotations: 0,
    summary: '',
    path: '',
    fakeCalls: [],
  };
}

function tokenValue(token: TemplateToken, scope: Scope): unknown {
  if (isMapping(token)) return Object.fromEntries([...token].map(({ key, value }) => [scalarText(key, scope), tokenValue(value, scope)]));
  if (isSequence(token)) return [...token].map((t) => tokenValue(t, scope));
  return scalarText(token, scope);
}

function matrixCombinations(token: TemplateToken | undefined, scope: Scope): Record<string, unknown>[] {
  if (token === undefined) return [{}];
  const m = tokenValue(token, scope) as Record<string, unknown>;
  const { include = [], exclude = [], ...dims } = m as { include?: Record<string, unknown>[]; exclude?: Record<string, unknown>[] };
  let combos: Record<string, unknown>[] = [{}];
  for (const [k, values] of Object.entries(dims)) combos = combos.flatMap((c) => (values as unknown[]).map((v) => ({ ...c, [k]: v })));
  combos = combos.filter((c) => !exclude.some((e) => Object.entries(e).every(([k, v]) => c[k] === v)));
  for (const inc of include) {
    const matching = combos.filter((c) => Object.entries(inc).every(([k, v]) => !(k in dims) || c[k] === v));
    if (matching.length > 0 && Object.keys(dims).length > 0) for (const c of matching) Object.assign(c, inc);
    else combos.push({ ...inc });
  }
  return combos.filter((c) => Object.keys(c).length > 0).length > 0 ? combos : [{}];
}

function githubContext(options: RunOptions, job: string): Record<string, unknown> {
  const payload = options.event.payload;
  const pr = payload.pull_request as { number?: number; head?: { ref?: string; sha?: string }; base?: { ref?: string } } | undefined;
  const repository = options.repository ?? (payload.repository as { full_name?: string } | undefined)?.full_name ?? 'octo-org/service';
  const ref = options.ref ?? (pr ? `refs/pull/${pr.number}/merge` : 'refs/heads/main');
  const server = 'https://github.com';
  return {
    event_name: options.event.name,
    event: payload,
    repository,
    repository_owner: repository.split('/')[0],
    sha: options.sha ?? pr?.head?.sha ?? '0'.repeat(40),
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    head_ref: pr?.head?.ref ?? '',
    base_ref: pr?.base?.ref ?? '',
    actor: options.actor ?? 'octocat',
    triggering_actor: options.actor ?? 'octocat',
    server_url: server,
    api_url: options.github?.apiUrl ?? 'https://api.github.com',
    graphql_url: `${options.github?.apiUrl ?? 'https://api.github.com'}/graphql`,
    run_id: '1',
    run_number: '1',
    run_attempt: '1',
    job,
    workflow: options.workflow,
    workflow_ref: `${repository}/${options.workflowPath ?? options.workflow}@${ref}`,
    workspace: options.workspace,
    retention_days: '90',
  };
}

async function runSteps(
  options: RunOptions,
  workflow: WorkflowSpec,
  job: JobSpec,
  jobId: string,
  github: Record<string, unknown>,
  needs: Record<string, unknown>,
  matrix: Record<string, unknown>,
): Promise<JobRecord> {
  const temp = mkdtempSync(join(tmpdir(), 'tg-runner-'));
  const dirs = { temp: join(temp, 'temp'), toolCache: join(temp, 'toolcache'), home: join(temp, 'home'), bin: join(temp, 'image-bin') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const imageNode = options.imageNode === undefined ? defaultImageNode() : options.imageNode;
  if (imageNode) symlinkSync(imageNode, join(dirs.bin, 'node'));
  // An image without Node: shadow the machine's own node the way a missing command fails.
  else writeFileSync(join(dirs.bin, 'node'), '#!/bin/sh\necho "node: command not found" >&2\nexit 127\n', { mode: 0o755 });
  let permissions = permissionsOf(job.permissions ?? workflow.permissions, options.defaultPermissions ?? RESTRICTED);
  const fork = isForkPullRequest(options.event);
  if (fork) permissions = readOnly(permissions);
  const token = `ghs_${randomBytes(18).toString('hex')}`;
  options.github?.onToken?.(token, permissions);
  const eventPath = join(dirs.temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event.payload));
  const gh: Record<string, unknown> = { ...github, token, event_path: eventPath };
  const secrets = fork ? { GITHUB_TOKEN: token } : { ...(options.secrets ?? {}), GITHUB_TOKEN: token };
  const baseEnv: Record<string, string> = {
    PATH: [dirs.bin, '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter),
    HOME: dirs.home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: String(gh.repository),
    GITHUB_REPOSITORY_OWNER: String(gh.repository_owner),
    GITHUB_SHA: String(gh.sha),
    GITHUB_REF: String(gh.ref),
    GITHUB_REF_NAME: String(gh.ref_name),
    GITHUB_REF_TYPE: String(gh.ref_type),
    GITHUB_HEAD_REF: String(gh.head_ref),
    GITHUB_BASE_REF: String(gh.base_ref),
    GITHUB_ACTOR: String(gh.actor),
    GITHUB_TRIGGERING_ACTOR: String(gh.actor),
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: job.id,
    GITHUB_WORKFLOW: options.workflow,
    GITHUB_WORKFLOW_REF: String(gh.workflow_ref),
    GITHUB_SERVER_URL: String(gh.server_url),
    GITHUB_API_URL: String(gh.api_url),
    GITHUB_GRAPHQL_URL: String(gh.graphql_url),
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'trustgate-local-runner',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: dirs.toolCache,
  };
  if (permissions['id-token'] === 'write') {
    baseEnv.ACTIONS_ID_TOKEN_REQUEST_URL = `${String(gh.api_url)}/_oidc/token`;
    baseEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN = randomUUID();
  }
  const state: JobState = {
    options,
    workflow,
    job,
    jobId,
    temp: dirs.temp,
    toolCache: dirs.toolCache,
    home: dirs.home,
    baseEnv,
    fileEnv: {},
    pathPrefix: [],
    github: gh,
    contexts: {
      github: gh,
      needs,
      matrix,
      strategy: { 'fail-fast': true, 'job-index': 0, 'job-total': 1, 'max-parallel': 1 },
      vars: options.vars ?? {},
      secrets,
      inputs: {},
      runner: {
        os: 'Linux',
        arch: 'X64',
        name: 'trustgate-local-runner',
        temp: dirs.temp,
        tool_cache: dirs.toolCache,
        environment: 'github-hosted',
      },
      job: { status: 'success' },
    },
    permissions,
    token,
    fakeCalls: [],
    stepAnnotations: [],
  };
  const scope = (extra: Record<string, unknown>, failed: boolean): Scope => ({
    contexts: { ...state.contexts, ...extra },
    failed,
    workspace: options.workspace,
  });
  const workflowEnv = mappingText(workflow.env, scope({ env: {} }, false));
  const jobEnv = mappingText(job.env, scope({ env: { ...workflowEnv }, steps: {} }, false));
  const stepsCtx: Record<string, unknown> = {};
  const records: StepRecord[] = [];
  let failed = false;
  const annotations: Annotation[] = [];
  let hidden = 0;
  const summaries: string[] = [];
  for (const step of job.steps) {
    state.stepAnnotations = [];
    const record = await runStep(state, step, {
      stepsCtx,
      failed,
      envCtx: { ...state.fileEnv, ...workflowEnv, ...jobEnv },
      inputs: {},
      actionPath: undefined,
      defaults: { ...workflow.defaults, ...job.defaults },
    });
    records.push(record);
    if (!record.id.startsWith('__'))
      stepsCtx[record.id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.conclusion };
    if (record.conclusion === 'failure') failed = true;
    state.contexts.job = { status: failed ? 'failure' : 'success' };
    const { shown, hidden: h } = shownAnnotations(state.stepAnnotations);
    annotations.push(...shown);
    hidden += h;
    for (const s of flatten([record])) if (s.summary) summaries.push(s.summary);
  }
  const outputs = mappingText(job.outputs, scope({ steps: stepsCtx, env: { ...workflowEnv, ...jobEnv } }, failed));
  return {
    id: jobId,
    result: failed ? 'failure' : 'success',
    steps: records,
    outputs,
    permissions,
    token,
    annotations,
    hiddenAnnotations: hidden,
    summary: summaries.join(''),
    path: pathFor(state),
    fakeCalls: state.fakeCalls,
  };
}

function flatten(steps: StepRecord[]): StepRecord[] {
  return steps.flatMap((s) => [s, ...flatten(s.steps ?? [])]);
}

function defaultImageNode(): string | null {
  // GitHub's hosted images carry Node 20 on PATH; the machine's system Node 20 stands in for it.
  for (const p of ['/usr/bin/node', '/usr/local/bin/node']) if (existsSync(p)) return p;
  return process.execPath;
}

function pathFor(state: JobState): string {
  return [...state.pathPrefix, state.fileEnv.PATH ?? state.baseEnv.PATH].join(delimiter);
}

interface StepFrame {
  stepsCtx: Record<string, unknown>;
  failed: boolean;
  envCtx: Record<string, string>;
  inputs: Record<string, string>;
  /** set inside a composite action */
  actionPath: string | undefined;
  defaults: { shell?: string; workingDirectory?: string };
}

async function runStep(state: JobState, step: StepSpec, frame: StepFrame): Promise<StepRecord> {
  const started = Date.now();
  const github = frame.actionPath
    ? { ...state.github, action_path: frame.actionPath, action: step.id }
    : { ...state.github, action: step.id };
  const scopeWith = (env: Record<string, string>): Scope => ({
    contexts: { ...state.contexts, github, steps: frame.stepsCtx, inputs: frame.inputs, env },
    failed: frame.failed,
    workspace: state.options.workspace,
  });
  const record: StepRecord = {
    id: step.id,
    name: '',
    ...(step.uses ? { uses: step.uses } : {}),
    outcome: 'skipped',
    conclusion: 'skipped',
    exitCode: null,
    log: '',
    env: {},
    outputs: {},
    summaryWritten: '',
    summary: '',
    annotations: [],
    runnerErrors: [],
    runnerWarnings: [],
    durationMs: 0,
  };
  try {
    record.name = step.name
      ? scalarText(step.name, scopeWith(frame.envCtx))
      : step.uses
        ? `Run ${step.uses}`
        : `Run ${(step.run ? scalarText(step.run, scopeWith(frame.envCtx)) : '').split('\n')[0]}`;
  } catch {
    record.name = step.id;
  }
  if (!truthy(evaluate(step.if.expression, scopeWith(frame.envCtx)))) return record;
  let ok: boolean;
  try {
    const stepEnv = mappingText(step.env, scopeWith(frame.envCtx));
    const envCtx = { ...frame.envCtx, ...stepEnv };
    record.env = envCtx;
    const scope = scopeWith(envCtx);
    if (step.run !== undefined) ok = await runScript(state, step, frame, scope, envCtx, record);
    else ok = await runUses(state, step, scope, envCtx, record);
  } catch (err) {
    record.runnerErrors.push((err as Error).message);
    ok = false;
  }
  for (const e of record.runnerErrors) state.stepAnnotations.push({ level: 'error', message: e });
  for (const w of record.runnerWarnings) state.stepAnnotations.push({ level: 'warning', message: w });
  record.outcome = ok ? 'success' : 'failure';
  const coe = step.continueOnError;
  const continueOnError = typeof coe === 'boolean' ? coe : coe ? scalarText(coe, scopeWith(frame.envCtx)) === 'true' : false;
  record.conclusion = ok || continueOnError ? 'success' : 'failure';
  record.durationMs = Date.now() - started;
  return record;
}

interface StepFiles {
  output: string;
  env: string;
  path: string;
  summary: string;
  state: string;
}

function stepFiles(state: JobState): StepFiles {
  const id = randomUUID();
  const f = (k: string) => join(state.temp, `_runner_file_commands`, `${k}_${id}`);
  mkdirSync(join(state.temp, '_runner_file_commands'), { recursive: true });
  const files = { output: f('set_output'), env: f('set_env'), path: f('add_path'), summary: f('step_summary'), state: f('save_state') };
  for (const p of Object.values(files)) writeFileSync(p, '');
  return files;
}

function processEnv(state: JobState, envCtx: Record<string, string>, files: StepFiles, extra: Record<string, string> = {}) {
  return {
    ...state.baseEnv,
    ...state.fileEnv,
    ...envCtx,
    ...extra,
    PATH: pathFor(state),
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
  };
}

// After a step: its file commands become outputs, job env and PATH for later steps, and its summary is kept or dropped.
function collect(state: JobState, files: StepFiles, record: StepRecord): boolean {
  let ok = true;
  try {
    record.outputs = readFileCommands(readFileSync(files.output, 'utf8'), 'output');
    Object.assign(state.fileEnv, readFileCommands(readFileSync(files.env, 'utf8'), 'env'));
  } catch (err) {
    if (!(err instanceof FileCommandError)) throw err;
    record.runnerErrors.push(err.message);
    ok = false;
  }
  const added = readFileSync(files.path, 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  state.pathPrefix.unshift(...added.reverse());
  record.summaryWritten = readFileSync(files.summary, 'utf8');
  const uploaded = uploadedSummary(record.summaryWritten);
  record.summary = uploaded.summary;
  if (uploaded.error) record.runnerErrors.push(uploaded.error);
  const commands = readStdoutCommands(record.log);
  record.annotations = commands.annotations;
  state.stepAnnotations.push(...commands.annotations);
  for (const d of commands.deprecated)
    record.runnerWarnings.push(`The \`${d.split('::')[1]?.split(' ')[0]}\` command is deprecated and will be disabled soon: ${d}`);
  return ok;
}

const SHELLS: Record<string, (file: string) => string[]> = {
  bash: (f) => ['bash', '--noprofile', '--norc', '-eo', 'pipefail', f],
  sh: (f) => ['sh', '-e', f],
  python: (f) => ['python3', f],
};

async function runScript(
  state: JobState,
  step: StepSpec,
  frame: StepFrame,
  scope: Scope,
  envCtx: Record<string, string>,
  record: StepRecord,
) {
  const script = scalarText(step.run, scope);
  record.run = script;
  if (frame.actionPath && !step.shell)
    throw new Error('a run step of a composite action must name its shell (GitHub refuses the action otherwise)');
  const shellName = step.shell ?? frame.defaults.shell;
  const files = stepFiles(state);
  const scriptFile = join(state.temp, `${randomUUID()}.${shellName === 'python' ? 'py' : 'sh'}`);
  writeFileSync(scriptFile, script);
  // Without a shell: key GitHub runs `bash -e {0}` (no pipefail); with `shell: bash` it adds --noprofile --norc -o pipefail.
  const argv =
    shellName === undefined
      ? ['bash', '-e', scriptFile]
      : (SHELLS[shellName]?.(scriptFile) ?? shellName.replace('{0}', scriptFile).split(/\s+/));
  const wd = step.workingDirectory ? scalarText(step.workingDirectory, scope) : frame.defaults.workingDirectory;
  const cwd = wd ? resolve(state.options.workspace, wd) : state.options.workspace;
  const env = processEnv(state, envCtx, files, frame.actionPath ? { GITHUB_ACTION_PATH: frame.actionPath } : {});
  const stub = state.options.stubs?.find((s) => s.match.test(script));
  if (stub && stub.replace === undefined) {
    record.log = stub.stdout ?? '';
    record.exitCode = stub.exitCode ?? 0;
  } else {
    // A stub with `replace` runs another script in its place (a build that is too slow to run in a test, say).
    if (stub?.replace !== undefined) writeFileSync(scriptFile, stub.replace);
    const r = await exec(argv, cwd, env, state.options.stepTimeoutMs);
    record.log = r.log;
    record.exitCode = r.code;
  }
  const ok = collect(state, files, record);
  if (record.exitCode !== 0) record.runnerErrors.push(`Process completed with exit code ${record.exitCode}.`);
  return ok && record.exitCode === 0;
}

function exec(
  argv: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs = 600_000,
): Promise<{ code: number | null; log: string }> {
  return new Promise((done, fail) => {
    const [cmd, ...args] = argv as [string, ...string[]];
    if (!existsSync(cwd)) {
      fail(new Error(`working directory ${cwd} does not exist`));
      return;
    }
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, log: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

interface ResolvedAction {
  kind: 'local' | 'fake';
  /** directory holding action.yml (local) */
  dir?: string;
  /** `owner/repo[/path]` of a fake */
  name?: string;
  ref?: string;
}

function resolveUses(state: JobState, uses: string): ResolvedAction {
  if (uses.startsWith('docker://')) throw new Error(`${uses}: docker actions are not run by the local runner`);
  if (uses.startsWith('./')) return { kind: 'local', dir: resolve(state.options.workspace, uses) };
  const m = /^([^/@]+)\/([^/@]+)(\/[^@]*)?@(.+)$/.exec(uses);
  if (!m) throw new Error(`${uses}: not an action reference (owner/repo[/path]@ref or ./path)`);
  const [, owner = '', repo = '', sub = '', ref = ''] = m;
  const local = state.options.localRepositories?.[`${owner}/${repo}`] ?? state.options.localRepositories?.[`*/${repo}`];
  if (local) return { kind: 'local', dir: join(local, sub) };
  return { kind: 'fake', name: `${owner}/${repo}${sub}`, ref };
}

async function runUses(state: JobState, step: StepSpec, scope: Scope, envCtx: Record<string, string>, record: StepRecord) {
  const uses = step.uses as string;
  const given = mappingText(step.with, scope);
  const target = resolveUses(state, uses);
  if (target.kind === 'fake') return runFake(state, target, given, envCtx, record);
  const dir = target.dir as string;
  const file = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`Can't find 'action.yml' or 'action.yaml' under '${dir}' for ${uses}`);
  const action = loadAction(file, readFileSync(file, 'utf8'));
  const inputs = actionInputs(
    action.inputs.map((i) => ({ id: i.id, required: i.required, default: i.default })),
    given,
    uses,
    (token) => scalarText(token, { ...scope, contexts: { ...scope.contexts, inputs: {}, steps: {} } }),
  );
  record.inputs = inputs;
  if (action.runs.using === 'composite') return runComposite(state, action, dir, inputs, envCtx, record);
  if (action.runs.using === 'docker') throw new Error(`${uses}: docker actions are not run by the local runner`);
  return runNode(state, action, dir, inputs, envCtx, record);
}

/**
 * Inputs as the runner builds them: the workflow's `with:` plus each declared default. GitHub only warns about an
 * input the action does not declare; the local runner fails the step, so a typo in a documented workflow cannot ship.
 */
function actionInputs<T>(
  declared: { id: string; required?: boolean; default?: T }[],
  given: Record<string, string>,
  uses: string,
  evalDefault: (d: T) => string,
): Record<string, string> {
  const names = new Map(declared.map((d) => [d.id.toLowerCase(), d]));
  const unexpected = Object.keys(given).filter((k) => !names.has(k.toLowerCase()));
  if (unexpected.length > 0)
    throw new Error(
      `Unexpected input(s) '${unexpected.join("', '")}' for ${uses}, valid inputs are ['${declared.map((d) => d.id).join("', '")}']`,
    );
  const out: Record<string, string> = {};
  for (const d of declared) {
    const key = Object.keys(given).find((k) => k.toLowerCase() === d.id.toLowerCase());
    if (key !== undefined) out[d.id] = given[key] as string;
    else if (d.default !== undefined) out[d.id] = evalDefault(d.default);
    else out[d.id] = '';
  }
  return out;
}

async function runComposite(
  state: JobState,
  action: ActionSpec,
  dir: string,
  inputs: Record<string, string>,
  envCtx: Record<string, string>,
  record: StepRecord,
): Promise<boolean> {
  if (!('steps' in action.runs)) return false;
  const stepsCtx: Record<string, unknown> = {};
  const children: StepRecord[] = [];
  let failed = false;
  for (const step of action.runs.steps) {
    const child = await runStep(state, step, { stepsCtx, failed, envCtx, inputs, actionPath: dir, defaults: {} });
    children.push(child);
    if (!child.id.startsWith('__')) stepsCtx[child.id] = { outputs: child.outputs, outcome: child.outcome, conclusion: child.conclusion };
    if (child.conclusion === 'failure') failed = true;
  }
  record.steps = children;
  const scope: Scope = {
    contexts: { ...state.contexts, github: { ...state.github, action_path: dir }, steps: stepsCtx, inputs, env: envCtx },
    failed,
    workspace: state.options.workspace,
  };
  for (const o of action.outputs) record.outputs[o.id] = scalarText(o.value, scope);
  return !failed;
}

async function runNode(
  state: JobState,
  action: ActionSpec,
  dir: string,
  inputs: Record<string, string>,
  envCtx: Record<string, string>,
  record: StepRecord,
) {
  if (!('main' in action.runs)) return false;
  // The runner's own Node (its externals), never the image's PATH: node20 and node24 actions run on the runner's build.
  const node = action.runs.using === 'node20' && existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
  const files = stepFiles(state);
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
  const env = processEnv(state, envCtx, files, inputEnv);
  const r = await exec([node, resolve(dir, action.runs.main)], state.options.workspace, env, state.options.stepTimeoutMs);
  record.log = r.log;
  record.exitCode = r.code;
  const ok = collect(state, files, record);
  return ok && r.code === 0;
}

async function runFake(
  state: JobState,
  target: ResolvedAction,
  given: Record<string, string>,
  envCtx: Record<string, string>,
  record: StepRecord,
) {
  const name = target.name as string;
  const recorded = RECORDED[name];
  const fake = fakeFor(name);
  if (!recorded || !fake)
    throw new Error(`${name}@${target.ref}: no recorded stand-in; record its inputs in test/support/runner/fakes/recorded-actions.json`);
  const ref = target.ref as string;
  const major = recorded.version.split('.')[0];
  if (ref !== recorded.sha && ref !== recorded.version && ref !== major)
    throw new Error(`${name}@${ref}: the recorded release is ${recorded.version} (${recorded.sha}); record this release before using it`);
  const scope: Scope = {
    contexts: { ...state.contexts, env: envCtx, steps: {}, inputs: {} },
    failed: false,
    workspace: state.options.workspace,
  };
  const declared = Object.entries(recorded.inputs).map(([id, d]) => ({
    id,
    required: d.required === true,
    ...(d.default !== undefined ? { default: d.default } : {}),
  }));
  const inputs = actionInputs(declared, given, `${name}@${ref}`, (d: string) => {
    const m = /^\$\{\{(.*)\}\}$/.exec(d.trim());
    return m ? evaluate(m[1] as string, scope).coerceString() : d;
  });
  record.inputs = inputs;
  for (const d of declared) if (d.required && !inputs[d.id]) throw new Error(`Input required and not supplied: ${d.id}`);
  const files = stepFiles(state);
  const result = await fake({
    action: name,
    inputs,
    workspace: state.options.workspace,
    runnerTemp: state.temp,
    toolCache: state.toolCache,
    permissions: state.permissions,
    env: processEnv(state, envCtx, files),
    nodeVersions: state.options.nodeVersions ?? { '20': defaultImageNode() ?? process.execPath, '24': process.execPath },
    offline: state.options.offline === true,
    lfsObjects: state.options.lfsObjects ?? new Map(),
    ...(state.options.sigstore ? { sigstore: state.options.sigstore } : {}),
    calls: state.fakeCalls,
  });
  record.exitCode = result.error ? 1 : 0;
  record.log = result.error ? `::error::${result.error}\n` : '';
  for (const w of result.warnings ?? []) record.log += `::warning::${w}\n`;
  if (result.addPath) writeFileSync(files.path, `${result.addPath.join('\n')}\n`);
  if (result.outputs)
    writeFileSync(
      files.output,
      Object.entries(result.outputs)
        .map(([k, v]) => `${k}<<EOF_${k}\n${v}\nEOF_${k}\n`)
        .join(''),
    );
  collect(state, files, record);
  return !result.error;
}
