import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { scanPaths } from '@trustgate/scanner';
import { sha256File } from '@trustgate/core/base';
import { DigestPool, DigestReadError } from '../src/io/digest-pool.js';
import { FIXTURES, policy } from './helpers.js';

// The hashing thread is the compiled one; without a build the pool hashes in this thread only.
const DIGEST_WORKER = resolve(FIXTURES, '../../dist/digest-worker.js');
const worker = existsSync(DIGEST_WORKER) ? DIGEST_WORKER : undefined;

// Sizes around the 256 KiB read: empty, one byte, one read exactly, one byte over, and past a few yields (1 MiB).
function files(): { dir: string; paths: string[]; expected: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'tg-digest-'));
  const sizes = [0, 1, 256 << 10, (256 << 10) + 1, (3 << 20) + 3];
  const paths: string[] = [];
  const expected: string[] = [];
  sizes.forEach((n, i) => {
    const bytes = randomBytes(n);
    const path = join(dir, `f${i}.bin`);
    writeFileSync(path, bytes);
    paths.push(path);
    expected.push(createHash('sha256').update(bytes).digest('hex'));
  });
  return { dir, paths, expected };
}

describe('whole-file digests', () => {
  const { dir, paths, expected } = files();

  test('sha256File reads every byte, across reads and at the edges', async () => {
    expect(await Promise.all(paths.map((p) => sha256File(p)))).toEqual(expected);
  });

  test.each([
    ['this thread only', 0, undefined],
    ['two hashing threads', 2, worker],
  ])('the pool gives each file its own digest, in order (%s)', async (_, threads, file) => {
    const pool = new DigestPool(threads, file);
    try {
      expect(await Promise.all(paths.map((p) => pool.hash(p)))).toEqual(expected);
      const missing = pool.hash(join(dir, 'missing.bin'));
      await expect(missing).rejects.toBeInstanceOf(DigestReadError);
      await expect(missing).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await pool.close();
    }
  });

  test('a hashing thread that dies hands its file and the rest to this thread', async () => {
    const dying = join(mkdtempSync(join(tmpdir(), 'tg-dying-')), 'worker.mjs');
    writeFileSync(dying, "throw new Error('cannot start');\n");
    const pool = new DigestPool(2, dying);
    try {
      expect(await Promise.all(paths.map((p) => pool.hash(p)))).toEqual(expected);
    } finally {
      await pool.close();
    }
  });

  test('scanPaths adds sha256 only when digests are asked for, after the format as fileResult places it', async () => {
    const hashed = await scanPaths([dir], { policy: policy(), workers: 0 });
    expect(hashed.map((f) => f.sha256)).toEqual(expected);
    expect(Object.keys(hashed[0] ?? {}).slice(0, 3)).toEqual(['path', 'format', 'sha256']);
    const plain = await scanPaths([dir], { policy: policy(), workers: 0, digest: false });
    expect(plain.every((f) => !('sha256' in f))).toBe(true);
    expect(plain.map((f) => f.verdict)).toEqual(hashed.map((f) => f.verdict));
  });
});
