import { readFileSync, statSync } from 'node:fs';
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
  const st = statSync(path);
  if (st.isFile() && st.size <= READ_WHOLE) {
    const read = readFileSync(path);
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    return { ...bufferSource(name, bytes, dirname(path)), close: async () => {} };
  }
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
