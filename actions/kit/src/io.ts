import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as core from '@actions/core';
import { describeError, type Finding, type Severity } from '@trustgate/core';

/**
 * The only place an action touches the runner: inputs in, outputs, summary, annotations and files out.
 * Gates below take plain values, so the same engine runs in a test, the CLI and the App.
 */
export interface ActionIO {
  input(name: string): string;
  requiredInput(name: string): string;
  booleanInput(name: string, fallback: boolean): boolean;
  listInput(name: string): string[];
  output(name: string, value: string | number | boolean): void;
  summary(markdown: string): Promise<void>;
  annotate(finding: Finding, file: string): void;
  writeFile(path: string, content: string): Promise<void>;
  info(message: string): void;
  workspace: string;
  env: Readonly<Record<string, string | undefined>>;
}

const ANNOTATION_CAP = 50; // GitHub shows at most 50 annotations per step; more are dropped silently.

export function runnerIO(env: Readonly<Record<string, string | undefined>> = process.env): ActionIO {
  let annotations = 0;
  return {
    input: (name) => core.getInput(name),
    requiredInput: (name) => core.getInput(name, { required: true }),
    booleanInput: (name, fallback) => {
      const raw = core.getInput(name).trim().toLowerCase();
      if (raw === '') return fallback;
      if (['true', 'yes', '1'].includes(raw)) return true;
      if (['false', 'no', '0'].includes(raw)) return false;
      throw new Error(`input ${name} must be true or false, got "${raw}"`);
    },
    listInput: (name) =>
      core
        .getInput(name)
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    output: (name, value) => core.setOutput(name, String(value)),
    summary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    annotate: (finding, file) => {
      if (annotations++ >= ANNOTATION_CAP) return;
      const props = { title: `${finding.rule} (${finding.severity})`, file, startLine: finding.location?.line ?? 1 };
      const message = finding.message;
      if (isError(finding.severity)) core.error(message, props);
      else if (finding.severity === 'medium') core.warning(message, props);
      else core.notice(message, props);
    },
    writeFile: async (path, content) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    },
    info: (message) => core.info(message),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
  };
}

function isError(s: Severity): boolean {
  return s === 'critical' || s === 'high';
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
  }
}
