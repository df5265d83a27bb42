import type { ByteSource } from '../source.js';

const CHUNK = 1 << 20;

export class PickleTruncated extends Error {}

/**
 * Buffered, forward-only reading of a pickle stream from a ByteSource. Large arguments are skipped by moving
 * the position, never read, so memory stays bounded whatever the file holds.
 */
export class PickleInput {
  pos: number;
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;

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
    this.buf = await this.source.read(this.pos, Math.max(n, CHUNK));
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

  /** A `\n`-terminated line (without the newline), at most `max` bytes; throws when truncated or too long. */
  async line(max: number): Promise<Uint8Array> {
    for (let want = 64; ; want = Math.min(want * 4, max + 1)) {
      const have = (await this.ensure(want)) ? want : this.source.size - this.pos;
      if (have <= 0) throw new PickleTruncated('stream ends inside a line argument');
      if (!(await this.ensure(have))) throw new PickleTruncated('stream ends inside a line argument');
      const v = this.view(have);
      const nl = v.indexOf(10);
      if (nl >= 0) {
        const out = v.slice(0, nl);
        this.pos += nl + 1;
        return out;
      }
      if (have < want || have > max)
        throw new PickleTruncated(have > max ? 'line argument too long' : 'stream ends inside a line argument');
    }
  }
}
