/**
 * LZMA and LZMA2 decoding in TypeScript, after Igor Pavlov's LzmaSpec.cpp and Lzma2Dec.c: the common case of
 * `.lzma` streams and 7z folders decoded without a 7-Zip instance. It never decides that data is bad: anything it
 * does not decode exactly to the end of its input (a truncated or padded stream, a distance before the start, a
 * match past the declared size, an LZMA2 chunk out of order) makes it return undefined, and the caller hands the
 * bytes to 7-Zip, whose verdict stands. Output is one flat buffer (the dictionary is the output itself), so no
 * allocation follows a size the stream declares beyond the caller's cap.
 */

const PROB_INIT = 1024;
const TOP = 1 << 24;
const STATES = 12;
const POS_STATES_MAX = 16;
const LEN_TO_POS_STATES = 4;
const END_POS_MODEL_INDEX = 14;
const FULL_DISTANCES = 128;
const ALIGN_BITS = 4;
const MATCH_MIN_LEN = 2;
/** Smallest dictionary 7-Zip uses whatever the header says (LZMA_DIC_MIN). */
const DIC_MIN = 1 << 12;
/**
 * 7-Zip allocates the dictionary a stream declares, and in WebAssembly (32-bit memory) fails from 2 GiB: a stream
 * declaring more than 1 GiB is left to it, so its refusal stands (this decoder never allocates a dictionary).
 */
const DIC_MAX = 1 << 30;

/** Thrown inside the decoder and caught at its entry points: the stream is not one this decoder answers for. */
class Decline {}
const DECLINE = new Decline();

/** The input of one range-coded run, which must end exactly at `end`. */
class RangeDecoder {
  range = 0xffffffff;
  code = 0;
  pos: number;

  constructor(
    private readonly buf: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    if (start + 5 > end || buf[start] !== 0) throw DECLINE;
    this.pos = start + 1;
    for (let i = 0; i < 4; i++) this.code = this.code * 256 + (buf[this.pos++] as number);
    if (this.code === this.range) throw DECLINE;
  }

  private next(): number {
    if (this.pos >= this.end) throw DECLINE;
    return this.buf[this.pos++] as number;
  }

  bit(probs: Uint16Array, i: number): number {
    const v = probs[i] as number;
    const bound = (this.range >>> 11) * v;
    let bit: number;
    if (this.code < bound) {
      probs[i] = v + ((2048 - v) >>> 5);
      this.range = bound;
      bit = 0;
    } else {
      probs[i] = v - (v >>> 5);
      this.code -= bound;
      this.range -= bound;
      bit = 1;
    }
    if (this.range < TOP) {
      this.range *= 256;
      this.code = this.code * 256 + this.next();
    }
    return bit;
  }

  direct(count: number): number {
    let res = 0;
    for (let i = 0; i < count; i++) {
      this.range = this.range >>> 1;
      let bit = 1;
      if (this.code >= this.range) this.code -= this.range;
      else bit = 0;
      if (this.code === this.range) throw DECLINE;
      res = res * 2 + bit;
      if (this.range < TOP) {
        this.range *= 256;
        this.code = this.code * 256 + this.next();
      }
    }
    return res;
  }

  tree(probs: Uint16Array, base: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = m * 2 + this.bit(probs, base + m);
    return m - (1 << bits);
  }

  reverse(probs: Uint16Array, base: number, bits: number): number {
    let m = 1;
    let sym = 0;
    for (let i = 0; i < bits; i++) {
      const b = this.bit(probs, base + m);
      m = m * 2 + b;
      sym |= b << i;
    }
    return sym;
  }
}

/** Offsets into one Uint16Array of every probability the decoder keeps (literal coder last, sized by lc + lp). */
const IS_MATCH = 0;
const IS_REP = IS_MATCH + (STATES << 4);
const IS_REP_G0 = IS_REP + STATES;
const IS_REP_G1 = IS_REP_G0 + STATES;
const IS_REP_G2 = IS_REP_G1 + STATES;
const IS_REP0_LONG = IS_REP_G2 + STATES;
const POS_SLOT = IS_REP0_LONG + (STATES << 4);
const POS_SPECIAL = POS_SLOT + (LEN_TO_POS_STATES << 6);
const ALIGN = POS_SPECIAL + 1 + FULL_DISTANCES - END_POS_MODEL_INDEX;
// A length coder: choice, choice2, low[16][8], mid[16][8], high[256].
const LEN_SIZE = 2 + POS_STATES_MAX * 8 * 2 + 256;
const LEN = ALIGN + (1 << ALIGN_BITS);
const REP_LEN = LEN + LEN_SIZE;
const LITERAL = REP_LEN + LEN_SIZE;

