import { malformed } from './errors.js';

/**
 * A bounds-checked flatbuffer table reader (the wire format of flatbuffers' reflection docs): every offset is
 * attacker-controlled, so each read is checked against the buffer and a bad one throws a malformed-format error.
 */
export class FlatTable {
  private constructor(
    private readonly buf: DataView,
    private readonly pos: number,
  ) {}

  static root(bytes: Uint8Array): FlatTable {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return FlatTable.at(view, u32(view, 0));
  }

  private static at(view: DataView, pos: number): FlatTable {
    const vtable = pos - i32(view, pos);
    u16(view, vtable);
    return new FlatTable(view, pos);
  }

  /** Absolute position of field `i`, or undefined when the vtable omits it. */
  private field(i: number): number | undefined {
    const vtable = this.pos - i32(this.buf, this.pos);
    const vsize = u16(this.buf, vtable);
    if (4 + 2 * i >= vsize) return undefined;
    const off = u16(this.buf, vtable + 4 + 2 * i);
    return off === 0 ? undefined : this.pos + off;
  }

  private deref(at: number): number {
    return at + u32(this.buf, at);
  }

  int(i: number, size: 1 | 4, fallback = 0): number {
    const at = this.field(i);
    if (at === undefined) return fallback;
    return size === 1 ? i8(this.buf, at) : i32(this.buf, at);
  }

  string(i: number): string | undefined {
    const at = this.field(i);
    if (at === undefined) return undefined;
    const s = this.deref(at);
    const n = u32(this.buf, s);
    if (s + 4 + n > this.buf.byteLength) throw malformed(`string at ${s} runs past the end`);
    return new TextDecoder('utf-8').decode(new Uint8Array(this.buf.buffer, this.buf.byteOffset + s + 4, n));
  }

  table(i: number): FlatTable | undefined {
    const at = this.field(i);
    return at === undefined ? undefined : FlatTable.at(this.buf, this.deref(at));
  }

  tables(i: number): FlatTable[] {
    const at = this.field(i);
    if (at === undefined) return [];
    const v = this.deref(at);
    const n = u32(this.buf, v);
    if (v + 4 + 4 * n > this.buf.byteLength) throw malformed(`vector at ${v} of ${n} items runs past the end`);
    return Array.from({ length: n }, (_, k) => FlatTable.at(this.buf, this.deref(v + 4 + 4 * k)));
  }
}

function check(view: DataView, at: number, size: number): void {
  if (at < 0 || at + size > view.byteLength) throw malformed(`offset ${at} is outside the ${view.byteLength}-byte flatbuffer`);
}
function u32(view: DataView, at: number): number {
  check(view, at, 4);
  return view.getUint32(at, true);
}
function i32(view: DataView, at: number): number {
  check(view, at, 4);
  return view.getInt32(at, true);
}
function u16(view: DataView, at: number): number {
  check(view, at, 2);
  return view.getUint16(at, true);
}
function i8(view: DataView, at: number): number {
  check(view, at, 1);
  return view.getInt8(at);
}

/** A flatbuffer whose 4-byte file identifier (bytes 4-8) is `id`. */
export function hasFileIdentifier(head: Uint8Array, id: string): boolean {
  return head.length >= 8 && [...id].every((c, i) => head[4 + i] === c.charCodeAt(0));
}
