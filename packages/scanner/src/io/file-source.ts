import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { bufferSource, type ByteSource } from '../source.js';

/** A ByteSource over a file on disk, read by positioned reads only (nothing is read that an analyser skips). */
export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

/**
 * Regular files up to this size are read whole, synchronously, on open: one open, one fstat and one read instead of
 * a few positioned reads each through the I/O pool, which cost more than the bytes for a directory of small files.
 */
const READ_WHOLE = 1 << 20;

export async function openFileSource(path: string, name: string): Promise<FileSource> {
  // O_NONBLOCK so that opening a FIFO to look at it never waits (it has no effect on regular files).
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let size: number;
  try {
    const st = fstatSync(fd);
    size = st.size;
    if (st.isFile() && size <= READ_WHOLE) {
      const bytes = readAt(fd, new Uint8Array(size), 0);
      closeSync(fd);
      return { ...bufferSource(name, bytes, dirname(path)), close: async () => {} };
    }
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  // Synchronous positioned reads for larger files too: an analysis reads a few dozen ranges of a large file, and each
  // async read would wait for a thread-pool thread (and load node:fs/promises, ~3 ms of start-up).
  // A closed descriptor's number is reused by the next open: never read or close through it again.
  let open = true;
  return {
    name,
    size,
    directory: dirname(path),
    async read(offset, length) {
      if (!open) throw new Error(`${name} was read after it was closed`);
      const start = Math.max(0, Math.min(offset, size));
      return readAt(fd, new Uint8Array(Math.max(0, Math.min(length, size - start))), start);
    },
    close: async () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** Fills `buf` from `position`; shorter (a subarray) when the file ended first. */
function readAt(fd: number, buf: Uint8Array, position: number): Uint8Array {
  let done = 0;
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === buf.length ? buf : buf.subarray(0, done);
}