export interface LzmaProps {
  lc: number;
  lp: number;
  pb: number;
}

/** The properties byte (lc, lp, pb), as LzmaProps_Decode reads it; undefined when out of range. */
export function lzmaProps(d: number): LzmaProps | undefined {
  if (d >= 9 * 5 * 5) return undefined;
  return { lc: d % 9, lp: Math.floor(d / 9) % 5, pb: Math.floor(d / 45) };
}

/**
 * One LZMA decoder writing into `out` from `outPos`: its state (probabilities, reps, state) survives across
 * LZMA2 chunks unless reset; the window is everything already in `out` (at most `dictSize` back).
 */
class LzmaDecoder {
  private probs = new Uint16Array(0);
  private lc = 0;
  private lp = 0;
  private pb = 0;
  private state = 0;
  private rep0 = 0;
  private rep1 = 0;
  private rep2 = 0;
  private rep3 = 0;
  /** Where the current dictionary begins in `out` (an LZMA2 dictionary reset moves it). */
  dictStart = 0;

  constructor(
    public out: Uint8Array,
    public outPos: number,
    private readonly dictSize: number,
  ) {}

  setProps(p: LzmaProps): void {
    const size = LITERAL + (0x300 << (p.lc + p.lp));
    if (this.probs.length !== size) this.probs = new Uint16Array(size);
    this.lc = p.lc;
    this.lp = p.lp;
    this.pb = p.pb;
  }

  resetState(): void {
    this.probs.fill(PROB_INIT);
    this.state = 0;
    this.rep0 = this.rep1 = this.rep2 = this.rep3 = 0;
  }

  private len(rc: RangeDecoder, base: number, posState: number): number {
    const p = this.probs;
    if (rc.bit(p, base) === 0) return rc.tree(p, base + 2 + posState * 8 - 1, 3);
    if (rc.bit(p, base + 1) === 0) return 8 + rc.tree(p, base + 2 + POS_STATES_MAX * 8 + posState * 8 - 1, 3);
    return 16 + rc.tree(p, base + 2 + POS_STATES_MAX * 16 - 1, 8);
  }

  private distance(rc: RangeDecoder, len: number): number {
    const p = this.probs;
    const lenState = len > LEN_TO_POS_STATES - 1 ? LEN_TO_POS_STATES - 1 : len;
    const slot = rc.tree(p, POS_SLOT + (lenState << 6) - 1, 6);
    if (slot < 4) return slot;
    const direct = (slot >>> 1) - 1;
    let dist = (2 | (slot & 1)) * 2 ** direct;
    if (slot < END_POS_MODEL_INDEX) return dist + rc.reverse(p, POS_SPECIAL + dist - slot - 1, direct);
    dist += rc.direct(direct - ALIGN_BITS) * 2 ** ALIGN_BITS;
    return dist + rc.reverse(p, ALIGN - 1, ALIGN_BITS);
  }

  /** Room for `need` bytes in `out`, doubling up to `cap`. */
  reserve(need: number, cap: number): void {
    if (need <= this.out.length) return;
    if (need > cap) throw DECLINE;
    const next = new Uint8Array(Math.min(cap, Math.max(need, this.out.length * 2)));
    next.set(this.out.subarray(0, this.outPos));
    this.out = next;
  }

