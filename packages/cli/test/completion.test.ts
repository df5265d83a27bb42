import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { bashCompletion, zshCompletion } from '../src/completion.js';
import { allSpecs, COMMAND_SPECS } from '../src/specs/index.js';

/** Completion is generated from the specs; bash's own completion machinery runs the generated function here. */
const script = bashCompletion(COMMAND_SPECS);
const dir = mkdtempSync(join(tmpdir(), 'trustgate-completion-'));
mkdirSync(join(dir, 'models'));
writeFileSync(join(dir, 'models', 'model.pt'), '');
writeFileSync(join(dir, 'policy.yml'), '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What bash offers for the line typed so far (the cursor at its end). */
function complete(line: string): string[] {
  const program = `${script}
read -ra COMP_WORDS <<< "$LINE"
[[ $LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
COMP_LINE=$LINE COMP_POINT=\${#LINE}
_trustgate
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '-c', program], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LINE: line } });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion', () => {
  test('registers itself for trustgate', () => {
    const r = spawnSync('bash', ['--norc', '-c', `${script}\ncomplete -p trustgate`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('complete -F _trustgate trustgate');
  });
  test.each([
    ['trustgate sc', ['scan']],
    ['trustgate verify-', ['verify-attestation', 'verify-bundle', 'verify-model', 'verify-release-asset']],
    ['trustgate scan --fo', ['--format']],
    ['trustgate scan --format ', ['json', 'markdown', 'sarif', 'text']],
    ['trustgate scan models/model.pt --format s', ['sarif']],
    ['trustgate trust-tax ', ['backfill', 'import', 'seed-demo']],
    ['trustgate trust-tax backfill --r', ['--ref', '--repo']],
    ['trustgate completion ', ['bash', 'zsh']],
    ['trustgate help verify-m', ['verify-model']],
    ['trustgate scan --policy pol', ['policy.yml']],
    ['trustgate scan mod', ['models']],
    ['trustgate tag --format ', ['json', 'text']],
    ['trustgate verify-bundle --certificate-identity ', []],
  ])('%j', (line, offered) => {
    expect(complete(line)).toEqual(offered);
  });
  test.each(allSpecs().map((s) => [s.name, s] as const))('every option of %s completes', (name, spec) => {
    const offered = complete(`trustgate ${name} --`);
    expect(offered).toEqual(expect.arrayContaining([...Object.keys(spec.options).map((o) => `--${o}`), '--help']));
  });
});

// Without zsh this skips; test/support/global-setup.mjs says so once per run (and fails under CI).
const hasZsh = spawnSync('zsh', ['--version']).status === 0;
(hasZsh ? describe : describe.skip)('zsh completion', () => {
  const zsh = zshCompletion(COMMAND_SPECS);
  test('parses and registers with compinit', () => {
    const file = join(dir, '_trustgate');
    writeFileSync(file, zsh);
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' }).status).toBe(0);
    const r = spawnSync(
      'zsh',
      ['-fc', `autoload -Uz compinit; compinit -u -d ${dir}/zcompdump; source ${file}; print -r -- $_comps[trustgate]`],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout.trim()).toBe('_trustgate');
  });
  test('names every command, subcommand and option', () => {
    for (const spec of allSpecs()) {
      expect(zsh).toContain(`_trustgate_${spec.name.replace(/[^a-z0-9]+/g, '_')}()`);
      for (const o of Object.keys(spec.options)) expect(zsh).toMatch(new RegExp(`--${o}[[}]`));
    }
  });
});
