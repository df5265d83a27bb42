import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import type { ActionIO } from '@trustgate/action-kit';
import { modelScan } from '@trustgate/action-model-scan';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/model-formats');

/** Only what the mlbom and sources inputs touch; everything else is inert. */
function runnerWith(inputs: Record<string, string>): { io: ActionIO; written: Map<string, string> } {
  const written = new Map<string, string>();
  const io = {
    input: (n: string) => inputs[n] ?? '',
    requiredInput: (n: string) => inputs[n] ?? '',
    booleanInput: (n: string, fallback: boolean) => (inputs[n] === undefined ? fallback : inputs[n] === 'true'),
    listInput: (n: string) => (inputs[n] ?? '').split('\n').filter(Boolean),
    output: () => {},
    summary: async () => {},
    annotate: () => {},
    writeFile: async (p: string, c: string) => void written.set(p, c),
    info: () => {},
    workspace: EXAMPLES,
    env: { RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'tg-action-')) },
  } satisfies ActionIO;
  return { io, written };
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
