import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CLI_BIN, cliBuilt, runCli } from '../../../test/support/cli.js';
import { TRUSTGATE_VERSION } from '@trustgate/core';

describe('trustgate CLI', () => {
  it('prints its version', async () => {
    const x = await runCli(['--version']);
    expect(x.code).toBe(0);
    expect(x.stdout).toBe(`${TRUSTGATE_VERSION}\n`);
  });

  it('lists every command of the contract in --help', async () => {
    const x = await runCli(['--help']);
    expect(x.code).toBe(0);
    for (const c of ['scan', 'verify-bundle', 'verify-model', 'verify-attestation', 'gate', 'tag', 'trust-tax', 'serve']) {
      expect(x.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    }
  });

  it('exits 2 on an unknown command, naming it', async () => {
    const x = await runCli(['scna']);
    expect(x.code).toBe(2);
    expect(x.stderr).toBe(
      `trustgate: unknown command "scna" (did you mean "scan"?); run 'trustgate --help' for the list (code USAGE_ERROR)\n`,
    );
  });

  it('exits 2 with usage on stderr when run without a command', async () => {
    const x = await runCli([]);
    expect(x.code).toBe(2);
    expect(x.stdout).toBe('');
    expect(x.stderr).toContain('Usage: trustgate <command>');
  });

  it('runs as a process from the built bin', () => {
    const bin = join(import.meta.dirname, '../bin/trustgate.js');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(`${TRUSTGATE_VERSION}\n`);
    expect(spawnSync(process.execPath, [bin, 'nope']).status).toBe(2);
  });

  it('runs trust-tax backfill --git again with a small young generation, its exit code and messages passed on', () => {
    const bin = join(import.meta.dirname, '../bin/trustgate.js');
    // Outside any repository: git -C must fail, not find the checkout the test runs in.
    const missing = join(mkdtempSync(join(tmpdir(), 'trustgate-no-clone-')), 'none');
    const argv = ['trust-tax', 'backfill', '--git', missing, '--repo', 'o/r', '--data-dir', join(missing, 'data')];
    const direct = spawnSync(process.execPath, ['--max-semi-space-size=1', bin, ...argv], { encoding: 'utf8' });
    const again = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8' });
    expect(direct.status).toBe(2);
    expect(direct.stderr).toContain(`cannot read the git history of ${missing}`);
    rmSync(dirname(missing), { recursive: true, force: true });
    expect({ status: again.status, stderr: again.stderr, stdout: again.stdout }).toEqual({
      status: direct.status,
      stderr: direct.stderr,
      stdout: direct.stdout,
    });
  });

  (cliBuilt ? it : it.skip)(
    'the built CLI (the bundle after npm run build, its worker threads) reports as the sources do',
    async () => {
      const fixtures = join(import.meta.dirname, '../../scanner/test/fixtures');
      const argv = ['scan', '.', '--format', 'json'];
      const spawned = spawnSync(process.execPath, [CLI_BIN, ...argv], { cwd: fixtures, encoding: 'utf8', maxBuffer: 64 << 20 });
      const here = await runCli(argv, { cwd: fixtures });
      expect({ code: spawned.status, stderr: spawned.stderr }).toEqual({ code: here.code, stderr: here.stderr });
      const report = JSON.parse(spawned.stdout) as { files: unknown[] };
      expect(report.files.length).toBeGreaterThan(60);
      expect(report).toEqual(JSON.parse(here.stdout));
    },
    120_000,
  );
});
