import type { ByteSource } from '../../source.js';
import { readExactly } from './bytes.js';
import { malformed } from './errors.js';

/** A little-endian reader over a source that reads headers and seeks over data (tensor bytes are never read). */
export function cursor(source: ByteSource, start = 0) {
  let at = start;
  const read = async (n: number) => {
    const b = await readExactly(source, at, n);
    at += n;
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  };
  return {
    offset: () => at,
    u32: async () => (await read(4)).getUint32(0, true),
    i32: async () => (await read(4)).getInt32(0, true),
    u64: async () => Number((await read(8)).getBigUint64(0, true)),
    i64: async () => Number((await read(8)).getBigInt64(0, true)),
    f64: async () => (await read(8)).getFloat64(0, true),
    bytes: async (n: number) => {
      const b = await readExactly(source, at, n);
      at += n;
      return b;
    },
    skip(n: number) {
      if (!Number.isSafeInteger(n) || n < 0 || at + n > source.size) throw malformed(`data of ${n} bytes at ${at} runs past the end`);
      at += n;
    },
    done: () => at === source.size,
  };
}

export type Cursor = ReturnType<typeof cursor>;
