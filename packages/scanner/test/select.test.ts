import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultPolicy } from '@trustgate/core';
import { scanReport, VCS_DIRECTORIES } from '@trustgate/scanner';

const FIXTURES = join(import.meta.dirname, 'fixtures');

// A checkout as CI has it: a git repository whose .git/objects hold every committed model as a zlib stream.
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tg-select-'));
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
  execFileSync('git', ['init', '-q'], { cwd: dir });
  mkdirSync(join(dir, 'models'), { recursive: true });
  mkdirSync(join(dir, 'vendor/lib'), { recursive: true });
  copyFileSync(join(FIXTURES, 'benign/state_dict.pt'), join(dir, 'models/a.pt'));
  copyFileSync(join(FIXTURES, 'malicious/os_system_p4.pkl'), join(dir, 'vendor/lib/evil.pkl'));
  writeFileSync(join(dir, 'models/notes.md'), '# notes\n');
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-qm', 'm'], { cwd: dir, env });
  return dir;
}

const scan = (dir: string, select: Parameters<typeof scanReport>[1]['select'], paths = ['.']) =>
  scanReport(paths, { policy: defaultPolicy().scan, cwd: dir, workers: 0, digest: false, ...(select ? { select } : {}) });

describe('which files a directory scan reads', () => {
  it('skips version-control metadata by default, and walks it only when asked', async () => {
    const dir = checkout();
    const files = (await scan(dir, undefined)).files.map((f) => f.path);
    expect(files).toEqual(['./models/a.pt', './models/notes.md', './vendor/lib/evil.pkl']);
    const withGit = (await scan(dir, { vcs: true })).files.map((f) => f.path);
    expect(withGit.filter((p) => p.startsWith('./.git/')).length).toBeGreaterThan(3);
    expect(VCS_DIRECTORIES).toContain('.git');
  });

  it('excludes globs (a matching directory is not entered) and includes only matching files', async () => {
    const dir = checkout();
    const excluded = await scan(dir, { exclude: ['vendor'] });
    expect(excluded.files.map((f) => f.path)).toEqual(['./models/a.pt', './models/notes.md']);
    expect(excluded.summary.verdict).toBe('safe');
    expect((await scan(dir, { exclude: ['**/*.md'] })).files.map((f) => f.path)).toEqual(['./models/a.pt', './vendor/lib/evil.pkl']);
    expect((await scan(dir, { include: ['**/*.{pt,pkl}'] })).files.map((f) => f.path)).toEqual(['./models/a.pt', './vendor/lib/evil.pkl']);
    expect((await scan(dir, { include: ['models/**'], exclude: ['**/*.md'] })).files.map((f) => f.path)).toEqual(['./models/a.pt']);
  });

  it('a PATH named on the command line is scanned even when a glob would exclude it', async () => {
    const dir = checkout();
    const r = await scan(dir, { exclude: ['vendor'] }, ['vendor/lib/evil.pkl']);
    expect(r.files.map((f) => [f.path, f.verdict])).toEqual([['vendor/lib/evil.pkl', 'unsafe']]);
  });
});
