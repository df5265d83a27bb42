import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import type { ActionIO } from '@trustgate/action-kit';
import { modelScan } from '@trustgate/action-model-scan';
import type { Finding } from '@trustgate/core';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../packages/scanner/test/fixtures');

function fakeIO(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const annotations: { finding: Finding; file: string }[] = [];
  const files: Record<string, string> = {};
  let summary = '';
  const temp = mkdtempSync(join(tmpdir(), 'tg-action-'));
  const io: ActionIO = {
    input: (n) => inputs[n] ?? '',
    requiredInput: (n) => inputs[n] ?? '',
    booleanInput: (_n, f) => f,
    listInput: (n) =>
      (inputs[n] ?? '')
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    output: (n, v) => {
      outputs[n] = String(v);
    },
    summary: async (m) => {
      summary += m;
    },
    annotate: (finding, file) => annotations.push({ finding, file }),
    writeFile: async (p, c) => {
      files[p] = c;
    },
    info: () => {},
    workspace: FIXTURES,
    env: { RUNNER_TEMP: temp },
  };
  return { io, outputs, annotations, files, summary: () => summary, temp };
}

describe('model-scan action', () => {
  test('benign models pass with outputs, a summary table and SARIF', async () => {
    const f = fakeIO({ path: 'benign/state_dict.pt\nbenign/arrays.joblib', sarif: 'out.sarif', 'fail-on': 'unsafe,error' });
    const outcome = await modelScan(f.io);
    expect(outcome).toEqual({ failed: false });
    expect(f.outputs).toEqual({
      verdict: 'safe',
      'finding-verdict': 'safe',
      completeness: 'complete',
      'unsafe-count': '0',
      'incomplete-count': '0',
      report: join(f.temp, 'trustgate-model-scan.json'),
    });
    expect(f.summary()).toContain('| `benign/state_dict.pt` | pytorch-zip | ✅ safe | 0 |');
    const sarif = JSON.parse(f.files[join(FIXTURES, 'out.sarif')] as string);
    expect(sarif.version).toBe('2.1.0');
    expect(f.annotations).toEqual([]);
  });

  test('a malicious model fails the step, annotates the file and writes a Statement', async () => {
    const f = fakeIO({ path: 'malicious/os_system_p4.pkl, benign/array.npy', statement: 'scan.intoto.json' });
    const outcome = await modelScan(f.io);
    expect(outcome.failed).toBe(true);
    expect(outcome.reason).toContain('malicious/os_system_p4.pkl (unsafe)');
    expect(f.outputs.verdict).toBe('unsafe');
    expect(f.outputs['unsafe-count']).toBe('1');
    expect(f.annotations.map((a) => [a.file, a.finding.rule])).toEqual([['malicious/os_system_p4.pkl', 'TG-PKL-001']]);
    const st = JSON.parse(f.files[join(FIXTURES, 'scan.intoto.json')] as string);
    expect(st.subject).toHaveLength(2);
    const report = JSON.parse(f.files[join(f.temp, 'trustgate-model-scan.json')] as string);
    expect(report.summary.unsafe).toBe(1);
  });

  test('fail-on review blocks a review verdict; a bad fail-on is a usage error', async () => {
    expect((await modelScan(fakeIO({ path: 'review/sklearn_logreg.joblib', 'fail-on': 'review' }).io)).failed).toBe(true);
    expect((await modelScan(fakeIO({ path: 'review/sklearn_logreg.joblib', 'fail-on': 'unsafe,error' }).io)).failed).toBe(false);
    await expect(modelScan(fakeIO({ path: 'benign/array.npy', 'fail-on': 'bad' }).io)).rejects.toMatchObject({ code: 'USAGE_ERROR' });
    await expect(modelScan(fakeIO({ path: '' }).io)).rejects.toMatchObject({ code: 'USAGE_ERROR' });
  });
});
