import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { cliBuilt } from '../support/cli.js';

/**
 * `npm run demo` as a newcomer reads it (scripts/demo.sh, scripts/demo-lib.sh): per step the command as typed
 * (no temporary or machine paths), its exit code and one verdict line; colour only on a terminal without NO_COLOR.
 * The whole demo is run by the lead and CI (`npm run demo`); here the quick `cli` topic and the helpers.
 */
const root = join(import.meta.dirname, '../..');
const lib = join(root, 'scripts/demo-lib.sh');
const haveScript = existsSync('/usr/bin/script');

function bash(script: string, env: Record<string, string> = {}) {
  return spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** The demo under a pseudo-terminal (util-linux `script`), so colour is allowed unless NO_COLOR says no. */
function onTerminal(command: string, env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'CI')) as Record<string, string>;
  return spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...clean, ...env } });
}

describe('the demo', () => {
  (cliBuilt && haveScript ? test : test.skip)(
    'a topic on a terminal: colour without NO_COLOR, no escape code at all with it; steps as typed',
    () => {
      const coloured = onTerminal('bash scripts/demo.sh cli', {});
      expect(coloured.status).toBe(0);
      expect(coloured.stdout).toContain('\u001b[');
      const plain = onTerminal('bash scripts/demo.sh cli', { NO_COLOR: '1' });
      expect(plain.status).toBe(0);
      expect(plain.stdout).not.toContain('\u001b');
      const lines = plain.stdout.replace(/\r/g, '').trimEnd().split('\n');
      const steps = lines.flatMap((l, i) => (l.startsWith('$ ') ? [[l, lines[i + 1] ?? ''] as const] : []));
      expect(steps.length).toBeGreaterThanOrEqual(5);
      for (const [command, verdict] of steps) {
        expect(command).toMatch(/^\$ trustgate /);
        expect(verdict).toMatch(/^ {2}exit [012] \((pass|blocks|refused)\) \S/);
      }
      expect(plain.stdout).not.toContain(root);
      expect(plain.stdout).not.toMatch(/\/tmp\/|tmp\.[A-Za-z0-9]{6,}/);
      expect(plain.stdout).toContain('$ trustgate init --out $TMP/cli/trustgate.yml');
      expect(lines.at(-1)).toBe('demo finished: every step gave the exit code it expected.');
    },
    60_000,
  );

  test('an unexpected exit code stops the demo, saying which command and both codes', () => {
    const r = bash(`set -euo pipefail; source "${lib}"; expect 0 -- sh -c 'echo the output; exit 1'; echo not reached`);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('not reached');
    expect(r.stderr).toContain('the output');
    expect(r.stderr).toContain('demo: expected exit 0, got 1 from: sh -c echo the output; exit 1');
  });

  test('a step shows one verdict line by default, --lines N or --grep ERE, everything with DEMO_VERBOSE', () => {
    const steps = `set -euo pipefail; source "${lib}"; out() { printf 'first\\n  second\\nlast\\n'; }
      expect 0 -- out; expect 0 --lines 2 -- out; expect 0 --grep '^s|sec' -- out; expect 0 --grep nomatch -- out`;
    const r = bash(steps);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '',
        '━━ demo ━━',
        '$ out',
        '  exit 0 (pass) last',
        '$ out',
        '  exit 0 (pass) first',
        '    second',
        '$ out',
        '  exit 0 (pass) second',
        '$ out',
        '  exit 0 (pass) (no output)',
        '',
      ].join('\n'),
    );
    expect(
      bash(`set -euo pipefail; source "${lib}"; out() { printf 'a\\nb\\n'; }; title T; expect 0 --lines 1 -- out`, { DEMO_VERBOSE: '1' })
        .stdout,
    ).toBe('\n━━ T ━━\n$ out\n  exit 0 (pass) a\n    b\n');
  });

  test('long lines are cut by characters with an ellipsis, never inside a multi-byte character', () => {
    const r = bash(`set -euo pipefail; source "${lib}"; out() { printf '%s\\n' "✅$(printf 'x%.0s' $(seq 1 300))"; }; expect 0 -- out`, {
      DEMO_WIDTH: '40',
    });
    const verdict = r.stdout.split('\n')[3] as string;
    expect([...verdict].length).toBe(40);
    expect(verdict.endsWith('x…')).toBe(true);
  });

  test('an unknown topic or option: exit 2, before anything runs', () => {
    expect(bash('bash scripts/demo.sh no-such-topic').status).toBe(2);
    expect(bash('bash scripts/demo.sh --frobnicate').status).toBe(2);
  });
});
