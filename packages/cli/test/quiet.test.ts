import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../../../test/support/cli.js';
import { allSpecs } from '../src/specs/index.js';

/** `--quiet` / `-q` on the commands CI logs carry: what blocks or fails stays, the all-clear lines go. */
const examples = new URL('../../../examples/', import.meta.url).pathname;
const at = (dir: string) => ({ cwd: `${examples}${dir}` });

describe('--quiet', () => {
  test('the same flag (-q, boolean) on scan, agents, gate, decisions verify and every verify command', () => {
    const quiet = allSpecs()
      .filter((s) => 'quiet' in s.options)
      .map((s) => [s.name, s.options.quiet?.type, s.options.quiet?.short]);
    expect(quiet).toEqual([
      ['scan', 'boolean', 'q'],
      ['verify-bundle', 'boolean', 'q'],
      ['verify-model', 'boolean', 'q'],
      ['verify-attestation', 'boolean', 'q'],
      ['verify-release-asset', 'boolean', 'q'],
      ['gate', 'boolean', 'q'],
      ['decisions verify', 'boolean', 'q'],
      ['agents', 'boolean', 'q'],
    ]);
  });

  test('scan: only files with findings, and the summary; same exit code', async () => {
    const full = await runCli(['scan', 'benign', 'malicious'], at('models'));
    const quiet = await runCli(['scan', '-q', 'benign', 'malicious'], at('models'));
    expect({ full: full.code, quiet: quiet.code }).toEqual({ full: 1, quiet: 1 });
    expect(full.stdout).toMatch(/^SAFE {3}benign\//m);
    expect(quiet.stdout).not.toMatch(/^SAFE/m);
    expect(quiet.stdout.match(/^UNSAFE /gm)).toHaveLength(3);
    expect(quiet.stdout.trimEnd().split('\n').at(-1)).toBe(full.stdout.trimEnd().split('\n').at(-1));
  });

  test('agents: only files that are not safe or carry findings; an all-safe tree prints the summary alone', async () => {
    const benign = await runCli(['agents', 'repos/benign', '--policy', 'policy.yml', '--quiet'], at('agents'));
    expect({ code: benign.code, stdout: benign.stdout }).toEqual({
      code: 0,
      stdout: '33 agent file(s): 33 safe, 0 review, 0 unsafe, 0 error; verdict safe\n',
    });
    const hostile = await runCli(['agents', 'repos/hostile', '--policy', 'policy.yml', '-q'], at('agents'));
    expect(hostile.code).toBe(1);
    expect(hostile.stdout).not.toMatch(/^safe /m);
    expect(hostile.stdout).toMatch(/^unsafe mcp-config +claude-mcp +\.mcp\.json$/m);
  });

  const id = ['--certificate-identity', 'release@acme.example', '--certificate-oidc-issuer', 'https://accounts.acme.example'];
  const root = ['--trusted-root', 'trusted_root.json'];
  test('verify-bundle: nothing when verified; the failure still on stderr with exit 1', async () => {
    const ok = await runCli(
      ['verify-bundle', '-q', '--bundle', 'release.txt.sigstore.json', ...id, ...root, 'release.txt'],
      at('signatures'),
    );
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    const bad = await runCli(
      [
        'verify-bundle',
        '--quiet',
        '--bundle',
        'release.txt.sigstore.json',
        '--certificate-identity',
        'release@acme.example.evil',
        '--certificate-oidc-issuer',
        'https://accounts.acme.example',
        ...root,
        'release.txt',
      ],
      at('signatures'),
    );
    expect({ code: bad.code, stdout: bad.stdout }).toEqual({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(/^trustgate verify-bundle: the signer is not an accepted identity .*\(code IDENTITY_MISMATCH\)\n$/);
  });

  test('verify-model and verify-attestation: nothing when verified; --format json is still printed (asked for)', async () => {
    const model = await runCli(
      ['verify-model', 'model', '--signature', 'model/model.sig', '--key', 'model-signer.pub.pem', '-q'],
      at('signatures'),
    );
    expect(model).toEqual({ code: 0, stdout: '', stderr: '' });
    const attestation = await runCli(
      ['verify-attestation', 'release.txt', '--bundle', 'release.txt.intoto.sigstore.json', '--owner', 'acme', ...root, '-q'],
      at('signatures'),
    );
    expect(attestation).toEqual({ code: 0, stdout: '', stderr: '' });
    const json = await runCli(
      [
        'verify-attestation',
        'release.txt',
        '--bundle',
        'release.txt.intoto.sigstore.json',
        '--owner',
        'acme',
        ...root,
        '-q',
        '--format',
        'json',
      ],
      at('signatures'),
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ verified: true });
  });

  test('gate: nothing on a passing promotion; a failing one is printed in full with exit 1', async () => {
    const subject = `sha256:${createHash('sha256')
      .update(readFileSync(`${examples}promotion/model.bin`))
      .digest('hex')}`;
    const opts = ['--policy', 'trustgate.yml', '--trusted-root', 'trusted_root.json', '--subject', subject, '-q'];
    const staging = [
      'evidence/staging/provenance.sigstore.json',
      'evidence/staging/scan.sigstore.json',
      'evidence/staging/tests.sigstore.json',
    ];
    const pass = await runCli(['gate', ...opts, '--environment', 'staging', '--evidence', ...staging], at('promotion'));
    expect(pass).toEqual({ code: 0, stdout: '', stderr: '' });
    const fail = await runCli(['gate', ...opts, '--environment', 'production', '--evidence', ...staging], at('promotion'));
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/^### trustgate gate: ⛔ fail$/m);
  });
});
