import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { CLI_BIN, cliBuilt, runCli } from '../../../test/support/cli.js';
import { RUNNERS } from '../src/commands/index.js';
import { helpText } from '../src/help.js';
import type { CommandSpec } from '../src/spec.js';
import { allSpecs, COMMAND_SPECS } from '../src/specs/index.js';

/**
 * The CLI contract, walked over every command: usage errors exit 2 with USAGE_ERROR on stderr (nothing on stdout),
 * input and I/O errors exit 2 with their own code and name the file, help goes to stdout with exit 0.
 */
const work = mkdtempSync(join(tmpdir(), 'trustgate-contract-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, 'a.txt'), 'hello\n');
writeFileSync(join(work, 'not-json.json'), '{ nope');
mkdirSync(join(work, 'dir'));
execFileSync('git', ['init', '-q', join(work, 'clone')]);
execFileSync('git', ['-C', join(work, 'clone'), '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'x']);
writeFileSync(join(work, 'locked.yml'), 'version: 1\n');
chmodSync(join(work, 'locked.yml'), 0o000);
const asRoot = process.getuid?.() === 0; // root reads mode-000 files, so EACCES cannot be provoked
execFileSync('mkfifo', [join(work, 'fifo')]);
if (!asRoot) {
  mkdirSync(join(work, 'locked-dir'));
  chmodSync(join(work, 'locked-dir'), 0o000);
}
afterAll(() => {
  if (!asRoot) chmodSync(join(work, 'locked-dir'), 0o700);
});

const words = (spec: CommandSpec) => spec.name.split(' ');
const run = (argv: string[]) => runCli(argv, { cwd: work });

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The error code at the end of the one error report: `trustgate x: ... (code C)`. */
function errorCode(r: Outcome): string | undefined {
  return /\(code ([A-Z][A-Z0-9_]*)\)\n$/.exec(r.stderr)?.[1];
}

function expectError(r: Outcome, code: string, label: string) {
  expect({ exit: r.code, stdout: r.stdout, code: errorCode(r) }).toEqual({ exit: 2, stdout: '', code });
  expect(r.stderr.startsWith(`${label}: `)).toBe(true);
  expect(r.stderr).not.toMatch(/trustgate [a-z-]+: trustgate /);
}

/** A minimal argument list that passes parsing: every required option and positional given a dummy value. */
function minimalArgs(spec: CommandSpec, except?: string): string[] {
  const args: string[] = [];
  for (const [name, o] of Object.entries(spec.options)) if (o.required && name !== except) args.push(`--${name}`, 'x');
  for (const p of spec.positionals ?? []) if (p.required) args.push(p.choices?.[0] ?? 'x');
  return args;
}

const specs = allSpecs();

describe('every command has a runner and a generated help', () => {
  test.each(specs.map((s) => [s.name, s] as const))('%s', async (_name, spec) => {
    if (spec.name !== 'help' && spec.name !== 'version') expect(Object.keys(RUNNERS)).toContain(spec.name);
    const help = await run([...words(spec), '--help']);
    expect({ exit: help.code, stderr: help.stderr }).toEqual({ exit: 0, stderr: '' });
    expect(help.stdout).toBe(helpText(spec));
    expect(help.stdout.startsWith(`Usage: trustgate ${spec.name}`)).toBe(true);
    if (spec.name !== 'help') expect((await run(['help', ...words(spec)])).stdout).toBe(help.stdout);
  });
  test('no runner without a spec', () => {
    expect(Object.keys(RUNNERS).filter((n) => !specs.some((s) => s.name === n))).toEqual([]);
  });
});

describe('usage errors: exit 2, USAGE_ERROR, on stderr', () => {
  const cases: Array<[string, string[], string, RegExp]> = [];
  for (const spec of specs) {
    const w = words(spec);
    const label = `trustgate ${spec.name}`;
    const base = minimalArgs(spec);
    cases.push([label, [...w, '--no-such-option', ...base], label, /unknown option --no-such-option/]);
    for (const [name, o] of Object.entries(spec.options)) {
      if (o.choices) cases.push([label, [...w, ...base, `--${name}`, 'bogus'], label, new RegExp(`--${name} must be one of`)]);
      if (o.required) cases.push([label, [...w, ...minimalArgs(spec, name)], label, new RegExp(`--${name}( \\S+)? is required`)]);
      if (o.type === 'string') cases.push([label, [...w, ...base, `--${name}`], label, new RegExp(`--${name} \\S+ needs a value`)]);
      if (o.type === 'boolean') cases.push([label, [...w, ...base, `--${name}=yes`], label, new RegExp(`--${name} takes no value`)]);
      if (o.type === 'string' && !o.multiple)
        cases.push([label, [...w, ...base, `--${name}`, 'a', `--${name}`, 'b'], label, new RegExp(`--${name} is given twice`)]);
    }
    const positionals = spec.positionals ?? [];
    for (const p of positionals) if (p.required) cases.push([label, [...w, ...minimalArgs(spec).slice(0, -1)], label, /missing /]);
    // One past every positional (the optional ones filled too) is extra.
    const optional = positionals.filter((p) => !p.required).map(() => 'x');
    if (!positionals.at(-1)?.variadic && !spec.subcommands)
      cases.push([label, [...w, ...base, ...optional, 'extra-arg'], label, /extra-arg/]);
    if (spec.subcommands) cases.push([label, [...w, 'bogus-sub'], label, /unknown subcommand "bogus-sub"; subcommands: /]);
  }
  cases.push(
    ['trustgate', ['scna'], 'trustgate', /unknown command "scna" \(did you mean "scan"\?\)/],
    ['trustgate', ['--frobnicate'], 'trustgate', /unknown option --frobnicate/],
    ['trustgate', ['help', 'nope'], 'trustgate help', /unknown command "nope"/],
    ['trustgate', ['help', 'trust-tax', 'bakfill'], 'trustgate help', /unknown subcommand "bakfill" \(did you mean "backfill"\?\)/],
    ['trustgate', ['trust-tax', 'bakfill'], 'trustgate trust-tax', /unknown subcommand "bakfill"/],
    ['trustgate', ['version', 'now'], 'trustgate version', /unexpected argument "now"/],
    ['trustgate', ['--version', 'now'], 'trustgate version', /unexpected argument "now"/],
    ['trustgate scan', ['scan', 'a.txt', '--out', 'a.txt'], 'trustgate scan', /--out a\.txt is also an input \(a\.txt\)/],
    ['trustgate scan', ['scan', 'dir', '--policy', 'a.txt', '--mlbom', './a.txt'], 'trustgate scan', /--mlbom \.\/a\.txt is also an input/],
    ['trustgate tag', ['tag', '--event', 'a.txt', '--statement', 'a.txt'], 'trustgate tag', /--statement a\.txt is also an input/],
    ['trustgate completion', ['completion', 'fish'], 'trustgate completion', /SHELL must be one of bash, zsh/],
    ['trustgate gate', ['gate', '--policy', 'p', '--environment', 'e', '--subject', 's'], 'trustgate gate', /give evidence/],
  );
  test.each(cases)('%s %j', async (_l, argv, label, message) => {
    const r = await run(argv);
    expectError(r, 'USAGE_ERROR', label);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').length).toBe(2); // one line
  });
});

describe('input and I/O errors: exit 2, their own code, the file named', () => {
  const identity = ['--certificate-identity', 'https://x', '--certificate-oidc-issuer', 'https://y'];
  const cases: Array<[string, string[], string, RegExp]> = [
    ['scan', ['scan', 'missing.pt'], 'SCAN_PATH_NOT_FOUND', /missing\.pt/],
    ['scan', ['scan', '/dev/null'], 'NOT_REGULAR_FILE', /\/dev\/null is a character device/],
    ['scan', ['scan', 'a.txt', '--policy', 'nope.yml'], 'CONFIG_NOT_FOUND', /nope\.yml/],
    ['scan', ['scan', 'a.txt', '--policy', 'dir'], 'NOT_REGULAR_FILE', /--policy dir is a directory/],
    ['scan', ['scan', 'a.txt', '--out', 'no/such/dir/r.json'], 'IO_ERROR', /no\/such\/dir\/r\.json: no such file or directory/],
    [
      'verify-bundle',
      ['verify-bundle', '--bundle', 'nope.json', ...identity, 'a.txt'],
      'IO_ERROR',
      /bundle: cannot open .*nope\.json: no such file/,
    ],
    ['verify-bundle', ['verify-bundle', '--bundle', '/dev/zero', ...identity, 'a.txt'], 'NOT_REGULAR_FILE', /--bundle \/dev\/zero/],
    ['verify-bundle', ['verify-bundle', '--bundle', 'not-json.json', ...identity, 'a.txt'], 'BUNDLE_INVALID', /not-json\.json/],
    ['verify-bundle', ['verify-bundle', '--bundle', 'not-json.json', ...identity, 'sha256:abc'], 'DIGEST_INVALID', /sha256:abc/],
    ['verify-bundle', ['verify-bundle', '--bundle', 'not-json.json', 'a.txt'], 'POLICY_MISSING', /certificate-identity/],
    [
      'verify-bundle',
      ['verify-bundle', '--bundle', 'a.txt', '--key', 'nope.pem', 'a.txt'],
      'IO_ERROR',
      /public key: cannot open .*nope\.pem/,
    ],
    [
      'verify-bundle',
      ['verify-bundle', '--bundle', 'not-json.json', '--key', 'a.txt', 'a.txt'],
      'KEY_INVALID',
      /a\.txt is not a PEM public key; pass/,
    ],
    [
      'verify-model',
      ['verify-model', 'dir', '--signature', 'not-json.json', '--key', 'a.txt'],
      'KEY_INVALID',
      /a\.txt is not a PEM public key/,
    ],
    ['verify-model', ['verify-model', 'dir', '--signature', 'not-json.json', ...identity], 'BUNDLE_INVALID', /not-json\.json/],
    [
      'verify-attestation',
      ['verify-attestation', 'sha256:zz', '--bundle', 'not-json.json', '--owner', 'o'],
      'DIGEST_INVALID',
      /"sha256:zz" is not a digest/,
    ],
    [
      'verify-bundle',
      ['verify-bundle', '--bundle', 'a.txt', ...identity, '--trusted-root', 'not-json.json', 'a.txt'],
      'TRUSTED_ROOT_INVALID',
      /not-json\.json/,
    ],
    [
      'verify-model',
      ['verify-model', 'dir', '--signature', 'nope.sig', ...identity],
      'IO_ERROR',
      /model signature: cannot open .*nope\.sig/,
    ],
    [
      'verify-attestation',
      ['verify-attestation', 'missing.bin', '--bundle', 'a.txt', '--owner', 'o'],
      'IO_ERROR',
      /missing\.bin: no such file/,
    ],
    [
      'gate',
      ['gate', '--policy', 'nope.yml', '--environment', 'e', '--subject', `sha256:${'0'.repeat(64)}`, 'a.txt'],
      'CONFIG_NOT_FOUND',
      /nope\.yml/,
    ],
    ['tag', ['tag', '--event', 'nope.json'], 'IO_ERROR', /event payload: cannot open .*nope\.json: no such file/],
    ['tag', ['tag', '--event', 'not-json.json'], 'IO_ERROR', /not-json\.json is not JSON/],
    ['trust-tax import', ['trust-tax', 'import', 'nope.json'], 'IO_ERROR', /history file: cannot open .*nope\.json/],
    [
      'trust-tax backfill',
      ['trust-tax', 'backfill', '--git', 'a.txt', '--repo', 'o/r', '--data-dir', 'store'],
      'NOT_A_DIRECTORY',
      /--git a\.txt is a file/,
    ],
  ];
  if (!asRoot) cases.push(['scan', ['scan', 'a.txt', '--policy', 'locked.yml'], 'CONFIG_NOT_FOUND', /locked\.yml.*permission denied/]);
  test.each(cases)('%s %j -> %s', async (command, argv, code, message) => {
    const r = await run(argv);
    expectError(r, code, `trustgate ${command}`);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/ENOENT:|EACCES:|INTERNAL_ERROR/);
  });
});

/**
 * Every input slot of every command (options and positionals the specs declare as file, directory or path), walked
 * through what a newcomer mistypes and an attacker plants: a missing name, a path through a file (ENOTDIR: the
 * unreadable case root can provoke), a mode-000 file or directory (non-root), a FIFO, a directory where a file goes,
 * a file where a directory goes.
 */
describe('every input slot of every command (from the specs): bad files exit 2 with a stable code naming them', () => {
  interface Slot {
    label: string;
    flag?: string;
    kind: 'file' | 'directory' | 'path';
    required: boolean;
  }
  const slotsOf = (spec: CommandSpec): Slot[] => [
    ...Object.entries(spec.options).flatMap(([n, o]) =>
      o.kind === 'file' || o.kind === 'directory' || o.kind === 'path'
        ? [{ label: `--${n}`, flag: `--${n}`, kind: o.kind, required: o.required === true }]
        : [],
    ),
    ...(spec.positionals ?? []).flatMap((p) =>
      p.kind === 'file' || p.kind === 'directory' || p.kind === 'path'
        ? [{ label: p.name, kind: p.kind, required: p.required === true }]
        : [],
    ),
  ];
  /** What a command needs besides files to get as far as reading them (rules between options a spec cannot state). */
  const CONTEXT: Record<string, string[]> = {
    'verify-bundle': ['--certificate-identity', 'https://x', '--certificate-oidc-issuer', 'https://y'],
    'verify-model': ['--certificate-identity', 'https://x', '--certificate-oidc-issuer', 'https://y'],
    'verify-attestation': ['--owner', 'o'],
    gate: ['--evidence', 'a.txt'],
    'trust-tax backfill': ['--repo', 'o/r', '--git', 'clone'],
  };
  const good = (kind: Slot['kind']) => (kind === 'directory' ? 'dir' : 'a.txt');
  const cases: Array<[string, string[], string, { bad: string; exact?: string; mayCreate?: boolean; unnamed?: boolean }]> = [];
  for (const spec of specs) {
    const slots = slotsOf(spec);
    for (const slot of slots) {
      // `bad` in this slot; every other required input is `bad` too (everyBad: whichever is read first names it) or real.
      const line = (bad: string, everyBad: boolean): string[] => {
        const options: string[] = [];
        const positionals: string[] = [];
        for (const [name, o] of Object.entries(spec.options)) {
          const s = slots.find((x) => x.flag === `--${name}`);
          if (s === slot) options.push(`--${name}`, bad);
          else if (o.required) options.push(`--${name}`, s ? (everyBad ? bad : good(s.kind)) : (o.choices?.[0] ?? 'x'));
        }
        for (const p of spec.positionals ?? []) {
          const s = slots.find((x) => x.label === p.name && !x.flag);
          if (s === slot) positionals.push(bad);
          else if (p.required) positionals.push(s ? (everyBad ? bad : good(s.kind)) : (p.choices?.[0] ?? 'x'));
        }
        const context = (CONTEXT[spec.name] ?? []).filter((a, i, all) => !slot.flag || (a !== slot.flag && all[i - 1] !== slot.flag));
        return [...words(spec), ...context, ...options, ...positionals];
      };
      const name = `${spec.name} ${slot.label}`;
      const named = (bad: string, exact?: string) => ({ bad, ...(exact ? { exact } : {}) });
      cases.push([`${name}: FIFO`, line('fifo', false), spec.name, named('fifo', `${slot.label} fifo is a FIFO (named pipe)`)]);
      if (slot.kind === 'file')
        cases.push([`${name}: a directory`, line('dir', false), spec.name, named('dir', `${slot.label} dir is a directory`)]);
      if (slot.kind === 'directory')
        cases.push([`${name}: a file`, line('a.txt', false), spec.name, named('a.txt', `${slot.label} a.txt is a file`)]);
      const missing = `missing-${cases.length}`;
      cases.push([`${name}: missing`, line(missing, true), spec.name, { bad: missing, mayCreate: slot.kind === 'directory' }]);
      // The other inputs real (fixtures that may fail first, for their own reasons): still the contract.
      cases.push([
        `${name}: missing, the rest real`,
        line(`${missing}b`, false),
        spec.name,
        { bad: `${missing}b`, mayCreate: slot.kind === 'directory', unnamed: true },
      ]);
      cases.push([`${name}: through a file (ENOTDIR)`, line('a.txt/sub', true), spec.name, { bad: 'a.txt/sub' }]);
      if (!asRoot) {
        const locked = slot.kind === 'directory' ? 'locked-dir' : 'locked.yml';
        cases.push([`${name}: mode 000`, line(locked, true), spec.name, { bad: locked }]);
      }
    }
  }
  test('the walk covers every command that reads files', () => {
    const covered = new Set(cases.map(([, , command]) => command));
    expect(specs.filter((s) => slotsOf(s).length > 0 && !covered.has(s.name)).map((s) => s.name)).toEqual([]);
    expect(covered.size).toBeGreaterThanOrEqual(10);
  });
  test.each(cases)('%s: %j', async (_what, args, command, { bad, exact, mayCreate, unnamed }) => {
    const r = await run(args);
    if (mayCreate && r.code === 0) {
      // A store directory that does not exist yet is created (recursively), never a crash.
      expect(existsSync(join(work, bad)) && statSync(join(work, bad)).isDirectory()).toBe(true);
      return;
    }
    const code = errorCode(r);
    expect({ exit: r.code, stdout: r.stdout }).toEqual({ exit: 2, stdout: '' });
    expect(r.stderr.startsWith(`trustgate ${command}: `)).toBe(true);
    expect(r.stderr).not.toMatch(/trustgate [a-z-]+( [a-z-]+)?: trustgate /);
    expect(r.stderr).not.toMatch(/\b(ENOENT|EACCES|ENOTDIR|EISDIR):|\bat [A-Za-z.]+ \(|node:internal/);
    expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(code).not.toBe('INTERNAL_ERROR');
    if (exact) {
      expect(code).toBe(exact.endsWith('is a file') ? 'NOT_A_DIRECTORY' : 'NOT_REGULAR_FILE');
      expect(r.stderr).toContain(exact);
    } else if (!unnamed) {
      expect(code).not.toBe('USAGE_ERROR');
      expect(r.stderr).toContain(bad);
    }
  });
});

describe('help and version', () => {
  test.each([['--help'], ['-h'], ['help']])('%s: the command list on stdout, exit 0', async (flag) => {
    const r = await run([flag]);
    expect({ exit: r.code, stderr: r.stderr }).toEqual({ exit: 0, stderr: '' });
    for (const spec of COMMAND_SPECS) expect(r.stdout).toMatch(new RegExp(`^  ${spec.name} `, 'm'));
  });
  test('no command: the list on stderr, exit 2', async () => {
    const r = await run([]);
    expect({ exit: r.code, stdout: r.stdout }).toEqual({ exit: 2, stdout: '' });
    expect(r.stderr).toContain('Usage: trustgate <command>');
  });
  test.each([['-v'], ['-V'], ['--version'], ['version']])('%s prints the version alone', async (flag) => {
    const r = await run([flag]);
    expect(r).toEqual({ code: 0, stdout: `${(await run(['--version'])).stdout}`, stderr: '' });
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
  test('help wins over other problems on the line', async () => {
    const r = await run(['scan', '--formt', 'x', '--help']);
    expect({ exit: r.code, stderr: r.stderr }).toEqual({ exit: 0, stderr: '' });
  });
});

describe('the built bin keeps the streams apart', () => {
  const bin = CLI_BIN;
  (cliBuilt ? test : test.skip)('usage error: stderr only, exit 2; help: stdout only, exit 0', () => {
    const bad = spawnSync(process.execPath, [bin, 'scan', '--format', 'xml', 'x'], { encoding: 'utf8' });
    expect({ status: bad.status, stdout: bad.stdout }).toEqual({ status: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^trustgate scan: --format must be one of text, json, sarif, markdown, got "xml".*\(code USAGE_ERROR\)\n$/);
    const help = spawnSync(process.execPath, [bin, 'help', 'scan'], { encoding: 'utf8' });
    expect({ status: help.status, stderr: help.stderr }).toEqual({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: trustgate scan /);
  });
});
