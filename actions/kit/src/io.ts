import { appendFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import * as core from '@actions/core';
import { CoreError, describeError, type Finding, STEP_SUMMARY_LIMIT, type Severity, writeFileAtomic } from '@trustgate/core';

/**
 * The only place an action touches the runner: inputs in, outputs, summary, annotations and files out.
 * Gates below take plain values, so the same engine runs in a test, the CLI and the App.
 */
export interface ActionIO {
  input(name: string): string;
  /** The input, or a USAGE_ERROR naming it when it is empty. */
  requiredInput(name: string): string;
  booleanInput(name: string, fallback: boolean): boolean;
  listInput(name: string): string[];
  output(name: string, value: string | number | boolean): void;
  summary(markdown: string): Promise<void>;
  /** Bytes the step may still add to its summary before GitHub drops all of it. */
  summaryBudget(): number;
  /** One finding as an annotation on a file (workspace-relative); GitHub's per-step limits are applied here. */
  annotate(finding: Finding, file: string): void;
  writeFile(path: string, content: string): Promise<void>;
  info(message: string): void;
  /** A warning annotation: something did not happen (a refused write), and the verdict stands. */
  warning(message: string): void;
  workspace: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Called once after the gates of a step ran: reports what the annotation limits left out. */
  finish?(): void;
}

// GitHub shows 10 error, 10 warning and 10 notice annotations per step and drops the rest silently. Kept free:
// two errors (the step's own failure message and the runner's "Process completed with exit code 1"), a warning
// (a refused write) and a notice (the count of what was left out).
const SHOWN: Record<'error' | 'warning' | 'notice', number> = { error: 8, warning: 9, notice: 9 };
const LEVEL: Record<Severity, 'error' | 'warning' | 'notice' | undefined> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: undefined,
};
// Leave room under GitHub's 1 MiB for what other steps' tools append to the same summary file.
const SUMMARY_MARGIN = 16 * 1024;

function usage(name: string, what: string): CoreError {
  return new CoreError('USAGE_ERROR', `input "${name}" ${what}; see the action's inputs`);
}

export function runnerIO(env: Readonly<Record<string, string | undefined>> = process.env): ActionIO {
  const shown = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const written = () => {
    try {
      return summaryFile ? statSync(summaryFile).size : 0;
    } catch {
      return 0;
    }
  };
  const onDisk = (file: string) => {
    const rel = isAbsolute(file) ? relative(workspace, file) : file.replace(/^\.\//, '');
    return rel.startsWith('..') ? file : rel;
  };
  return {
    input: (name) => core.getInput(name),
    requiredInput: (name) => {
      const value = core.getInput(name);
      if (value === '') throw usage(name, 'is required and was not given');
      return value;
    },
    booleanInput: (name, fallback) => {
      const raw = core.getInput(name).trim().toLowerCase();
      if (raw === '') return fallback;
      if (['true', 'yes', '1'].includes(raw)) return true;
      if (['false', 'no', '0'].includes(raw)) return false;
      throw usage(name, `must be true or false, got "${raw}"`);
    },
    listInput: (name) =>
      core
        .getInput(name)
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    output: (name, value) => core.setOutput(name, String(value)),
    summary: async (markdown) => {
      if (!summaryFile) return;
      appendFileSync(summaryFile, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    },
    summaryBudget: () => Math.max(0, STEP_SUMMARY_LIMIT - SUMMARY_MARGIN - written()),
    annotate: (finding, file) => {
      const level = LEVEL[finding.severity];
      if (level === undefined) return;
      if (shown[level] >= SHOWN[level]) {
        dropped++;
        return;
      }
      shown[level]++;
      const props = { title: `${finding.rule} (${finding.severity})`, file: onDisk(file), startLine: finding.location?.line ?? 1 };
      if (level === 'error') core.error(finding.message, props);
      else if (level === 'warning') core.warning(finding.message, props);
      else core.notice(finding.message, props);
    },
    writeFile: async (path, content) => {
      await mkdir(dirname(path), { recursive: true });
      // Reports, SARIF and statements that later steps read (upload-sarif, attest): whole or not at all.
      await writeFileAtomic(path, content);
    },
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    workspace,
    env,
    finish: () => {
      if (dropped > 0)
        core.notice(
          `trustgate: ${dropped} more finding(s) are not annotated (GitHub shows 10 annotations of each level per step); the step summary, the JSON report and the SARIF list them all`,
        );
    },
  };
}

/** What a gate returns to the edge: whether the step fails, and why. */
export interface GateOutcome {
  failed: boolean;
  reason?: string;
}

/**
 * Run one gate as an action step. Any thrown error fails the step with its stable code and sets the
 * `error-code` output, so a workflow can branch on it; nothing that failed is reported as a pass.
 */
export async function runAction(gate: (io: ActionIO) => Promise<GateOutcome>, io: ActionIO = runnerIO()): Promise<void> {
  try {
    const outcome = await gate(io);
    if (outcome.failed) core.setFailed(outcome.reason ?? 'trustgate: the gate blocked this step');
  } catch (err) {
    const { code, message } = describeError(err);
    io.output('error-code', code);
    core.setFailed(`trustgate: ${message} (code ${code})`);
  } finally {
    io.finish?.();
  }
}
