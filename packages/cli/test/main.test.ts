import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { CLI_BIN, cliBuilt, runCli } from '../../../test/support/cli.js';
import { TRUSTGATE_VERSION } from '@trustgate/core';

const fixtures = join(import.meta.dirname, '../../scanner/test/fixtures');
const spawnCli = (bin: string, argv: string[], cwd = fixtures) =>
  spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

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
      const argv = ['scan', '.', '--format', 'json'];
      const spawned = spawnCli(CLI_BIN, argv);
      const here = await runCli(argv, { cwd: fixtures });
      expect({ code: spawned.status, stderr: spawned.stderr }).toEqual({ code: here.code, stderr: here.stderr });
      const report = JSON.parse(spawned.stdout) as { files: unknown[] };
      expect(report.files.length).toBeGreaterThan(60);
      expect(report).toEqual(JSON.parse(here.stdout));
    },
    120_000,
  );

  // One file per run is analysed in the CLI's own thread, so these run the bundle's lazily started parts rather than
  // the worker's: formats whose analysers load outside packages (protobufjs, jsfive, 7-Zip's files), a zlib stream,
  // a torch zip, the SARIF and Markdown reporters, files written (--out, --statement, the digest behind them), and
  // a command that stays tsc's output (init), each compared with the same run in-process.
  const written = mkdtempSync(join(tmpdir(), 'trustgate-cli-'));
  afterAll(() => rmSync(written, { recursive: true, force: true }));
  (cliBuilt ? it : it.skip).each([
    ['an ONNX model', ['scan', 'formats/onnx/benign.onnx', '--format', 'json']],
    ['a Keras HDF5 model', ['scan', 'formats/keras/lambda.h5']],
    ['a 7z archive', ['scan', 'bypass/archive.7z', '--format', 'sarif']],
    ['a gzip stream', ['scan', 'malicious/evil.pkl.gz', '--format', 'markdown']],
    ['a torch zip', ['scan', 'benign/state_dict.pt', '--format', 'json']],
    [
      'a pickle, with its outputs written',
      ['scan', 'malicious/os_system_p4.pkl', '--out', 'OUT/report.txt', '--statement', 'OUT/scan.json'],
    ],
    ['a policy file', ['scan', 'benign/dict_p4.pkl', '--policy', 'OUT/missing.yml']],
    ['init, tsc output imported by the bundle', ['init', '--out', 'OUT/trustgate.yml']],
  ])(
    'the built CLI on %s prints, writes and exits as the sources do',
    async (_, argv) => {
      const files = (run: string) => {
        const dir = join(written, run);
        mkdirSync(dir, { recursive: true });
        return { dir, argv: argv.map((a) => a.replace('OUT', dir)) };
      };
      const spawned = files('spawned');
      const here = files('here');
      const a = spawnCli(CLI_BIN, spawned.argv);
      const b = await runCli(here.argv, { cwd: fixtures });
      const same = (text: string) => text.replaceAll(spawned.dir, 'OUT');
      expect({ code: a.status, stdout: same(a.stdout), stderr: same(a.stderr) }).toEqual({
        code: b.code,
        stdout: b.stdout.replaceAll(here.dir, 'OUT'),
        stderr: b.stderr.replaceAll(here.dir, 'OUT'),
      });
      expect(a.stdout.length + readdirSync(spawned.dir).length).toBeGreaterThan(0);
      for (const f of readdirSync(here.dir))
        expect(readFileSync(join(spawned.dir, f), 'utf8')).toBe(readFileSync(join(here.dir, f), 'utf8'));
      expect(readdirSync(spawned.dir).sort()).toEqual(readdirSync(here.dir).sort());
    },
    60_000,
  );
});

/**
 * Which of the two bin/trustgate.js runs, in a checkout laid out like this one in a temporary directory: its bin,
 * this build's tsc output linked in, and in place of the bundle one that fails, so a run shows which it took.
 */
(cliBuilt ? describe : describe.skip)('bin/trustgate.js, bundle or tsc output', () => {
  const root = mkdtempSync(join(tmpdir(), 'trustgate-bin-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const cli = join(root, 'packages/cli');
  const built = join(import.meta.dirname, '../dist');
  cpSync(join(import.meta.dirname, '../bin'), join(cli, 'bin'), { recursive: true });
  mkdirSync(join(cli, 'dist/bundle'), { recursive: true });
  for (const entry of readdirSync(built)) if (entry !== 'bundle') symlinkSync(join(built, entry), join(cli, 'dist', entry));
  writeFileSync(join(cli, 'dist/bundle/index.cjs'), "throw new Error('the stale bundle ran');\n");
  utimesSync(join(cli, 'dist/bundle/index.cjs'), 200, 200);
  mkdirSync(join(root, 'packages/core'));
  mkdirSync(join(root, 'app'));
  const compiledAt = (seconds: number) => {
    writeFileSync(join(root, 'packages/core/tsconfig.tsbuildinfo'), '');
    utimesSync(join(root, 'packages/core/tsconfig.tsbuildinfo'), seconds, seconds);
  };
  const bin = join(cli, 'bin/trustgate.js');
  const argv = ['scan', 'malicious/os_system_p4.pkl', '--format', 'json'];

  it('a package compiled after the bundle: tsc output runs, never the stale bundle, and reports as the sources do', async () => {
    compiledAt(300);
    const spawned = spawnCli(bin, argv);
    const here = await runCli(argv, { cwd: fixtures });
    expect({ code: spawned.status, stdout: spawned.stdout, stderr: spawned.stderr }).toEqual({
      code: here.code,
      stdout: here.stdout,
      stderr: here.stderr,
    });
    expect(here.code).toBe(1);
  });
  it('a bundle built after every compile: the bundle runs', () => {
    compiledAt(100);
    const spawned = spawnCli(bin, argv);
    expect(spawned.status).toBe(1);
    expect(spawned.stdout).toBe('');
    expect(spawned.stderr).toContain('Error: the stale bundle ran');
  });
});
