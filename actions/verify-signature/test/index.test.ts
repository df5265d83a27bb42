import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { verifySignature } from '@trustgate/action-verify-signature';
import { fakeActionIO } from '../../../test/support/fake-action-io.js';
import { createLocalSigstore } from '../../../test/support/sigstore-signer.js';

function fakeIO(workspace: string, inputs: Record<string, string>) {
  const f = fakeActionIO(inputs, { workspace, disk: true });
  return { io: f.io, outputs: f.outputs, summary: f.summary };
}

const sigstore = await createLocalSigstore();
const ws = mkdtempSync(path.join(tmpdir(), 'tg-action-'));
writeFileSync(path.join(ws, 'root.json'), JSON.stringify(sigstore.trustedRoot));
writeFileSync(path.join(ws, 'app.tgz'), 'release bytes');
const bundle = await sigstore.signBlob(Buffer.from('release bytes'), { identity: 'release@acme.dev', issuer: 'https://accounts.acme.dev' });
writeFileSync(path.join(ws, 'app.tgz.sigstore.json'), JSON.stringify(bundle));
const base = {
  mode: 'blob',
  subject: 'app.tgz',
  bundle: 'app.tgz.sigstore.json',
  'trusted-root': 'root.json',
  'certificate-oidc-issuer': 'https://accounts.acme.dev',
};

describe('verify-signature action', () => {
  test('blob mode: verified, signer identity, statement, summary', async () => {
    const f = fakeIO(ws, { ...base, 'certificate-identity': 'release@acme.dev', 'verification-statement': 'verification.json' });
    expect(await verifySignature(f.io)).toEqual({ failed: false });
    expect(f.outputs).toEqual({ verified: 'true', 'signer-identity': 'release@acme.dev', 'error-code': '' });
    const statement = JSON.parse(readFileSync(path.join(ws, 'verification.json'), 'utf8'));
    expect(statement.predicateType).toBe('https://trustgate.dev/verification/v1');
    expect(f.summary()).toContain('verified');
  });
  test('a wrong identity fails the step with IDENTITY_MISMATCH', async () => {
    const f = fakeIO(ws, { ...base, 'certificate-identity': 'someone@acme.dev' });
    const outcome = await verifySignature(f.io);
    expect(outcome.failed).toBe(true);
    expect(f.outputs).toEqual({ verified: 'false', 'error-code': 'IDENTITY_MISMATCH' });
  });
  test('no identity and no key fails the step', async () => {
    const f = fakeIO(ws, base);
    expect((await verifySignature(f.io)).failed).toBe(true);
    expect(f.outputs['error-code']).toBe('POLICY_MISSING');
  });
});
