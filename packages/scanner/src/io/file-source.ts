import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
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
  const st = statSync(path);
  if (st.isFile() && st.size <= READ_WHOLE) {
    const read = readFileSync(path);
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    return { ...bufferSource(name, bytes, dirname(path)), close: async () => {} };
  }
  // Synchronous positioned reads, as for small files: an analysis reads a few dozen ranges of a large file, and each
  // async read would wait for a thread-pool thread (and load node:fs/promises, ~3 ms of start-up).
  const fd = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  // A closed descriptor's number is reused by the next open: never read or close through it again.
  let open = true;
  return {
    name,
    size,
    directory: dirname(path),
    async read(offset, length) {
      if (!open) throw new Error(`${name} was read after it was closed`);
      const start = Math.max(0, Math.min(offset, size));
      const n = Math.max(0, Math.min(length, size - start));
      const buf = new Uint8Array(n);
      let done = 0;
      while (done < n) {
        const bytesRead = readSync(fd, buf, done, n - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === n ? buf : buf.subarray(0, done);
    },
    close: async () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
