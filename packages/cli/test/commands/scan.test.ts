import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { PREDICATE_TYPES } from '@trustgate/core';
import { runCli } from '../../../../test/support/cli.js';
import { sarifValidator } from '../../../../test/support/sarif-schema.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scanner/test/fixtures');

function run(args: string[], cwd = FIXTURES) {
  return runCli(['scan', ...args], { cwd });
}

describe('trustgate scan', () => {
  test('a benign checkpoint exits 0 with the JSON contract shape', async () => {
    const r = await run(['benign/state_dict.pt', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['version', 'files', 'summary']);
    expect(json.files).toHaveLength(1);
    expect(json.files[0]).toMatchObject({ path: 'benign/state_dict.pt', format: 'pytorch-zip', verdict: 'safe', findings: [] });
    expect(json.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.summary).toMatchObject({ files: 1, safe: 1, verdict: 'safe', blocking: false });
  });

  test('a directory is walked in a stable order with PATH/relative paths, and a malicious file exits 1', async () => {
    const r = await run(['malicious/', '--format', 'json']);
    expect(r.code).toBe(1);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    expect(paths[0]).toBe('malicious/cloudpickle_lambda.pkl');
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('malicious/state_dict_evil.pt');
  });

  test('text output names the rule and the verdict', async () => {
    const r = await run(['malicious/os_system_p0.pkl']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^UNSAFE malicious\/os_system_p0\.pkl \[pickle\]/);
    expect(r.stdout).toContain('TG-PKL-001');
  });

  test('sarif output carries the rule descriptors', async () => {
    const r = await run(['bypass/archive.7z', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['TG-PKL-001']);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'TG-PKL-001', level: 'error' });
  });

  test('sarif output of a whole fixture tree validates against the SARIF 2.1.0 schema', async () => {
    const r = await run(['.', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const validate = sarifValidator();
    const sarif = JSON.parse(r.stdout);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    expect(sarif.runs[0].results.length).toBeGreaterThan(50);
  });

  test('a review verdict blocks under the default policy, and not when the policy leaves review out', async () => {
    expect((await run(['review/torchscript.pt'])).code).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'tg-scan-'));
    writeFileSync(join(dir, 'policy.yml'), 'version: 1\nscan:\n  failOn: [unsafe, error]\n');
    expect((await run(['review/torchscript.pt', '--policy', join(dir, 'policy.yml')])).code).toBe(0);
    // A stock torch.nn module pickled whole is on the safe list (torch-extension in docs/scanner.md).
    const whole = await run(['review/whole_module.pt', '--format', 'json']);
    expect([whole.code, JSON.parse(whole.stdout).files[0].verdict]).toEqual([0, 'safe']);
  });

  test('--out and --statement write the report and an in-toto Statement over each file digest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tg-scan-'));
    const r = await run([
      'benign/array.npy',
      'malicious/evil.joblib',
      '--format',
      'json',
      '--out',
      join(dir, 'r.json'),
      '--statement',
      join(dir, 's.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    const statement = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(statement.predicateType).toBe(PREDICATE_TYPES.scan);
    expect(statement.subject).toEqual(
      report.files.map((f: { path: string; sha256: string }) => ({ name: f.path, digest: { sha256: f.sha256 } })),
    );
    expect(statement.predicate.summary).toEqual(report.summary);
    expect(statement.predicate.files.map((f: { verdict: string }) => f.verdict)).toEqual(['safe', 'unsafe']);
  });

  test('usage, missing paths and bad policies exit 2 with a code', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['x', '--format', 'xml'])).code).toBe(2);
    expect((await run(['x', '--mlbom', 'b.json'])).code).toBe(2);
    const missing = await run(['no/such/file.pt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /cannot read no\/such\/file\.pt: no such file or directory; check the path \(code SCAN_PATH_NOT_FOUND\)/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'tg-scan-'));
    writeFileSync(join(dir, 'bad.yml'), 'version: 1\nscan:\n  failOn: [maybe]\n');
    const bad = await run(['benign/array.npy', '--policy', join(dir, 'bad.yml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.yml:3:');
  });
});
