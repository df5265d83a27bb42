import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Start-up time is module loading: `trustgate --version` and a one-file scan must not statically reach the policy
// schemas (zod, yaml), other commands' engines, or the heavy format libraries, which load when a run needs them.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRIES: Record<string, string> = {
  '@trustgate/core': 'packages/core/src/index.ts',
  '@trustgate/core/base': 'packages/core/src/base.ts',
  '@trustgate/scanner': 'packages/scanner/src/index.ts',
  '@trustgate/scanner/local': 'packages/scanner/src/local.ts',
};

/** Every module reached from `start` by static value imports (type-only imports and import() are not followed). */
function staticGraph(start: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm)) {
      const [, typeOnly, spec] = m as unknown as [string, string | undefined, string];
      if (typeOnly) continue;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (ENTRIES[spec]) visit(join(root, ENTRIES[spec]));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(join(root, start));
  return { files, packages };
}

const rel = (files: Set<string>) => [...files].map((f) => f.slice(root.length + 1));

describe('start-up imports', () => {
  it('main (every spec, --version, help) reaches no npm package and no command runner', () => {
    const { files, packages } = staticGraph('packages/cli/src/main.ts');
    expect([...packages]).toStrictEqual([]);
    expect(rel(files).filter((f) => f.startsWith('packages/cli/src/commands/') && !f.endsWith('commands/index.ts'))).toStrictEqual([]);
    expect(rel(files).filter((f) => !f.startsWith('packages/cli/') && !f.startsWith('packages/core/'))).toStrictEqual([]);
    expect(files.has(join(root, 'packages/core/src/index.ts'))).toBe(false);
  });

  it('the scan command reaches no npm package (picomatch loads for globs only), neither the policy schemas nor the Hub client', () => {
    const { files, packages } = staticGraph('packages/cli/src/commands/scan.ts');
    expect([...packages]).toStrictEqual([]);
    for (const f of rel(files)) {
      expect(f).not.toMatch(/^packages\/core\/src\/(index|config\/|policy\/(?!scan-default))/);
      expect(f).not.toMatch(/^packages\/scanner\/src\/(index|remote\/(?!reference)|sources\/(?!rules)|mlbom\/)/);
    }
    expect(existsSync(join(root, 'packages/scanner/src/remote/hub.ts'))).toBe(true);
  });
});
