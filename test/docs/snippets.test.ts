import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { parsePolicy } from '@trustgate/core';
import { allSpecs } from '../../packages/cli/src/specs/index.js';
import { CLI_BIN, cliBuilt } from '../support/cli.js';
import { isIllustrative, type MarkdownSnippet, repoSnippets, snippetKind, where } from '../support/markdown-snippets.js';

/**
 * What the README and docs tell a user to type works as written. Shell blocks run line by line (in order, per file,
 * in a scratch directory holding `examples/`), with `trustgate` and `npx trustgate` the built CLI; a line expects
 * exit 0 unless it ends in `# exit N`. `npm` lines are checked against package.json's scripts (running `npm test`
 * inside the tests would recurse; the demo has its own test). Config blocks load with the real policy loader.
 * Workflow blocks are run by the local Actions runner (test/actions). Blocks marked `illustrative` are skipped.
 */
const root = path.resolve(import.meta.dirname, '../..');
const bin = CLI_BIN;
const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
const snippets = repoSnippets(root);
const runnable = snippets.filter((s) => !isIllustrative(s));
const scratch = new Map<string, string>();
afterAll(() => {
  for (const dir of scratch.values()) rmSync(dir, { recursive: true, force: true });
});

/** Each doc file's shell blocks share one scratch directory, so a block may use what an earlier one wrote. */
function scratchFor(file: string): string {
  let dir = scratch.get(file);
  if (!dir) {
    dir = mkdtempSync(path.join(tmpdir(), 'trustgate-snippet-'));
    symlinkSync(path.join(root, 'examples'), path.join(dir, 'examples'));
    scratch.set(file, dir);
  }
  return dir;
}

/** Commands of a shell block: continuation lines joined, comments and blank lines dropped. */
function commandsOf(text: string): Array<{ line: string; exit: number }> {
  const out: Array<{ line: string; exit: number }> = [];
  for (const raw of text.replace(/\\\n\s*/g, ' ').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const exit = /#\s*exits?\s+(\d)\b/.exec(line)?.[1];
    out.push({ line, exit: exit === undefined ? 0 : Number(exit) });
  }
  return out;
}

/** `npm install`, `npm ci`, `npm test`, `npm start`, `npm run X [-- args]`: the script must exist. */
function npmProblem(part: string): string | undefined {
  const words = part.replace(/#.*$/, '').trim().split(/\s+/);
  const [, sub, name] = words;
  if (sub === 'install' || sub === 'ci' || sub === 'i') return undefined;
  if (sub === 'test' || sub === 'start') return scripts[sub] ? undefined : `no "${sub}" script`;
  if (sub === 'run' && name) return scripts[name] ? undefined : `no "${name}" script in package.json`;
  return `unsupported npm command "${part}"`;
}

const SHELL_PRELUDE = `trustgate() { node ${JSON.stringify(bin)} "$@"; }
npx() { if [ "$1" = trustgate ]; then shift; trustgate "$@"; else command npx "$@"; fi; }
`;

function runLine(s: MarkdownSnippet, line: string) {
  return spawnSync('bash', ['-c', `${SHELL_PRELUDE}${line}`], {
    cwd: scratchFor(s.file),
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', CI: '', TRUSTGATE_DATA_DIR: '' },
  });
}

describe('every fenced block says what it is', () => {
  test('no bare fences: a language (sh, yaml, text, json, ts, ...) on every block', () => {
    expect(snippets.filter((s) => s.lang === '').map(where)).toEqual([]);
  });
  test('illustrative blocks are rare and only where a block would otherwise run', () => {
    const marked = snippets.filter(isIllustrative);
    expect(marked.filter((s) => snippetKind(s) === 'other').map(where)).toEqual([]);
    expect(marked.length).toBeLessThanOrEqual(3);
  });
});

const shell = runnable.filter((s) => snippetKind(s) === 'shell');
describe('shell blocks run as written', () => {
  // Without a build these skip; test/support/global-setup.mjs says so once per run.
  (cliBuilt ? test.each : test.skip.each)(shell.map((s) => [where(s), s] as const))('%s', (_w, s) => {
    for (const { line, exit } of commandsOf(s.text)) {
      const npmParts = line.split(/&&|;/).map((p) => p.trim());
      if (npmParts.every((p) => p.startsWith('npm '))) {
        expect({ line, problems: npmParts.map(npmProblem).filter(Boolean) }).toEqual({ line, problems: [] });
        continue;
      }
      const r = runLine(s, line);
      expect({ line, status: r.status, stderr: r.status === exit ? '' : r.stderr }).toEqual({ line, status: exit, stderr: '' });
    }
  });
});

const configs = runnable.filter((s) => snippetKind(s) === 'config');
describe('config blocks load with the real loader', () => {
  test.each(configs.map((s) => [where(s), s] as const))('%s', (_w, s) => {
    expect(() => parsePolicy(s.text, where(s))).not.toThrow();
    expect(parsePolicy(s.text, where(s)).version).toBe(1);
  });
});

/** `trustgate <command> ...` synopsis lines in text blocks: the command exists and has every --option named. */
const synopses = snippets
  .filter((s) => s.lang === 'text')
  .flatMap((s) =>
    s.text.split('\n').flatMap((line, i) => (/^trustgate [a-z]/.test(line) ? [{ s, line, at: `${s.file}:${s.line + 1 + i}` }] : [])),
  );
describe('usage synopses name real commands and options', () => {
  const specs = allSpecs();
  test.each(synopses.map((x) => [x.at, x] as const))('%s', (_at, { line }) => {
    const words = line.split(/\s+/).slice(1);
    const spec = [...specs].reverse().find((c) => words.slice(0, c.name.split(' ').length).join(' ') === c.name);
    expect({ line, command: spec?.name ?? 'unknown' }).not.toEqual({ line, command: 'unknown' });
    const known = new Set([...Object.keys(spec?.options ?? {}), 'help']);
    const named = [...line.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1] as string);
    expect({ line, unknown: named.filter((o) => !known.has(o)) }).toEqual({ line, unknown: [] });
  });
});
