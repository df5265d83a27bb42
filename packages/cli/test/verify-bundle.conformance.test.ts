import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../../../test/support/cli.js';
import { repoRoot, sigstoreData } from '../../../test/support/sigstore-data.js';

/** Every sigstore-conformance bundle-verify case, in PATH and DIGEST mode, through the CLI protocol. */
interface Case {
  case: string;
  expect: 'pass' | 'fail';
  bundle: string;
  artifact: string;
  trustedRoot: string;
  key: string | null;
  identity: string | null;
  issuer: string | null;
}

const data = sigstoreData();
const cases: Case[] = data ? JSON.parse(readFileSync(path.join(data, 'conformance/expected.json'), 'utf8')).cases : [];

function argv(c: Case, target: string): string[] {
  const root = data as string;
  const out = ['verify-bundle', '--bundle', path.join(root, c.bundle), '--trusted-root', path.join(root, c.trustedRoot)];
  if (c.key) out.push('--key', path.join(root, c.key));
  else out.push('--certificate-identity', c.identity as string, '--certificate-oidc-issuer', c.issuer as string);
  out.push(target);
  return out;
}

(data ? describe.each : describe.skip.each)(['PATH', 'DIGEST'] as const)('conformance bundle-verify (%s mode)', (mode) => {
  test('the data set has 70 cases', () => {
    expect(cases).toHaveLength(70);
  });
  test.each(cases.map((c) => [c.case, c] as const))('%s', async (_name, c) => {
    const artifact = path.join(data as string, c.artifact);
    const target = mode === 'PATH' ? artifact : `sha256:${createHash('sha256').update(readFileSync(artifact)).digest('hex')}`;
    const result = await runCli(argv(c, target));
    if (c.expect === 'pass') expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    else {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/\(code [A-Z_]+\)/);
    }
  });
});

/** The same protocol through a real process, as the upstream conformance runner drives it. */
(data ? describe : describe.skip)('conformance through the spawned trustgate binary', () => {
  const bin = path.resolve(repoRoot, 'packages/cli/bin/trustgate.js');
  const built = existsSync(path.resolve(repoRoot, 'packages/cli/dist/main.js'));
  // Without a build these skip; test/support/global-setup.mjs says so once per run.
  (built ? test.each : test.skip.each)([
    ['happy-path-v0.3', 0],
    ['signature-mismatch_fail', 1],
    ['trust-root-tlog-missing-validity-start_fail', 2], // an unusable trusted root is an input error
  ])('%s exits %d', (name, status) => {
    const c = cases.find((x) => x.case === name) as Case;
    const run = spawnSync(process.execPath, [bin, ...argv(c, path.join(data as string, c.artifact))], { encoding: 'utf8' });
    expect(run.status).toBe(status);
  });
});
