import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { scanPaths } from '@trustgate/scanner';
import { FIXTURES, policy } from './helpers.js';

// Worker threads run the compiled worker; `npm test` builds first. Without a build this one check is skipped.
const DIST = resolve(FIXTURES, '../../dist/index.js');

describe('scanPaths', () => {
  test('walks directories in sorted order, follows a symlinked directory once, reports unreadable links', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tg-walk-'));
    writeFileSync(join(dir, 'b.pkl'), new Uint8Array([0x80, 2, 0x4e, 0x2e]));
    writeFileSync(join(dir, 'a.txt'), 'notes\n');
    symlinkSync(dir, join(dir, 'loop'));
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling'));
    const files = await scanPaths([dir], { policy: policy(), workers: 0 });
    expect(files.map((f) => [f.path.slice(dir.length), f.format, f.verdict])).toEqual([
      ['/a.txt', 'text', 'safe'],
      ['/b.pkl', 'pickle', 'safe'],
      ['/dangling', 'unknown', 'error'],
    ]);
  });

  test.each([existsSync(DIST) ? 'built' : 'skipped'])('worker threads give the same results in the same order (%s)', async (state) => {
    if (state === 'skipped') {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const built = (await import(pathToFileURL(DIST).href)) as { scanPaths: typeof scanPaths };
    const opts = { policy: policy(), cwd: FIXTURES };
    const inThread = await built.scanPaths(['.'], { ...opts, workers: 0 });
    const pooled = await built.scanPaths(['.'], { ...opts, workers: 2, inThreadMs: 0 });
    expect(pooled).toEqual(inThread);
    expect(pooled.length).toBeGreaterThan(60);
  });
});
