import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../../../test/support/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('trustgate scan --mlbom / --sources', () => {
  it('writes a CycloneDX ML-BOM next to the report', async () => {
    const bom = path.join(mkdtempSync(path.join(tmpdir(), 'tg-mlbom-')), 'bom.json');
    const { code } = await runCli(['scan', 'examples/model-formats/models/benign', '--mlbom', bom, '--format', 'json'], { cwd: ROOT });
    expect(code).toBe(0);
    const doc = JSON.parse(readFileSync(bom, 'utf8'));
    expect([doc.bomFormat, doc.specVersion]).toEqual(['CycloneDX', '1.6']);
    expect(doc.components.map((c: { name: string }) => c.name)).toEqual(['keras', 'llm', 'saved_model', 'vision']);
  });

  it('reports model references outside the allowlist with file and line, and blocks', async () => {
    const { code, stdout } = await runCli(
      ['scan', 'examples/model-formats/app', '--sources', '--policy', 'examples/model-formats/trustgate.yml', '--format', 'json'],
      { cwd: ROOT },
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const rows = report.files.flatMap((f: { findings: { rule: string; location?: { path: string; line?: number } }[] }) =>
      f.findings.filter((x) => x.rule.startsWith('TG-SRC')).map((x) => [x.rule, x.location?.path, x.location?.line]),
    );
    expect(rows).toEqual([
      ['TG-SRC-001', 'examples/model-formats/app/serve.yaml', 2],
      ['TG-SRC-001', 'examples/model-formats/app/train.py', 5],
      ['TG-SRC-002', 'examples/model-formats/app/train.py', 8],
    ]);
  });
});
