import Bunzip from 'seek-bzip';
import { decodeBzip2Streams } from './bzip2-decoder.js';
import { ContainerError } from './limits.js';

/**
 * bzip2 (all concatenated streams, as Python's bz2 reads them): decoded in TypeScript when every block and stream
 * CRC checks out and the streams end with the input (bzip2-decoder.ts); anything else goes to seek-bzip, whose
 * error or output stands.
 */
export function decodeBzip2(src: Uint8Array, cap: number): Uint8Array {
  return decodeBzip2Streams(src, cap) ?? decodeWithSeekBzip(src, cap);
}

/**
 * seek-bzip, with our own input that fails at the end of the data instead of reading zeros, and an output that
 * refuses to grow past `cap`.
 */
export function decodeWithSeekBzip(src: Uint8Array, cap: number): Uint8Array {
  let pos = 0;
  const input = {
    readByte(): number {
      if (pos >= src.length) throw new ContainerError('bzip2 stream is truncated', 'parse', pos);
      return src[pos++] as number;
    },
    read(buffer: Uint8Array, offset: number, length: number): number {
      const n = Math.min(length, src.length - pos);
      if (n <= 0) return -1;
      buffer.set(src.subarray(pos, pos + n), offset);
      pos += n;
      return n;
    },
    seek(to: number): void {
      pos = to;
    },
    eof: () => pos >= src.length,
  };
  let out = new Uint8Array(Math.min(cap, Math.max(1 << 16, src.length * 4)));
  let o = 0;
  const output = {
    writeByte(b: number): void {
      if (o >= out.length) {
        if (o >= cap) throw new ContainerError(`bzip2 stream decompresses past the limit of ${cap} bytes`, 'limit');
        const next = new Uint8Array(Math.min(cap, out.length * 2));
        next.set(out);
        out = next;
      }
      out[o++] = b;
    },
  };
  try {
    Bunzip.decode(input, output, true);
  } catch (e) {
    if (e instanceof ContainerError) throw e;
    throw new ContainerError(`bzip2 stream is corrupt: ${(e as Error).message}`, 'parse');
  }
  return out.subarray(0, o);
}
