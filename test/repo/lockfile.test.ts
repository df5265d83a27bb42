import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const repo = join(import.meta.dirname, '../..');

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  link?: boolean;
}

/** Where npm would look for `name` when `from` requires it: its own node_modules, then each parent's, then the root. */
function resolves(packages: Record<string, LockEntry>, from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up === -1 ? '' : dir.slice(0, up);
  }
}

/**
 * `npm ci` refuses a lock that lacks another platform's optional package (npm records only the installing platform's
 * when it prunes an existing node_modules), so a lock written that way breaks every install on macOS and Windows.
 */
describe('package-lock.json', () => {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

  it('records every optional dependency of every locked package, for every platform', () => {
    const missing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!resolves(lock.packages, where, name)) missing.push(`${name} (optional dependency of ${where || 'the root'})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('fails on a lock written for one platform only', () => {
    const pruned = { ...lock.packages };
    delete pruned['node_modules/@swc/core-darwin-arm64'];
    expect(resolves(pruned, 'node_modules/@swc/core', '@swc/core-darwin-arm64')).toBe(false);
    expect(resolves(lock.packages, 'node_modules/@swc/core', '@swc/core-darwin-arm64')).toBe(true);
  });
});
