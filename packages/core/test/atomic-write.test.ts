import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { writeFileAtomic } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'trustgate-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  test('replaces the whole file and leaves no temporary file behind', async () => {
    const file = join(dir, 'report.json');
    writeFileSync(file, 'old contents that are longer than the new ones\n');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, '{"new":true}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"new":true}\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  test('a reader never sees a partial file: the inode changes, the old one stays whole', async () => {
    const file = join(dir, 'big.txt');
    await writeFileAtomic(file, 'a'.repeat(1 << 20));
    const before = statSync(file).ino;
    await writeFileAtomic(file, 'b'.repeat(1 << 20));
    expect(statSync(file).ino).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toBe('b'.repeat(1 << 20));
  });

  test('a missing directory: IO_ERROR naming the target, not the temporary file', async () => {
    const file = join(dir, 'no', 'such', 'out.json');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({
      code: 'IO_ERROR',
      file,
      message: `cannot open ${file}: no such file or directory; check the path`,
    });
  });

  test('a directory as the target: IO_ERROR, nothing left behind', async () => {
    const target = join(dir, 'adir');
    mkdirSync(target);
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'IO_ERROR', file: target });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a FIFO or a device is written directly (it cannot be replaced)', async () => {
    await writeFileAtomic('/dev/null', 'discarded');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve) => {
      let text = '';
      import('node:fs').then(({ createReadStream }) =>
        createReadStream(fifo, 'utf8')
          .on('data', (c) => {
            text += c;
          })
          .on('end', () => resolve(text)),
      );
    });
    await writeFileAtomic(fifo, 'through the pipe\n');
    expect(await reader).toBe('through the pipe\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  test('exclusive: creates the whole file, never replaces one, and one of two racing writers wins', async () => {
    const file = join(dir, 'policy.yml');
    await writeFileAtomic(file, 'version: 1\n', { exclusive: true });
    expect(readFileSync(file, 'utf8')).toBe('version: 1\n');
    await expect(writeFileAtomic(file, 'other\n', { exclusive: true })).rejects.toMatchObject({ code: 'FILE_EXISTS', file });
    expect(readFileSync(file, 'utf8')).toBe('version: 1\n');
    const raced = join(dir, 'raced.yml');
    const results = await Promise.allSettled([
      writeFileAtomic(raced, 'a\n', { exclusive: true }),
      writeFileAtomic(raced, 'b\n', { exclusive: true }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(['a\n', 'b\n']).toContain(readFileSync(raced, 'utf8'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
