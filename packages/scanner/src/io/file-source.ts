import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ByteSource } from '../source.js';

/** A ByteSource over a file on disk, read by positioned reads only (nothing is read that an analyser skips). */
export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

export async function openFileSource(path: string, name: string): Promise<FileSource> {
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
