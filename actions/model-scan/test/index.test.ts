import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { modelScan } from '@trustgate/action-model-scan';
import { fakeActionIO } from '../../../test/support/fake-action-io.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../packages/scanner/test/fixtures');

const fakeIO = (inputs: Record<string, string>) => fakeActionIO(inputs, { workspace: FIXTURES });

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
      'scan-report': join(f.temp, 'trustgate-model-scan.json'),
    });
    expect(f.summary()).toContain('2 files: 2 safe, 0 review, 0 unsafe, 0 error');
    expect(f.summary()).toContain('| pytorch-zip | 1 |');
    const sarif = JSON.parse(f.files[join(FIXTURES, 'out.sarif')] as string);
    expect(sarif.version).toBe('2.1.0');
    expect(f.annotations).toEqual([]);
  });

  test('a malicious model fails the step, annotates the file and writes a Statement', async () => {
    const f = fakeIO({ path: 'malicious/os_system_p4.pkl, benign/array.npy', 'scan-statement': 'scan.intoto.json' });
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
    expect((await modelScan(fakeIO({ path: 'review/torchscript.pt', 'fail-on': 'review' }).io)).failed).toBe(true);
    expect((await modelScan(fakeIO({ path: 'review/torchscript.pt', 'fail-on': 'unsafe,error' }).io)).failed).toBe(false);
    await expect(modelScan(fakeIO({ path: 'benign/array.npy', 'fail-on': 'bad' }).io)).rejects.toMatchObject({ code: 'USAGE_ERROR' });
    await expect(modelScan(fakeIO({ path: '' }).io)).rejects.toMatchObject({ code: 'USAGE_ERROR' });
  });
});
