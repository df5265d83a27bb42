import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { promotionGate } from '@trustgate/action-promotion-gate';
import { fakeActionIO } from '../../../test/support/fake-action-io.js';
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

const fakeIO = (inputs: Record<string, string>) => fakeActionIO(inputs, { workspace: dir, env: { RUNNER_TEMP: dir }, disk: true });

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