  /**
   * Decode until `limit` bytes are in `out` (a declared size) or, without one, until the end marker; `cap` bounds a
   * growing buffer. Returns whether the end marker was read.
   */
  decode(rc: RangeDecoder, limit: number | undefined, cap: number, markerAllowed: boolean): boolean {
    const p = this.probs;
    const pbMask = (1 << this.pb) - 1;
    const lpMask = (1 << this.lp) - 1;
    const lc = this.lc;
    let { state, rep0, rep1, rep2, rep3 } = this;
    let out = this.out;
    let pos = this.outPos;
    const end = limit ?? Number.POSITIVE_INFINITY;
    const dictStart = this.dictStart;
    let marker = false;
    for (;;) {
      if (pos === end) break;
      const posState = (pos - dictStart) & pbMask;
      if (rc.bit(p, IS_MATCH + (state << 4) + posState) === 0) {
        if (pos >= out.length) {
          this.outPos = pos;
          this.reserve(pos + 1, cap);
          out = this.out;
        }
        const prev = pos > dictStart ? (out[pos - 1] as number) : 0;
        const base = LITERAL + 0x300 * ((((pos - dictStart) & lpMask) << lc) + (prev >>> (8 - lc)));
        let sym = 1;
        if (state >= 7) {
          if (rep0 >= pos - dictStart) throw DECLINE;
          let match = out[pos - rep0 - 1] as number;
          while (sym < 0x100) {
            const mb = (match >>> 7) & 1;
            match <<= 1;
            const b = rc.bit(p, base + ((1 + mb) << 8) + sym);
            sym = (sym << 1) | b;
            if (mb !== b) break;
          }
        }
        while (sym < 0x100) sym = (sym << 1) | rc.bit(p, base + sym);
        out[pos++] = sym - 0x100;
        state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      let len: number;
      if (rc.bit(p, IS_REP + state) !== 0) {
        if (pos === dictStart) throw DECLINE;
        if (rc.bit(p, IS_REP_G0 + state) === 0) {
          if (rc.bit(p, IS_REP0_LONG + (state << 4) + posState) === 0) {
            if (pos >= out.length) {
              this.outPos = pos;
              this.reserve(pos + 1, cap);
              out = this.out;
            }
            if (rep0 >= pos - dictStart) throw DECLINE;
            state = state < 7 ? 9 : 11;
            out[pos] = out[pos - rep0 - 1] as number;
            pos++;
            continue;
          }
        } else {
          let dist: number;
          if (rc.bit(p, IS_REP_G1 + state) === 0) dist = rep1;
          else {
            if (rc.bit(p, IS_REP_G2 + state) === 0) dist = rep2;
            else {
              dist = rep3;
              rep3 = rep2;
            }
            rep2 = rep1;
          }
          rep1 = rep0;
          rep0 = dist;
        }
        len = this.len(rc, REP_LEN, posState);
        state = state < 7 ? 8 : 11;
      } else {
        rep3 = rep2;
        rep2 = rep1;
        rep1 = rep0;
        len = this.len(rc, LEN, posState);
        state = state < 7 ? 7 : 10;
        rep0 = this.distance(rc, len);
        if (rep0 === 0xffffffff) {
          if (!markerAllowed) throw DECLINE;
          marker = true;
          break;
        }
        if (rep0 >= this.dictSize) throw DECLINE;
      }
      len += MATCH_MIN_LEN;
      if (rep0 >= pos - dictStart || pos + len > end) throw DECLINE;
      if (pos + len > out.length) {
        this.outPos = pos;
        this.reserve(pos + len, cap);
        out = this.out;
      }
      const from = pos - rep0 - 1;
      for (let i = 0; i < len; i++) out[pos + i] = out[from + i] as number;
      pos += len;
    }
    Object.assign(this, { state, rep0, rep1, rep2, rep3, outPos: pos });
    return marker;
  }
}

/** The first buffer for an output of at most `limit` bytes: grown as it fills, so a declared size costs nothing up front. */
function initial(limit: number, input: number): number {
  return Math.min(limit, Math.max(1 << 16, input * 4));
}

function run<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}

/** The dictionary size 7-Zip's LZMA handler accepts in a `.lzma` header (CheckDicSize in LzmaHandler.cpp). */
function plausibleDictSize(d: number): boolean {
  if (d === 1 || d === 0xffffffff) return true;
  for (let i = 0; i <= 30; i++) if (d === 2 * 2 ** i || d === 3 * 2 ** i) return true;
  return false;
}

/**
 * An LZMA-alone stream (`.lzma`: 5 property bytes, 8-byte size, one range-coded stream) decoded when it ends
 * exactly where the input does; undefined for anything else, or for output past `cap`.
 */
export function decodeLzmaAloneStream(src: Uint8Array, cap: number): Uint8Array | undefined {
  if (src.length < 13) return undefined;
  const props = lzmaProps(src[0] as number);
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const dictSize = view.getUint32(1, true);
  const lo = view.getUint32(5, true);
  const hi = view.getUint32(9, true);
  if (!props || !plausibleDictSize(dictSize) || dictSize > DIC_MAX) return undefined;
  const unknown = lo === 0xffffffff && hi === 0xffffffff;
  const size = hi * 2 ** 32 + lo;
  if (!unknown && size > cap) return undefined;
  const limit = unknown ? cap : size;
  return run(() => {
    const dec = new LzmaDecoder(new Uint8Array(initial(limit, src.length)), 0, Math.max(dictSize, DIC_MIN));
    dec.setProps(props);
    dec.resetState();
    const rc = new RangeDecoder(src, 13, src.length);
    const marker = dec.decode(rc, unknown ? undefined : size, limit, unknown);
    if ((unknown && !marker) || rc.code !== 0 || rc.pos !== src.length) throw DECLINE;
    return dec.out.subarray(0, dec.outPos);
  });
}

