import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const repo = join(import.meta.dirname, '../..');
const script = join(repo, 'scripts/check-boundaries.mjs');

function treeWith(pkg: string, source: string): string {
  const root = mkdtempSync(join(tmpdir(), 'tg-bounds-'));
  mkdirSync(join(root, 'packages', pkg, 'src'), { recursive: true });
  writeFileSync(join(root, 'packages', pkg, 'src', 'index.ts'), source);
  return root;
}

describe('dependency direction', () => {
  it('holds for this repository', () => {
    expect(execFileSync(process.execPath, [script], { encoding: 'utf8' })).toBe('dependency direction: ok\n');
  });

  it.each([
    ['scanner', "import * as core from '@actions/core';", 'imports @actions/core; packages/ must not depend on actions'],
    ['verify', "import { Probot } from 'probot';", 'imports probot'],
    ['core', "export { x } from '@trustgate/scanner';", 'packages/core may import only nothing from trustgate'],
    ['metrics', "const g = await import('@trustgate/gate');", 'imports @trustgate/gate; packages/metrics may import only'],
  ])('fails when packages/%s has %s', (pkg, source, message) => {
    const r = spawnSync(process.execPath, [script, '--root', treeWith(pkg, source)], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });
});

describe('policy JSON Schema', () => {
  it('is committed and matches the zod schema', () => {
    const r = spawnSync(process.execPath, [join(repo, 'scripts/schema.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
