import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from '@jest/globals';

/**
 * Every file trustgate writes for a user (--out reports, SARIF, ML-BOMs, statements, trust-tax outputs, init's
 * policy, the actions' reports) goes through writeFileAtomic: a reader or a later step sees the old file or the
 * whole new one. A direct fs write anywhere else in shipped source fails here; the exceptions say why.
 */
const root = join(import.meta.dirname, '../..');
// `io.writeFile` is the kit's, checked below to be atomic.
const ALLOWED: Record<string, string> = {
  'packages/core/src/atomic-write.ts': 'the atomic writer itself',
  // GITHUB_STEP_SUMMARY is GitHub's append-only file: each step appends to it, none replaces it.
  'actions/kit/src/io.ts': 'appendFileSync to the step summary',
  // 7-Zip runs in WebAssembly with its own in-memory file system: the archive is handed to it, nothing touches disk.
  'packages/scanner/src/containers/sevenzip.ts': "sz.FS.writeFile into 7z-wasm's memory",
  // The store template is written into a fresh temporary directory that is renamed into place whole.
  'packages/metrics/src/store/embedded.ts': 'writeFile inside a mkdtemp directory renamed into place',
};
const DIRECT_WRITE =
  /(?<!\bio\.)\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|copyFile|copyFileSync|truncate)\s*\(|\.write\(\s*fd\b/;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

const shipped = [
  ...readdirSync(join(root, 'packages')).flatMap((p) => sources(`packages/${p}/src`)),
  ...readdirSync(join(root, 'actions')).flatMap((a) => sources(`actions/${a}/src`)),
  ...sources('app/src'),
];

describe('written outputs are atomic', () => {
  test('there is source to check', () => {
    expect(shipped.length).toBeGreaterThan(100);
  });
  test('no direct file write outside the atomic writer (and the step summary append)', () => {
    const found = shipped.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          DIRECT_WRITE.test(line) && !line.trimStart().startsWith('//') && !line.includes('writeFileAtomic')
            ? [`${relative(root, join(root, file))}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    const unexplained = found.filter((hit) => !Object.keys(ALLOWED).some((f) => hit.startsWith(`${f}:`)));
    expect(unexplained).toEqual([]);
  });
  test('the actions write their files through the kit, and the kit through writeFileAtomic', () => {
    const kit = readFileSync(join(root, 'actions/kit/src/io.ts'), 'utf8');
    expect(kit).toContain('await writeFileAtomic(path, content);');
    expect(kit).not.toMatch(/await writeFile\(/);
  });
});
