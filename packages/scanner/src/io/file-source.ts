import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { bufferSource, type ByteSource } from '../source.js';

/** A ByteSource over a file on disk, read by positioned reads only (nothing is read that an analyser skips). */
export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

/**
 * Regular files up to this size are read whole, synchronously, on open: one read instead of an open, a stat and a
 * few positioned reads each through the I/O pool, which cost more than the bytes for a directory of small files.
 */
const READ_WHOLE = 1 << 20;

export async function openFileSource(path: string, name: string): Promise<FileSource> {
  const whole = readSmallFile(path);
  if (whole) return { ...bufferSource(name, whole, dirname(path)), close: async () => {} };
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    name,
    size,
    directory: dirname(path),
    async read(offset, length) {
      const start = Math.max(0, Math.min(offset, size));
      const n = Math.max(0, Math.min(length, size - start));
      const buf = new Uint8Array(n);
      let done = 0;
      while (done < n) {
        const { bytesRead } = await handle.read(buf, done, n - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === n ? buf : buf.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

/**
 * The bytes of a regular file up to READ_WHOLE, with one open, one fstat and the reads (readFileSync after a stat
 * made two stats); undefined for anything else. O_NONBLOCK so that opening a FIFO to look at it never waits.
 */
function readSmallFile(path: string): Uint8Array | undefined {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > READ_WHOLE) return undefined;
    const bytes = new Uint8Array(st.size);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, done);
      if (n === 0) break;
      done += n;
    }
    return done === bytes.length ? bytes : bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}