/** A 7z folder's LZMA coder (5 property bytes) over `packed`, to exactly `size` bytes without an end marker. */
export function decodeLzmaRaw(packed: Uint8Array, propBytes: Uint8Array, size: number): Uint8Array | undefined {
  if (propBytes.length !== 5) return undefined;
  const props = lzmaProps(propBytes[0] as number);
  if (!props) return undefined;
  const dictSize = new DataView(propBytes.buffer, propBytes.byteOffset, 5).getUint32(1, true);
  if (dictSize > DIC_MAX) return undefined;
  return run(() => {
    const dec = new LzmaDecoder(new Uint8Array(initial(size, packed.length)), 0, Math.max(dictSize, DIC_MIN));
    dec.setProps(props);
    dec.resetState();
    const rc = new RangeDecoder(packed, 0, packed.length);
    dec.decode(rc, size, size, false);
    if (rc.code !== 0 || rc.pos !== packed.length || dec.outPos !== size) throw DECLINE;
    return dec.out.subarray(0, size);
  });
}

/**
 * An LZMA2 stream (one dictionary-size byte) over `packed`, to exactly `size` bytes (a 7z folder), or with
 * `upTo` to at most `size` (an .xz block that declares none): its chunks in the order Lzma2Dec.c requires, each
 * LZMA chunk ending exactly at its packed size, the stream at its end byte.
 */
export function decodeLzma2(packed: Uint8Array, propByte: number, size: number, upTo = false): Uint8Array | undefined {
  if (propByte > 40) return undefined;
  const dictSize = propByte === 40 ? 0xffffffff : (2 | (propByte & 1)) * 2 ** (Math.floor(propByte / 2) + 11);
  if (dictSize > DIC_MAX) return undefined;
  return run(() => {
    const dec = new LzmaDecoder(new Uint8Array(initial(size, packed.length)), 0, dictSize);
    let at = 0;
    let needDict = true;
    let needProps = true;
    let needState = true;
    for (;;) {
      if (at >= packed.length) throw DECLINE;
      const c = packed[at++] as number;
      if (c === 0) break;
      if (c === 1 || c === 2) {
        if (at + 2 > packed.length) throw DECLINE;
        const n = (((packed[at] as number) << 8) | (packed[at + 1] as number)) + 1;
        at += 2;
        if (c === 1) {
          dec.dictStart = dec.outPos;
          needProps = needState = true;
        } else if (needDict) throw DECLINE;
        needDict = false;
        if (at + n > packed.length) throw DECLINE;
        dec.reserve(dec.outPos + n, size);
        dec.out.set(packed.subarray(at, at + n), dec.outPos);
        dec.outPos += n;
        at += n;
        continue;
      }
      if (c < 0x80 || at + 4 > packed.length) throw DECLINE;
      const unpacked = (((c & 0x1f) << 16) | ((packed[at] as number) << 8) | (packed[at + 1] as number)) + 1;
      const packedSize = (((packed[at + 2] as number) << 8) | (packed[at + 3] as number)) + 1;
      at += 4;
      const mode = (c >>> 5) & 3;
      if ((mode !== 3 && needDict) || (mode === 0 && needState) || (mode < 2 && needProps)) throw DECLINE;
      if (mode === 3) dec.dictStart = dec.outPos;
      if (mode >= 2) {
        const props = at < packed.length ? lzmaProps(packed[at++] as number) : undefined;
        if (!props || props.lc + props.lp > 4) throw DECLINE;
        dec.setProps(props);
      }
      if (mode >= 1) dec.resetState();
      needDict = needProps = needState = false;
      const target = dec.outPos + unpacked;
      if (target > size || at + packedSize > packed.length) throw DECLINE;
      const rc = new RangeDecoder(packed, at, at + packedSize);
      dec.decode(rc, target, size, false);
      if (rc.code !== 0 || rc.pos !== at + packedSize) throw DECLINE;
      at += packedSize;
    }
    if (at !== packed.length || (!upTo && dec.outPos !== size)) throw DECLINE;
    return dec.out.subarray(0, dec.outPos);
  });
}
