/**
 * bzip2 decoding in TypeScript, after bzip2 1.0.8's decompress.c: the streams of a `.bz2` file decoded when every
 * block CRC and stream CRC checks out and the last stream ends where the input does. Like lzma.ts it never judges
 * the data: anything else (a randomised block, a table out of range, a CRC mismatch, trailing bytes, output past
 * the cap) returns undefined and the caller hands the bytes to seek-bzip, whose error or output stands. Buffers
 * grow with what is decoded, never with the block size a header declares.
 */

class Decline {}
const DECLINE = new Decline();

const MAX_GROUPS = 6;
const MAX_ALPHA = 258;
const MAX_CODE_LEN = 20;
const GROUP_SIZE = 50;
const MAX_SELECTORS = 18002;
const RUNA = 0;
const RUNB = 1;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** Most-significant-bit-first reading; past the end declines. */
class Bits {
  private buf = 0;
  private count = 0;
  pos: number;

  constructor(
    private readonly src: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  read(n: number): number {
    while (this.count < n) {
      if (this.pos >= this.src.length) throw DECLINE;
      this.buf = ((this.buf << 8) | (this.src[this.pos++] as number)) >>> 0;
      this.count += 8;
    }
    this.count -= n;
    return (this.buf >>> this.count) & ((1 << n) - 1);
  }

  read32(): number {
    return ((this.read(16) << 16) | this.read(16)) >>> 0;
  }

  /** Drop the bits left in the current byte (a new stream starts on a byte boundary). */
  align(): void {
    this.count -= this.count % 8;
    this.pos -= this.count / 8;
    this.count = 0;
    this.buf = 0;
  }
}

interface Table {
  minLen: number;
  maxLen: number;
  limit: Int32Array;
  base: Int32Array;
  perm: Int32Array;
  assigned: number;
}

/** BZ2_hbCreateDecodeTables. */
function decodeTable(lengths: Uint8Array, alphaSize: number): Table {
  let minLen = 32;
  let maxLen = 0;
  for (let i = 0; i < alphaSize; i++) {
    const l = lengths[i] as number;
    if (l > maxLen) maxLen = l;
    if (l < minLen) minLen = l;
  }
  const perm = new Int32Array(MAX_ALPHA);
  let pp = 0;
  for (let i = minLen; i <= maxLen; i++) for (let j = 0; j < alphaSize; j++) if (lengths[j] === i) perm[pp++] = j;
  const base = new Int32Array(MAX_CODE_LEN + 3);
  const limit = new Int32Array(MAX_CODE_LEN + 2);
  for (let i = 0; i < alphaSize; i++) {
    const k = (lengths[i] as number) + 1;
    base[k] = (base[k] as number) + 1;
  }
  for (let i = 1; i < base.length; i++) base[i] = (base[i] as number) + (base[i - 1] as number);
  let vec = 0;
  for (let i = minLen; i <= maxLen; i++) {
    vec += (base[i + 1] as number) - (base[i] as number);
    limit[i] = vec - 1;
    vec <<= 1;
  }
  for (let i = minLen + 1; i <= maxLen; i++) base[i] = (((limit[i - 1] as number) + 1) << 1) - (base[i] as number);
  return { minLen, maxLen, limit, base, perm, assigned: pp };
}

class Output {
  buf: Uint8Array;
  len = 0;
  constructor(
    initial: number,
    private readonly cap: number,
  ) {
    this.buf = new Uint8Array(Math.min(cap, initial));
  }

