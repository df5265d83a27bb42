import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = join(import.meta.dirname, '../../..');
export const FIXTURES = join(REPO, 'packages/scanner/test/fixtures');

/** File content: text, bytes, or `{ fixture }` copied from the scanner's fixtures (real files written by real libraries). */
export type FileSpec = string | Buffer | { fixture: string };

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Mona Lisa',
  GIT_AUTHOR_EMAIL: 'mona@example.com',
  GIT_COMMITTER_NAME: 'Mona Lisa',
  GIT_COMMITTER_EMAIL: 'mona@example.com',
  GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
  PATH: process.env.PATH ?? '/usr/bin:/bin',
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function writeFiles(dir: string, files: Record<string, FileSpec>): void {
  for (const [path, spec] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof spec === 'object' && !Buffer.isBuffer(spec)) copyFileSync(join(FIXTURES, spec.fixture), target);
    else writeFileSync(target, spec);
  }
}

/**
 * A checkout as actions/checkout leaves it: a git repository with the files committed (so `.git/objects` holds
 * zlib-compressed loose objects of every model), HEAD at that commit.
 */
export function gitCheckout(files: Record<string, FileSpec>, prefix = 'tg-checkout-'): { dir: string; sha: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  git(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'models and code');
  return { dir, sha: git(dir, 'rev-parse', 'HEAD').trim() };
}

/** A Git LFS pointer for some bytes, as `git lfs` commits it, and the object the LFS server holds. */
export function lfsPointer(content: Buffer): { pointer: string; oid: string } {
  const oid = createHash('sha256').update(content).digest('hex');
  return { pointer: `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${content.length}\n`, oid };
}

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/**
 * A monorepo of `total` files: source, configs and docs in nested packages, with `models` real model files among
 * them (benign fixtures, one malicious when asked), deterministic for a given size.
 */
export function monorepoFiles(total: number, models: number, { malicious = 0 } = {}): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = {};
  const benign = ['benign/state_dict.pt', 'benign/arrays.joblib', 'benign/array.npy', 'benign/dict_p4.pkl', 'benign/arrays.npz'];
  for (let i = 0; i < models; i++) {
    const pkg = `packages/pkg-${i % 40}`;
    const src = i < malicious ? 'malicious/os_system_p4.pkl' : (benign[i % benign.length] as string);
    files[`${pkg}/models/model-${i}.${src.split('.').pop()}`] = { fixture: src };
  }
  for (let i = 0; Object.keys(files).length < total; i++) {
    const pkg = `packages/pkg-${i % 40}`;
    const kind = i % 4;
    if (kind === 0) files[`${pkg}/src/module-${i}.ts`] = `export const value${i} = ${i};\n`;
    else if (kind === 1) files[`${pkg}/src/util/helper-${i}.py`] = `def helper_${i}():\n    return ${i}\n`;
    else if (kind === 2) files[`${pkg}/docs/page-${i}.md`] = `# Page ${i}\n\nSome text.\n`;
    else files[`${pkg}/config/settings-${i}.json`] = `{"id": ${i}}\n`;
  }
  return files;
}
