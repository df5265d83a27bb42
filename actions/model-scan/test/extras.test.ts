import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { modelScan } from '@trustgate/action-model-scan';
import { fakeActionIO } from '../../../test/support/fake-action-io.js';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/model-formats');

function runnerWith(inputs: Record<string, string>) {
  const f = fakeActionIO(inputs, { workspace: EXAMPLES });
  return { io: f.io, written: { get: (path: string) => f.files[path] } };
}

describe('model-scan action: mlbom and sources inputs', () => {
  test('mlbom writes a CycloneDX 1.6 ML-BOM of the scanned models', async () => {
    const { io, written } = runnerWith({ path: 'models/benign', mlbom: 'mlbom.json' });
    expect((await modelScan(io)).failed).toBe(false);
    const bom = JSON.parse(written.get(join(EXAMPLES, 'mlbom.json')) ?? '{}');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components.map((c: { type: string }) => c.type)).toEqual(Array(4).fill('machine-learning-model'));
  });

  test('sources blocks on model references outside the policy allowlist', async () => {
    const { io } = runnerWith({ path: 'app', policy: 'trustgate.yml', sources: 'true' });
    const outcome = await modelScan(io);
    expect(outcome).toMatchObject({ failed: true });
    expect(outcome.failed && outcome.reason).toContain('app/train.py (unsafe)');
  });
});
