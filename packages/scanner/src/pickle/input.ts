import type { ByteSource } from '../source.js';
import { decodeUtf8 } from './strings.js';

// Reads start small (most pickles are small, and a skipped payload makes the next read start elsewhere) and grow.
const FIRST_CHUNK = 64 << 10;
const MAX_CHUNK = 1 << 20;

export class PickleTruncated extends Error {}

/**
 * Buffered, forward-only reading of a pickle stream from a ByteSource. Large arguments are skipped by moving
 * the position, never read, so memory stays bounded whatever the file holds.
 */
export class PickleInput {
  pos: number;
  private buf: Buffer = Buffer.alloc(0);
  private bufStart = 0;
  private chunk = FIRST_CHUNK;

  constructor(
    readonly source: ByteSource,
    start = 0,
  ) {
    this.pos = start;
  }

  get size(): number {
    return this.source.size;
  }

  /** Make `n` bytes from `pos` available synchronously; false when the stream ends first. */
  async ensure(n: number): Promise<boolean> {
    if (this.pos + n > this.source.size) return false;
    const off = this.pos - this.bufStart;
    if (off >= 0 && off + n <= this.buf.length) return true;
    const bytes = await this.source.read(this.pos, Math.max(n, this.chunk));
    // A Buffer view (no copy) for its latin1 slices: short names become strings without per-byte garbage.
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.chunk = Math.min(this.chunk * 2, MAX_CHUNK);
    this.bufStart = this.pos;
    return this.buf.length >= n;
  }

  /** Byte at `pos + i` after ensure(). */
  at(i: number): number {
    return this.buf[this.pos - this.bufStart + i] ?? 0;
  }

  /** A plain Uint8Array view (not a Buffer, whose slice() would not copy). */
  view(n: number): Uint8Array {
    const off = this.pos - this.bufStart;
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset + off, Math.max(0, Math.min(n, this.buf.length - off)));
  }

  /** The `n` bytes at `pos` (after need()) decoded as UTF-8; undefined when invalid. */
  text(n: number): string | undefined {
    const off = this.pos - this.bufStart;
    const buf = this.buf;
    for (let i = off; i < off + n; i++) if ((buf[i] as number) >= 0x80) return decodeUtf8(buf, off, off + n);
    return buf.toString('latin1', off, off + n);
  }

  skip(n: number): void {
    this.pos += n;
  }

  /** Whether `n` bytes from `pos` are buffered. */
  has(n: number): boolean {
    const off = this.pos - this.bufStart;
    return off >= 0 && off + n <= this.buf.length;
  }

  /** Require `n` buffered bytes: throws NeedBytes (refill, then retry the opcode) or PickleTruncated at the end. */
  need(n: number, what: string): void {
    if (this.has(n)) return;
    if (this.pos + n > this.source.size) throw new PickleTruncated(`stream ends inside ${what} (truncated pickle)`);
    throw new NeedBytes(n);
  }

  /** A `\n`-terminated line (without the newline) from the buffer, at most `max` bytes. */
  lineSync(max: number, what: string): Uint8Array {
    const off = this.pos - this.bufStart;
    const avail = off >= 0 ? this.buf.length - off : 0;
    const nl = avail > 0 ? this.buf.indexOf(10, off) : -1;
    if (nl >= 0 && nl - off <= max) {
      const out = new Uint8Array(this.buf.subarray(off, nl));
      this.pos = this.bufStart + nl + 1;
      return out;
    }
    if (nl >= 0 || avail > max) throw new PickleTruncated(`${what} is longer than ${max} bytes`);
    if (off >= 0 && this.bufStart + this.buf.length >= this.source.size)
      throw new PickleTruncated(`stream ends inside ${what} (truncated pickle)`);
    throw new NeedBytes(Math.min(avail + (1 << 16), this.source.size - this.pos));
  }
}

/** Not enough bytes buffered: the machine refills and re-runs the opcode from its start. */
export class NeedBytes {
  constructor(readonly n: number) {}
}
