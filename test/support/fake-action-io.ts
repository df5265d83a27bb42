import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ActionIO } from '@trustgate/action-kit';
import { CoreError, type Finding } from '@trustgate/core';

/**
 * An ActionIO for a gate's unit tests: inputs from a map read as the runner reads them (empty means unset, booleans
 * and lists parsed), everything the gate writes captured. The local runner (test/support/runner) runs the real edge.
 */
export function fakeActionIO(inputs: Record<string, string>, options: { workspace: string; env?: Record<string, string>; disk?: boolean }) {
  const outputs: Record<string, string> = {};
  const annotations: { finding: Finding; file: string }[] = [];
  const files: Record<string, string> = {};
  const summaries: string[] = [];
  const warnings: string[] = [];
  const temp = mkdtempSync(join(tmpdir(), 'tg-action-'));
  const get = (n: string) => inputs[n] ?? '';
  const io: ActionIO = {
    input: get,
    requiredInput: (n) => {
      if (get(n) === '') throw new CoreError('USAGE_ERROR', `input "${n}" is required and was not given`);
      return get(n);
    },
    booleanInput: (n, fallback) => {
      const raw = get(n).trim().toLowerCase();
      if (raw === '') return fallback;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new CoreError('USAGE_ERROR', `input "${n}" must be true or false, got "${raw}"`);
    },
    listInput: (n) =>
      get(n)
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    output: (n, v) => {
      outputs[n] = String(v);
    },
    summary: async (m) => {
      summaries.push(m);
    },
    summaryBudget: () => 1024 * 1024 - summaries.join('').length,
    annotate: (finding, file) => annotations.push({ finding, file }),
    writeFile: async (p, c) => {
      files[p] = c;
      if (options.disk) {
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, c);
      }
    },
    info: () => {},
    warning: (m) => warnings.push(m),
    workspace: options.workspace,
    env: { RUNNER_TEMP: temp, ...options.env },
  };
  return { io, outputs, annotations, files, warnings, temp, summaries, summary: () => summaries.join('') };
}
