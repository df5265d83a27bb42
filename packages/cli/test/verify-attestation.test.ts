import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../../../test/support/cli.js';
import { sigstoreData } from '../../../test/support/sigstore-data.js';

/** GitHub artifact-attestation samples from cli/cli, verified with gh's flag semantics. */
const data = sigstoreData();
const gh = (f: string) => path.join(data as string, 'gh-attestations', f);
const SIGSTORE_JS =
  'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f';
const REUSABLE = 'sha256:49a3aa6075e0f49f82843e74b5baa614ad2a588e6675612bf108a0a008c5ac25';
const WHEEL = 'sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b';

async function verify(bundle: string, subject: string, ...flags: string[]) {
  return runCli(['verify-attestation', subject, '--bundle', gh(bundle), '--format', 'json', ...flags]);
}
const code = (r: { stdout: string }) => JSON.parse(r.stdout).errorCode;

(data ? describe : describe.skip)('verify-attestation on gh-attestations samples', () => {
  test.each(['sigstore-js-2.1.0-bundle.json', 'sigstore-js-2.1.0-bundle-v0.1.json', 'sigstore-js-2.1.0_with_2_bundles.jsonl'])(
    '%s verifies for owner sigstore and its release workflow',
    async (bundle) => {
      const r = await verify(
        bundle,
        SIGSTORE_JS,
        '--owner',
        'sigstore',
        '--signer-workflow',
        'sigstore/sigstore-js/.github/workflows/release.yml',
      );
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).signer.subjectAlternativeName).toBe(
        'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
      );
    },
  );
  test('--repo and an exact workflow ref verify', async () => {
    const r = await verify(
      'sigstore-js-2.1.0-bundle.json',
      SIGSTORE_JS,
      '--repo',
      'sigstore/sigstore-js',
      '--signer-workflow',
      'sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
    );
    expect(r.code).toBe(0);
  });
  test.each([
    ['wrong owner', ['--owner', 'sigstore-evil']],
    ['wrong repo', ['--repo', 'sigstore/sigstore-python']],
    ['suffix trick on the workflow file', ['--owner', 'sigstore', '--signer-workflow', 'sigstore/sigstore-js/.github/workflows/release']],
    ['workflow with a suffix', ['--owner', 'sigstore', '--signer-workflow', 'sigstore/sigstore-js/.github/workflows/release.yml.evil.yml']],
    ['ref suffix trick', ['--owner', 'sigstore', '--signer-workflow', 'sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/mai']],
    ['wrong ref', ['--owner', 'sigstore', '--signer-workflow', 'sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main-evil']],
  ])('%s is IDENTITY_MISMATCH', async (_name, flags) => {
    const r = await verify('sigstore-js-2.1.0-bundle.json', SIGSTORE_JS, ...flags);
    expect([r.code, code(r)]).toEqual([1, 'IDENTITY_MISMATCH']);
  });
  test('a different subject digest is DIGEST_MISMATCH', async () => {
    const r = await verify('sigstore-js-2.1.0-bundle.json', `sha512:${'0'.repeat(128)}`, '--owner', 'sigstore');
    expect([r.code, code(r)]).toEqual([1, 'DIGEST_MISMATCH']);
  });
  test('a predicate type filter that does not match is PREDICATE_TYPE_MISMATCH', async () => {
    const r = await verify(
      'sigstore-js-2.1.0-bundle.json',
      SIGSTORE_JS,
      '--owner',
      'sigstore',
      '--predicate-type',
      'https://spdx.dev/Document/v2.3',
    );
    expect([r.code, code(r)]).toEqual([1, 'PREDICATE_TYPE_MISMATCH']);
  });
  test('reusable workflow: needs --signer-workflow naming the reusable workflow', async () => {
    const denied = await verify('reusable-workflow-attestation.sigstore.json', REUSABLE, '--owner', 'malancas');
    expect([denied.code, code(denied)]).toEqual([1, 'IDENTITY_MISMATCH']);
    const ok = await verify(
      'reusable-workflow-attestation.sigstore.json',
      REUSABLE,
      '--owner',
      'malancas',
      '--signer-workflow',
      'github/artifact-attestations-workflows/.github/workflows/attest.yml',
    );
    expect(ok.code).toBe(0);
  });
  test('enterprise custom issuer verifies only when that issuer is named', async () => {
    const artifact = gh('custom-issuer-artifact');
    const bundle = [
      '--bundle',
      gh('custom-issuer.sigstore.json'),
      '--owner',
      'too-legit',
      '--format',
      'json',
      '--predicate-type',
      'https://slsa.dev/provenance/v1',
    ];
    const denied = await runCli(['verify-attestation', artifact, ...bundle]);
    expect([denied.code, code(denied)]).toEqual([1, 'IDENTITY_MISMATCH']);
    const ok = await runCli([
      'verify-attestation',
      artifact,
      ...bundle,
      '--cert-oidc-issuer',
      'https://token.actions.githubusercontent.com/hammer-time',
    ]);
    expect(ok.code).toBe(0);
  });
  test('--statement writes the in-toto verification Statement for the gate', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const out = path.join(mkdtempSync(path.join((await import('node:os')).tmpdir(), 'tg-st-')), 'verification.json');
    const issuer = 'https://token.actions.githubusercontent.com/hammer-time';
    const r = await runCli([
      'verify-attestation',
      gh('custom-issuer-artifact'),
      '--bundle',
      gh('custom-issuer.sigstore.json'),
      '--owner',
      'too-legit',
      '--cert-oidc-issuer',
      issuer,
      '--statement',
      out,
    ]);
    expect(r.code).toBe(0);
    const statement = JSON.parse(readFileSync(out, 'utf8'));
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { sha256: 'afa27b44d43b02a9fea41d13cedc2e4016cfcf87c5dbf990e593669aa8ce286d' } }],
      predicateType: 'https://trustgate.dev/verification/v1',
      predicate: {
        kind: 'attestation',
        verified: true,
        signer: {
          kind: 'certificate',
          identity: 'https://github.com/too-legit/attest/.github/workflows/integration.yml@refs/heads/main',
          issuer,
        },
      },
    });
  });
  test("GitHub's own instance: the root is chosen by the certificate's issuer among several", async () => {
    const roots = path.join(data as string, 'trusted-roots');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'tg-roots-'));
    const jsonl = path.join(dir, 'roots.jsonl');
    const line = (f: string) => JSON.stringify(JSON.parse(readFileSync(path.join(roots, f), 'utf8')));
    writeFileSync(jsonl, `${line('public-good.production.json')}\n${line('github.2023-10_2024-05.subset.json')}\n`);
    const r = await verify('github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl', WHEEL, '--owner', 'actions', '--trusted-root', jsonl);
    expect(r.code).toBe(0);
    const missing = await verify(
      'github_provenance_demo-0.0.12-py3-none-any-bundle-missing-cert.jsonl',
      WHEEL,
      '--owner',
      'actions',
      '--trusted-root',
      jsonl,
    );
    expect([missing.code, code(missing)]).toEqual([2, 'BUNDLE_INVALID']);
  });
  test('an invalid signature fails in the log body check', async () => {
    const r = await runCli([
      'verify-bundle',
      '--bundle',
      gh('sigstoreBundle-invalid-signature.json'),
      '--certificate-identity',
      'brian@dehamer.com',
      '--certificate-oidc-issuer',
      'https://github.com/login/oauth',
      `sha256:${'0'.repeat(64)}`,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    expect(['TLOG_INVALID', 'STATEMENT_INVALID', 'SIGNATURE_INVALID']).toContain(code(r));
  });
});
