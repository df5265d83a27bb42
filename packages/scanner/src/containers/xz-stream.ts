/**
 * One .xz stream (as Python's lzma and joblib write them) read in TypeScript: blocks of the single LZMA2 filter
 * (lzma.ts), each block's CRC-32 or CRC-64 check, the index and the footer all verified. Like lzma.ts it never
 * judges: another filter, a SHA-256 check, concatenated streams, padding, a mismatch or output past the cap return
 * undefined, and the caller hands the bytes to xz-embedded, whose error or output stands.
 */
import { crc32 } from 'node:zlib';
import { decodeLzma2 } from './lzma.js';

class Decline {}
const DECLINE = new Decline();

const MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const CHECK_NONE = 0x00;
const CHECK_CRC32 = 0x01;
const CHECK_CRC64 = 0x04;
const LZMA2 = 0x21;

// CRC-64/XZ (ECMA-182, reflected) in two 32-bit halves.
const CRC64_LO = new Uint32Array(256);
const CRC64_HI = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let lo = i;
  let hi = 0;
  for (let k = 0; k < 8; k++) {
    const odd = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (odd) {
      lo = (lo ^ 0xd7870f42) >>> 0;
      hi = (hi ^ 0xc96c5795) >>> 0;
    }
  }
  CRC64_LO[i] = lo;
  CRC64_HI[i] = hi;
}

function crc64(b: Uint8Array): [lo: number, hi: number] {
  let lo = 0xffffffff;
  let hi = 0xffffffff;
  for (let i = 0; i < b.length; i++) {
    const t = (lo ^ (b[i] as number)) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ (CRC64_LO[t] as number)) >>> 0;
    hi = ((hi >>> 8) ^ (CRC64_HI[t] as number)) >>> 0;
  }
  return [~lo >>> 0, ~hi >>> 0];
}

const u32 = (b: Uint8Array, at: number) =>
  ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)) >>> 0;

/** xz's multibyte integer (at most 9 bytes, no redundant trailing zero byte). */
function varint(b: Uint8Array, at: { pos: number }, end: number): number {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    if (at.pos >= end) throw DECLINE;
    const byte = b[at.pos++] as number;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) {
      if (i > 0 && byte === 0) throw DECLINE;
      if (!Number.isSafeInteger(value)) throw DECLINE;
      return value;
    }
  }
  throw DECLINE;
}

function decodeStream(src: Uint8Array, cap: number): Uint8Array {
  if (src.length < 24 || MAGIC.some((m, i) => src[i] !== m)) throw DECLINE;
  const flags = src.subarray(6, 8);
  if (crc32(flags) !== u32(src, 8) || flags[0] !== 0) throw DECLINE;
  const check = flags[1] as number;
  const checkSize = check === CHECK_NONE ? 0 : check === CHECK_CRC32 ? 4 : check === CHECK_CRC64 ? 8 : -1;
  if (checkSize < 0) throw DECLINE;
  const parts: Uint8Array[] = [];
  const records: [unpadded: number, size: number][] = [];
  let total = 0;
  let at = 12;
  for (;;) {
    if (at >= src.length) throw DECLINE;
    if (src[at] === 0) break; // the index
    const headerSize = ((src[at] as number) + 1) * 4;
    if (at + headerSize > src.length || crc32(src.subarray(at, at + headerSize - 4)) !== u32(src, at + headerSize - 4)) throw DECLINE;
    const bflags = src[at + 1] as number;
    if ((bflags & 0x3f) !== 0) throw DECLINE; // one filter, no reserved bits
    const cur = { pos: at + 2 };
    const headerEnd = at + headerSize - 4;
    const declaredPacked = bflags & 0x40 ? varint(src, cur, headerEnd) : undefined;
    const declaredSize = bflags & 0x80 ? varint(src, cur, headerEnd) : undefined;
    if (varint(src, cur, headerEnd) !== LZMA2 || varint(src, cur, headerEnd) !== 1 || cur.pos >= headerEnd) throw DECLINE;
    const prop = src[cur.pos++] as number;
    while (cur.pos < headerEnd) if (src[cur.pos++] !== 0) throw DECLINE;
    const dataAt = at + headerSize;
    // The LZMA2 stream ends at its 0x00 control byte; without a declared size, find it by decoding to the cap.
    const packed = declaredPacked ?? lzma2Length(src, dataAt);
    if (packed === undefined || dataAt + packed > src.length) throw DECLINE;
    const size = declaredSize ?? undefined;
    const out = decodeLzma2(src.subarray(dataAt, dataAt + packed), prop, size ?? cap, size === undefined);
    if (!out || (size !== undefined && out.length !== size)) throw DECLINE;
    total += out.length;
    if (total > cap) throw DECLINE;
    let p = dataAt + packed;
    while (p % 4 !== 0) if (src[p++] !== 0) throw DECLINE;
    if (p + checkSize > src.length) throw DECLINE;
    if (check === CHECK_CRC32 && crc32(out) !== u32(src, p)) throw DECLINE;
    if (check === CHECK_CRC64) {
      const [lo, hi] = crc64(out);
      if (lo !== u32(src, p) || hi !== u32(src, p + 4)) throw DECLINE;
    }
    records.push([headerSize + packed + checkSize, out.length]);
    parts.push(out);
    at = p + checkSize;
  }
  // The index lists every block as decoded, then the footer points back at it; the stream must end there.
  const indexAt = at;
  const cur = { pos: at + 1 };
  if (varint(src, cur, src.length) !== records.length) throw DECLINE;
  for (const [unpadded, size] of records)
    if (varint(src, cur, src.length) !== unpadded || varint(src, cur, src.length) !== size) throw DECLINE;
  while (cur.pos % 4 !== 0) if (src[cur.pos++] !== 0) throw DECLINE;
  if (cur.pos + 4 > src.length || crc32(src.subarray(indexAt, cur.pos)) !== u32(src, cur.pos)) throw DECLINE;
  const footer = cur.pos + 4;
  if (footer + 12 !== src.length) throw DECLINE;
  if (crc32(src.subarray(footer + 4, footer + 10)) !== u32(src, footer)) throw DECLINE;
  if ((u32(src, footer + 4) + 1) * 4 !== footer - indexAt) throw DECLINE;
  if (src[footer + 8] !== flags[0] || src[footer + 9] !== flags[1] || src[footer + 10] !== 0x59 || src[footer + 11] !== 0x5a) throw DECLINE;
  if (parts.length === 1) return parts[0] as Uint8Array;
  const whole = new Uint8Array(total);
  let o = 0;
  for (const part of parts) {
    whole.set(part, o);
    o += part.length;
  }
  return whole;
}

/** Where an LZMA2 stream starting at `at` ends (after its 0x00), from its chunk headers alone. */
function lzma2Length(src: Uint8Array, at: number): number | undefined {
  let p = at;
  for (;;) {
    if (p >= src.length) return undefined;
    const c = src[p] as number;
    if (c === 0) return p + 1 - at;
    if (c === 1 || c === 2) {
      if (p + 3 > src.length) return undefined;
      p += 3 + (((src[p + 1] as number) << 8) | (src[p + 2] as number)) + 1;
    } else if (c >= 0x80) {
      if (p + 5 > src.length) return undefined;
      p += 5 + (c >= 0xc0 ? 1 : 0) + (((src[p + 3] as number) << 8) | (src[p + 4] as number)) + 1;
    } else return undefined;
  }
}

/** The data of a single-stream .xz file when it decodes exactly (see above); undefined otherwise. */
export function decodeXzStream(src: Uint8Array, cap: number): Uint8Array | undefined {
  try {
    return decodeStream(src, cap);
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}