  reserve(n: number): void {
    const need = this.len + n;
    if (need <= this.buf.length) return;
    if (need > this.cap) throw DECLINE;
    const next = new Uint8Array(Math.min(this.cap, Math.max(need, this.buf.length * 2)));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
}

/** One block after its signature: decoded, un-BWT'd and un-RLE'd into `out`; returns the block CRC computed. */
function decodeBlock(bits: Bits, level: number, out: Output): { stored: number; computed: number } {
  const stored = bits.read32();
  if (bits.read(1) !== 0) throw DECLINE; // randomised blocks (bzip2 0.9.0) are seek-bzip's to refuse
  const origPtr = bits.read(24);
  const used = bits.read(16);
  const seqToUnseq = new Uint8Array(256);
  let inUse = 0;
  for (let i = 0; i < 16; i++)
    if (used & (0x8000 >>> i)) {
      const bitsUsed = bits.read(16);
      for (let j = 0; j < 16; j++) if (bitsUsed & (0x8000 >>> j)) seqToUnseq[inUse++] = i * 16 + j;
    }
  if (inUse === 0) throw DECLINE;
  const alphaSize = inUse + 2;
  const nGroups = bits.read(3);
  if (nGroups < 2 || nGroups > MAX_GROUPS) throw DECLINE;
  const nSelectors = bits.read(15);
  if (nSelectors < 1 || nSelectors > MAX_SELECTORS) throw DECLINE;
  const mtfGroups = [0, 1, 2, 3, 4, 5];
  const selectors = new Uint8Array(nSelectors);
  for (let i = 0; i < nSelectors; i++) {
    let j = 0;
    while (bits.read(1)) if (++j >= nGroups) throw DECLINE;
    const v = mtfGroups[j] as number;
    mtfGroups.splice(j, 1);
    mtfGroups.unshift(v);
    selectors[i] = v;
  }
  const tables: Table[] = [];
  const lengths = new Uint8Array(MAX_ALPHA);
  for (let t = 0; t < nGroups; t++) {
    let curr = bits.read(5);
    for (let i = 0; i < alphaSize; i++) {
      for (;;) {
        if (curr < 1 || curr > MAX_CODE_LEN) throw DECLINE;
        if (!bits.read(1)) break;
        curr += bits.read(1) ? -1 : 1;
      }
      lengths[i] = curr;
    }
    tables.push(decodeTable(lengths, alphaSize));
  }

  // Huffman symbols, their runs and move-to-front, into tt (grown as it fills, up to the block size).
  const blockMax = 100000 * level;
  let tt = new Uint32Array(Math.min(blockMax, 1 << 14));
  let nblock = 0;
  const counts = new Int32Array(256);
  const mtf = new Uint8Array(256);
  for (let i = 0; i < 256; i++) mtf[i] = i;
  const eob = inUse + 1;
  let group = -1;
  let groupPos = 0;
  let table = tables[0] as Table;
  const next = (): number => {
    if (groupPos === 0) {
      if (++group >= nSelectors) throw DECLINE;
      groupPos = GROUP_SIZE;
      table = tables[selectors[group] as number] as Table;
    }
    groupPos--;
    let n = table.minLen;
    let v = bits.read(n);
    while (v > (table.limit[n] as number)) {
      if (++n > table.maxLen) throw DECLINE;
      v = (v << 1) | bits.read(1);
    }
    const idx = v - (table.base[n] as number);
    if (idx < 0 || idx >= table.assigned) throw DECLINE;
    return table.perm[idx] as number;
  };
  const room = (n: number) => {
    if (nblock + n > blockMax) throw DECLINE;
    if (nblock + n <= tt.length) return;
    const grown = new Uint32Array(Math.min(blockMax, Math.max(nblock + n, tt.length * 2)));
    grown.set(tt.subarray(0, nblock));
    tt = grown;
  };
  let sym = next();
  while (sym !== eob) {
    if (sym === RUNA || sym === RUNB) {
      let es = 0;
      let n = 1;
      do {
        if (n >= 2 * 1024 * 1024) throw DECLINE;
        es += sym === RUNA ? n : 2 * n;
        n *= 2;
        sym = next();
      } while (sym === RUNA || sym === RUNB);
      const uc = seqToUnseq[mtf[0] as number] as number;
      room(es);
      tt.fill(uc, nblock, nblock + es);
      nblock += es;
      counts[uc] = (counts[uc] as number) + es;
      continue;
    }
    const nn = sym - 1;
    const v = mtf[nn] as number;
    mtf.copyWithin(1, 0, nn);
    mtf[0] = v;
    const uc = seqToUnseq[v] as number;
    room(1);
    tt[nblock++] = uc;
    counts[uc] = (counts[uc] as number) + 1;
    sym = next();
  }
  if (origPtr >= nblock) throw DECLINE;

  // Inverse Burrows-Wheeler: each entry gets the index of its successor in its upper 24 bits.
  const cftab = new Int32Array(256);
  for (let i = 1; i < 256; i++) cftab[i] = (cftab[i - 1] as number) + (counts[i - 1] as number);
  for (let i = 0; i < nblock; i++) {
    const uc = (tt[i] as number) & 0xff;
    const at = cftab[uc] as number;
    tt[at] = ((tt[at] as number) | (i << 8)) >>> 0;
    cftab[uc] = at + 1;
  }
  // Undo the initial run-length coding (four equal bytes, then a count) while computing the block CRC.
  let crc = 0xffffffff;
  let pos = (tt[origPtr] as number) >>> 8;
  let last = -1;
  let run = 0;
  for (let k = 0; k < nblock; k++) {
    const e = tt[pos] as number;
    const b = e & 0xff;
    pos = e >>> 8;
    if (run === 4) {
      out.reserve(b);
      for (let r = 0; r < b; r++) {
        out.buf[out.len++] = last;
        crc = ((crc << 8) ^ (CRC_TABLE[(crc >>> 24) ^ last] as number)) >>> 0;
      }
      run = 0;
      last = -1;
      continue;
    }
    if (b === last) run++;
    else {
      last = b;
      run = 1;
    }
    out.reserve(1);
    out.buf[out.len++] = b;
    crc = ((crc << 8) ^ (CRC_TABLE[(crc >>> 24) ^ b] as number)) >>> 0;
  }
  return { stored, computed: ~crc >>> 0 };
}

function decodeAll(src: Uint8Array, cap: number): Uint8Array {
  const out = new Output(Math.max(1 << 16, src.length * 4), cap);
  let at = 0;
  do {
    if (at + 4 > src.length || src[at] !== 0x42 || src[at + 1] !== 0x5a || src[at + 2] !== 0x68) throw DECLINE;
    const level = (src[at + 3] as number) - 0x30;
    if (level < 1 || level > 9) throw DECLINE;
    const bits = new Bits(src, at + 4);
    let combined = 0;
    for (;;) {
      const hi = bits.read(24);
      const lo = bits.read(24);
      if (hi === 0x177245 && lo === 0x385090) {
        if (bits.read32() !== combined) throw DECLINE;
        break;
      }
      if (hi !== 0x314159 || lo !== 0x265359) throw DECLINE;
      const { stored, computed } = decodeBlock(bits, level, out);
      if (stored !== computed) throw DECLINE;
      combined = (((combined << 1) | (combined >>> 31)) ^ computed) >>> 0;
    }
    bits.align();
    at = bits.pos;
  } while (at < src.length);
  return out.buf.subarray(0, out.len);
}

/** Every bzip2 stream in `src`, concatenated, when they decode exactly (see above); undefined otherwise. */
export function decodeBzip2Streams(src: Uint8Array, cap: number): Uint8Array | undefined {
  try {
    return decodeAll(src, cap);
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}
