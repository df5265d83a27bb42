import type { ByteSource } from '../source.js';

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
  private buf: Uint8Array = new Uint8Array(0);
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
    this.buf = await this.source.read(this.pos, Math.max(n, this.chunk));
    this.chunk = Math.min(this.chunk * 2, MAX_CHUNK);
    this.bufStart = this.pos;
    return this.buf.length >= n;
  }

  /** Byte at `pos + i` after ensure(). */
  at(i: number): number {
    return this.buf[this.pos - this.bufStart + i] ?? 0;
  }

  view(n: number): Uint8Array {
    const off = this.pos - this.bufStart;
    return this.buf.subarray(off, off + n);
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
      const out = this.buf.slice(off, nl);
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
