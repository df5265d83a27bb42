import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { ActionIO } from '@trustgate/action-kit';
import { promotionGate } from '@trustgate/action-promotion-gate';
import { createKit, POLICY_YAML, SUBJECT } from '../../../packages/gate/test/support/evidence-kit.js';

let dir: string;

beforeAll(async () => {
  const kit = await createKit();
  dir = await mkdtemp(join(tmpdir(), 'trustgate-promotion-action-'));
  await writeFile(join(dir, 'trustgate.yml'), POLICY_YAML);
  await writeFile(join(dir, 'root.json'), JSON.stringify(kit.sigstore.trustedRoot));
  const signed = await kit.signStaging();
  // One JSON Lines file, as `gh attestation download` writes.
  await writeFile(join(dir, 'evidence.jsonl'), signed.map((s) => JSON.stringify(s.document)).join('\n'));
});

function fakeIO(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const summaries: string[] = [];
  const io: ActionIO = {
    input: (n) => inputs[n] ?? '',
    requiredInput: (n) => {
      const v = inputs[n];
      if (!v) throw new Error(`Input required and not supplied: ${n}`);
      return v;
    },
    booleanInput: (n, fallback) => (inputs[n] === undefined ? fallback : inputs[n] === 'true'),
    listInput: (n) => (inputs[n] ?? '').split('\n').filter((s) => s !== ''),
    output: (n, v) => {
      outputs[n] = String(v);
    },
    summary: async (md) => {
      summaries.push(md);
    },
    annotate: () => {},
    writeFile: async (p, c) => {
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, c);
    },
    info: () => {},
    workspace: dir,
    env: { RUNNER_TEMP: dir },
  };
  return { io, outputs, summaries };
}

const inputs = (environment: string, extra: Record<string, string> = {}) => ({
  environment,
  'subject-digest': `sha256:${SUBJECT}`,
  policy: 'trustgate.yml',
  evidence: 'evidence.jsonl',
  'trusted-root': 'root.json',
  ...extra,
});

describe('promotion-gate action', () => {
  test('a pass sets the outputs the attest step needs and writes a summary table', async () => {
    const { io, outputs, summaries } = fakeIO(inputs('staging'));
    await expect(promotionGate(io)).resolves.toEqual({ failed: false });
    expect(outputs).toMatchObject({ decision: 'pass', 'subject-digest': `sha256:${SUBJECT}`, 'subject-name': `sha256:${SUBJECT}` });
    const predicate = JSON.parse(await readFile(outputs.predicate as string, 'utf8'));
    expect(predicate).toMatchObject({ verificationResult: 'PASSED', environment: 'staging' });
    expect(summaries[0]).toContain('| scan | ✅ met |');
  });

  test('a fail fails the step naming what blocks; dry-run reports without failing', async () => {
    const { io } = fakeIO(inputs('production'));
    const outcome = await promotionGate(io);
    expect(outcome.failed).toBe(true);
    expect(outcome.reason).toBe(
      `trustgate: promotion of sha256:${SUBJECT} to production blocked by promotion:staging, approvals, risk-tier`,
    );
    const dry = fakeIO(inputs('production', { 'dry-run': 'true' }));
    await expect(promotionGate(dry.io)).resolves.toEqual({ failed: false });
    expect(dry.outputs.decision).toBe('fail');
  });

  test('subject-path is hashed into the digest and named', async () => {
    await writeFile(join(dir, 'model.safetensors'), 'model.safetensors v1');
    const { io, outputs } = fakeIO({ ...inputs('staging', { 'subject-path': 'model.safetensors' }), 'subject-digest': '' });
    await promotionGate(io);
    expect(outputs).toMatchObject({ decision: 'pass', 'subject-name': 'model.safetensors', 'subject-digest': `sha256:${SUBJECT}` });
  });
});
