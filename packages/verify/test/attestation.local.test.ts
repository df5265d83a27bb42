import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { buildStatement, PREDICATE_TYPES, type SignerIdentity } from '@trustgate/core';
import { artifactFromBytes, artifactFromDigest, parsePublicKey, VerifyError, verifyAttestationBundle, verifyBlob } from '@trustgate/verify';
import { createLocalSigstore } from '../../../test/support/sigstore-signer.js';

const sigstore = await createLocalSigstore();
const SHA = 'a'.repeat(64);
const statement = buildStatement([{ name: 'app.tgz', digest: { sha256: SHA } }], PREDICATE_TYPES.slsaProvenance, { buildDefinition: {} });
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const github = {
  buildSignerUri: WORKFLOW,
  runnerEnvironment: 'github-hosted' as const,
  sourceRepositoryUri: 'https://github.com/acme/app',
  sourceRepositoryRef: 'refs/heads/main',
  sourceRepositoryOwnerUri: 'https://github.com/acme',
};
const signer: SignerIdentity = { identity: WORKFLOW, issuer: ISSUER, runnerEnvironment: 'github-hosted' };

describe('verifyAttestationBundle with the local signing kit', () => {
  test('returns the statement and the signer claims', async () => {
    const bundle = await sigstore.signAttestation(statement, { identity: WORKFLOW, issuer: ISSUER, github });
    const result = await verifyAttestationBundle(bundle, {
      subjectDigest: `sha256:${SHA}`,
      signers: [signer],
      trustedRoot: sigstore.trustedRoot,
    });
    expect(result.statement).toEqual(statement);
    expect(result.signer).toMatchObject({
      subjectAlternativeName: WORKFLOW,
      issuer: ISSUER,
      sourceRepositoryUri: 'https://github.com/acme/app',
    });
  });
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return { code: (err as VerifyError).code, message: (err as Error).message };
  }
  throw new Error('expected verification to fail');
}

