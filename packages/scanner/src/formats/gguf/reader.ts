import type { ByteSource } from '../../source.js';
import { malformed } from '../shared/errors.js';

const CHUNK = 1024 * 1024;

/** Sequential little-endian reads over a ByteSource, one megabyte window at a time (vocabularies are long). */
export class SequentialReader {
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;
  position: number;

  constructor(
    private readonly source: ByteSource,
    start = 0,
  ) {
    this.position = start;
  }

  private async ensure(n: number): Promise<DataView> {
    const rel = this.position - this.windowStart;
    if (rel < 0 || rel + n > this.window.length) {
      if (this.position + n > this.source.size) throw malformed(`truncated at offset ${this.position}: needs ${n} more bytes`);
      this.window = await this.source.read(this.position, Math.max(n, CHUNK));
      this.windowStart = this.position;
      if (this.window.length < n) throw malformed(`truncated at offset ${this.position}`);
    }
    return new DataView(this.window.buffer, this.window.byteOffset + (this.position - this.windowStart), n);
  }

  async bytes(n: number): Promise<Uint8Array> {
    if (n > CHUNK) {
      const out = await this.source.read(this.position, n);
      if (out.length !== n) throw malformed(`truncated at offset ${this.position}`);
      this.position += n;
      return out;
    }
    const view = await this.ensure(n);
    this.position += n;
    return new Uint8Array(view.buffer, view.byteOffset, n);
  }

  async skip(n: number): Promise<void> {
    if (this.position + n > this.source.size) throw malformed(`truncated at offset ${this.position}: skips ${n} bytes past the end`);
    this.position += n;
  }

  async u8(): Promise<number> {
    const v = (await this.ensure(1)).getUint8(0);
    this.position += 1;
    return v;
  }

  async u32(): Promise<number> {
    const v = (await this.ensure(4)).getUint32(0, true);
    this.position += 4;
    return v;
  }

  async u64(): Promise<bigint> {
    const v = (await this.ensure(8)).getBigUint64(0, true);
    this.position += 8;
    return v;
  }
}