describe('local fixtures: what must not verify', () => {
  const signed = sigstore.signAttestation(statement, { identity: WORKFLOW, issuer: ISSUER, github });
  const options = { subjectDigest: `sha256:${SHA}`, trustedRoot: sigstore.trustedRoot };

  test('another identity is IDENTITY_MISMATCH, worded expected vs got', async () => {
    const other = { ...signer, identity: 'https://github.com/acme/app/.github/workflows/other.yml@refs/heads/main' };
    const f = await failure(verifyAttestationBundle(await signed, { ...options, signers: [other] }));
    expect(f.code).toBe('IDENTITY_MISMATCH');
    expect(f.message).toContain(`expected ${other.identity}, got ${WORKFLOW}`);
  });
  test('a regexp is anchored: a substring match is not enough', async () => {
    const f = await failure(
      verifyAttestationBundle(await signed, {
        ...options,
        signers: [{ identityRegexp: 'acme/app', issuer: ISSUER, runnerEnvironment: 'any' }],
      }),
    );
    expect(f.code).toBe('IDENTITY_MISMATCH');
    const ok = await verifyAttestationBundle(await signed, {
      ...options,
      signers: [{ identityRegexp: 'https://github\\.com/acme/app/.+', issuer: ISSUER, runnerEnvironment: 'any' }],
    });
    expect(ok.signer.subjectAlternativeName).toBe(WORKFLOW);
  });
  test('another issuer is IDENTITY_MISMATCH', async () => {
    const f = await failure(
      verifyAttestationBundle(await signed, { ...options, signers: [{ ...signer, issuer: 'https://accounts.google.com' }] }),
    );
    expect(f.code).toBe('IDENTITY_MISMATCH');
  });
  test('no accepted signer is a refusal', async () => {
    expect((await failure(verifyAttestationBundle(await signed, { ...options, signers: [] }))).code).toBe('POLICY_MISSING');
  });
  test('a self-hosted runner is denied by default', async () => {
    const selfHosted = await sigstore.signAttestation(statement, {
      identity: WORKFLOW,
      issuer: ISSUER,
      github: { ...github, runnerEnvironment: 'self-hosted' },
    });
    const f = await failure(verifyAttestationBundle(selfHosted, { ...options, signers: [signer] }));
    expect(f).toEqual({
      code: 'IDENTITY_MISMATCH',
      message: expect.stringContaining('runnerEnvironment: expected github-hosted, got self-hosted'),
    });
  });
  test('a source repository claim that differs is IDENTITY_MISMATCH', async () => {
    const f = await failure(
      verifyAttestationBundle(await signed, { ...options, signers: [{ ...signer, sourceRepository: 'acme/other' }] }),
    );
    expect(f.code).toBe('IDENTITY_MISMATCH');
  });
  test('a certificate that expired before the log entry is CERTIFICATE_INVALID', async () => {
    const late = await sigstore.signAttestation(statement, { identity: WORKFLOW, issuer: ISSUER, github, logDelayMs: 20 * 60_000 });
    expect((await failure(verifyAttestationBundle(late, { ...options, signers: [signer] }))).code).toBe('CERTIFICATE_INVALID');
  });
  test('a tampered payload does not verify', async () => {
    const bundle = structuredClone(await signed) as { dsseEnvelope: { payload: string } };
    const evil = { ...statement, subject: [{ name: 'evil.tgz', digest: { sha256: SHA } }] };
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(evil)).toString('base64');
    expect((await failure(verifyAttestationBundle(bundle, { ...options, signers: [signer] }))).code).toBe('TLOG_INVALID');
  });
  test('another subject digest is DIGEST_MISMATCH', async () => {
    const f = await failure(
      verifyAttestationBundle(await signed, { ...options, subjectDigest: `sha256:${'b'.repeat(64)}`, signers: [signer] }),
    );
    expect(f.code).toBe('DIGEST_MISMATCH');
  });
  test('the public-good root does not trust the local CA', async () => {
    expect((await failure(verifyAttestationBundle(await signed, { subjectDigest: `sha256:${SHA}`, signers: [signer] }))).code).toBe(
      'CERTIFICATE_INVALID',
    );
  });
});

describe('blobs signed locally', () => {
  const data = Buffer.from('hello trustgate\n');
  test('message signature verifies over the file and over its digest', async () => {
    const bundle = await sigstore.signBlob(data, { identity: 'dev@example.com', issuer: 'https://accounts.example.com' });
    const policy = {
      signers: [{ identity: 'dev@example.com', issuer: 'https://accounts.example.com', runnerEnvironment: 'github-hosted' as const }],
    };
    expect(verifyBlob(bundle, { artifact: artifactFromBytes(data, 'a'), policy, trustedRoot: sigstore.trustedRoot }).signer.kind).toBe(
      'certificate',
    );
    const digest = artifactFromDigest(`sha256:${createHash('sha256').update(data).digest('hex')}`);
    expect(verifyBlob(bundle, { artifact: digest, policy, trustedRoot: sigstore.trustedRoot }).signer.kind).toBe('certificate');
    expect(() =>
      verifyBlob(bundle, { artifact: artifactFromBytes(Buffer.from('tampered'), 'a'), policy, trustedRoot: sigstore.trustedRoot }),
    ).toThrow(VerifyError);
  });
  test('managed key verifies with --key and only with that key', async () => {
    const { bundle, publicKeyPem } = await sigstore.signBlobWithKey(data);
    const artifact = artifactFromBytes(data, 'a');
    expect(
      verifyBlob(bundle, { artifact, policy: { key: parsePublicKey(publicKeyPem) }, trustedRoot: sigstore.trustedRoot }).signer,
    ).toEqual({ kind: 'key' });
    const other = await sigstore.signBlobWithKey(data);
    expect(() =>
      verifyBlob(bundle, { artifact, policy: { key: parsePublicKey(other.publicKeyPem) }, trustedRoot: sigstore.trustedRoot }),
    ).toThrow(VerifyError);
  });
});
