export const id = 607;
export const ids = [607];
export const modules = {

/***/ 1804:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   an: () => (/* binding */ decodeLzmaAloneStream),
/* harmony export */   pD: () => (/* binding */ decodeLzma2),
/* harmony export */   tt: () => (/* binding */ decodeLzmaRaw)
/* harmony export */ });
/* unused harmony export lzmaProps */
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
class Decline {
}
const DECLINE = new Decline();
/** The input of one range-coded run, which must end exactly at `end`. */
class RangeDecoder {
    buf;
    end;
    range = 0xffffffff;
    code = 0;
    pos;
    constructor(buf, start, end) {
        this.buf = buf;
        this.end = end;
        if (start + 5 > end || buf[start] !== 0)
            throw DECLINE;
        this.pos = start + 1;
        for (let i = 0; i < 4; i++)
            this.code = this.code * 256 + buf[this.pos++];
        if (this.code === this.range)
            throw DECLINE;
    }
    next() {
        if (this.pos >= this.end)
            throw DECLINE;
        return this.buf[this.pos++];
    }
    bit(probs, i) {
        const v = probs[i];
        const bound = (this.range >>> 11) * v;
        let bit;
        if (this.code < bound) {
            probs[i] = v + ((2048 - v) >>> 5);
            this.range = bound;
            bit = 0;
        }
        else {
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
    direct(count) {
        let res = 0;
        for (let i = 0; i < count; i++) {
            this.range = this.range >>> 1;
            let bit = 1;
            if (this.code >= this.range)
                this.code -= this.range;
            else
                bit = 0;
            if (this.code === this.range)
                throw DECLINE;
            res = res * 2 + bit;
            if (this.range < TOP) {
                this.range *= 256;
                this.code = this.code * 256 + this.next();
            }
        }
        return res;
    }
    tree(probs, base, bits) {
        let m = 1;
        for (let i = 0; i < bits; i++)
            m = m * 2 + this.bit(probs, base + m);
        return m - (1 << bits);
    }
    reverse(probs, base, bits) {
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
/** The properties byte (lc, lp, pb), as LzmaProps_Decode reads it; undefined when out of range. */
function lzmaProps(d) {
    if (d >= 9 * 5 * 5)
        return undefined;
    return { lc: d % 9, lp: Math.floor(d / 9) % 5, pb: Math.floor(d / 45) };
}
/**
 * One LZMA decoder writing into `out` from `outPos`: its state (probabilities, reps, state) survives across
 * LZMA2 chunks unless reset; the window is everything already in `out` (at most `dictSize` back).
 */
class LzmaDecoder {
    out;
    outPos;
    dictSize;
    probs = new Uint16Array(0);
    lc = 0;
    lp = 0;
    pb = 0;
    state = 0;
    rep0 = 0;
    rep1 = 0;
    rep2 = 0;
    rep3 = 0;
    /** Where the current dictionary begins in `out` (an LZMA2 dictionary reset moves it). */
    dictStart = 0;
    constructor(out, outPos, dictSize) {
        this.out = out;
        this.outPos = outPos;
        this.dictSize = dictSize;
    }
    setProps(p) {
        const size = LITERAL + (0x300 << (p.lc + p.lp));
        if (this.probs.length !== size)
            this.probs = new Uint16Array(size);
        this.lc = p.lc;
        this.lp = p.lp;
        this.pb = p.pb;
    }
    resetState() {
        this.probs.fill(PROB_INIT);
        this.state = 0;
        this.rep0 = this.rep1 = this.rep2 = this.rep3 = 0;
    }
    len(rc, base, posState) {
        const p = this.probs;
        if (rc.bit(p, base) === 0)
            return rc.tree(p, base + 2 + posState * 8 - 1, 3);
        if (rc.bit(p, base + 1) === 0)
            return 8 + rc.tree(p, base + 2 + POS_STATES_MAX * 8 + posState * 8 - 1, 3);
        return 16 + rc.tree(p, base + 2 + POS_STATES_MAX * 16 - 1, 8);
    }
    distance(rc, len) {
        const p = this.probs;
        const lenState = len > LEN_TO_POS_STATES - 1 ? LEN_TO_POS_STATES - 1 : len;
        const slot = rc.tree(p, POS_SLOT + (lenState << 6) - 1, 6);
        if (slot < 4)
            return slot;
        const direct = (slot >>> 1) - 1;
        let dist = (2 | (slot & 1)) * 2 ** direct;
        if (slot < END_POS_MODEL_INDEX)
            return dist + rc.reverse(p, POS_SPECIAL + dist - slot - 1, direct);
        dist += rc.direct(direct - ALIGN_BITS) * 2 ** ALIGN_BITS;
        return dist + rc.reverse(p, ALIGN - 1, ALIGN_BITS);
    }
    /** Room for `need` bytes in `out`, doubling up to `cap`. */
    reserve(need, cap) {
        if (need <= this.out.length)
            return;
        if (need > cap)
            throw DECLINE;
        const next = new Uint8Array(Math.min(cap, Math.max(need, this.out.length * 2)));
        next.set(this.out.subarray(0, this.outPos));
        this.out = next;
    }
    /**
     * Decode until `limit` bytes are in `out` (a declared size) or, without one, until the end marker; `cap` bounds a
     * growing buffer. Returns whether the end marker was read.
     */
    decode(rc, limit, cap, markerAllowed) {
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
            if (pos === end)
                break;
            const posState = (pos - dictStart) & pbMask;
            if (rc.bit(p, IS_MATCH + (state << 4) + posState) === 0) {
                if (pos >= out.length) {
                    this.outPos = pos;
                    this.reserve(pos + 1, cap);
                    out = this.out;
                }
                const prev = pos > dictStart ? out[pos - 1] : 0;
                const base = LITERAL + 0x300 * ((((pos - dictStart) & lpMask) << lc) + (prev >>> (8 - lc)));
                let sym = 1;
                if (state >= 7) {
                    if (rep0 >= pos - dictStart)
                        throw DECLINE;
                    let match = out[pos - rep0 - 1];
                    while (sym < 0x100) {
                        const mb = (match >>> 7) & 1;
                        match <<= 1;
                        const b = rc.bit(p, base + ((1 + mb) << 8) + sym);
                        sym = (sym << 1) | b;
                        if (mb !== b)
                            break;
                    }
                }
                while (sym < 0x100)
                    sym = (sym << 1) | rc.bit(p, base + sym);
                out[pos++] = sym - 0x100;
                state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
                continue;
            }
            let len;
            if (rc.bit(p, IS_REP + state) !== 0) {
                if (pos === dictStart)
                    throw DECLINE;
                if (rc.bit(p, IS_REP_G0 + state) === 0) {
                    if (rc.bit(p, IS_REP0_LONG + (state << 4) + posState) === 0) {
                        if (pos >= out.length) {
                            this.outPos = pos;
                            this.reserve(pos + 1, cap);
                            out = this.out;
                        }
                        if (rep0 >= pos - dictStart)
                            throw DECLINE;
                        state = state < 7 ? 9 : 11;
                        out[pos] = out[pos - rep0 - 1];
                        pos++;
                        continue;
                    }
                }
                else {
                    let dist;
                    if (rc.bit(p, IS_REP_G1 + state) === 0)
                        dist = rep1;
                    else {
                        if (rc.bit(p, IS_REP_G2 + state) === 0)
                            dist = rep2;
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
            }
            else {
                rep3 = rep2;
                rep2 = rep1;
                rep1 = rep0;
                len = this.len(rc, LEN, posState);
                state = state < 7 ? 7 : 10;
                rep0 = this.distance(rc, len);
                if (rep0 === 0xffffffff) {
                    if (!markerAllowed)
                        throw DECLINE;
                    marker = true;
                    break;
                }
                if (rep0 >= this.dictSize)
                    throw DECLINE;
            }
            len += MATCH_MIN_LEN;
            if (rep0 >= pos - dictStart || pos + len > end)
                throw DECLINE;
            if (pos + len > out.length) {
                this.outPos = pos;
                this.reserve(pos + len, cap);
                out = this.out;
            }
            const from = pos - rep0 - 1;
            for (let i = 0; i < len; i++)
                out[pos + i] = out[from + i];
            pos += len;
        }
        Object.assign(this, { state, rep0, rep1, rep2, rep3, outPos: pos });
        return marker;
    }
}
/** The first buffer for an output of at most `limit` bytes: grown as it fills, so a declared size costs nothing up front. */
function initial(limit, input) {
    return Math.min(limit, Math.max(1 << 16, input * 4));
}
function run(f) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof Decline)
            return undefined;
        throw e;
    }
}
/** The dictionary size 7-Zip's LZMA handler accepts in a `.lzma` header (CheckDicSize in LzmaHandler.cpp). */
function plausibleDictSize(d) {
    if (d === 1 || d === 0xffffffff)
        return true;
    for (let i = 0; i <= 30; i++)
        if (d === 2 * 2 ** i || d === 3 * 2 ** i)
            return true;
    return false;
}
/**
 * An LZMA-alone stream (`.lzma`: 5 property bytes, 8-byte size, one range-coded stream) decoded when it ends
 * exactly where the input does; undefined for anything else, or for output past `cap`.
 */
function decodeLzmaAloneStream(src, cap) {
    if (src.length < 13)
        return undefined;
    const props = lzmaProps(src[0]);
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    const dictSize = view.getUint32(1, true);
    const lo = view.getUint32(5, true);
    const hi = view.getUint32(9, true);
    if (!props || !plausibleDictSize(dictSize) || dictSize > DIC_MAX)
        return undefined;
    const unknown = lo === 0xffffffff && hi === 0xffffffff;
    const size = hi * 2 ** 32 + lo;
    if (!unknown && size > cap)
        return undefined;
    const limit = unknown ? cap : size;
    return run(() => {
        const dec = new LzmaDecoder(new Uint8Array(initial(limit, src.length)), 0, Math.max(dictSize, DIC_MIN));
        dec.setProps(props);
        dec.resetState();
        const rc = new RangeDecoder(src, 13, src.length);
        const marker = dec.decode(rc, unknown ? undefined : size, limit, unknown);
        if ((unknown && !marker) || rc.code !== 0 || rc.pos !== src.length)
            throw DECLINE;
        return dec.out.subarray(0, dec.outPos);
    });
}
/** A 7z folder's LZMA coder (5 property bytes) over `packed`, to exactly `size` bytes without an end marker. */
function decodeLzmaRaw(packed, propBytes, size) {
    if (propBytes.length !== 5)
        return undefined;
    const props = lzmaProps(propBytes[0]);
    if (!props)
        return undefined;
    const dictSize = new DataView(propBytes.buffer, propBytes.byteOffset, 5).getUint32(1, true);
    if (dictSize > DIC_MAX)
        return undefined;
    return run(() => {
        const dec = new LzmaDecoder(new Uint8Array(initial(size, packed.length)), 0, Math.max(dictSize, DIC_MIN));
        dec.setProps(props);
        dec.resetState();
        const rc = new RangeDecoder(packed, 0, packed.length);
        dec.decode(rc, size, size, false);
        if (rc.code !== 0 || rc.pos !== packed.length || dec.outPos !== size)
            throw DECLINE;
        return dec.out.subarray(0, size);
    });
}
/**
 * An LZMA2 stream (one dictionary-size byte) over `packed`, to exactly `size` bytes (a 7z folder), or with
 * `upTo` to at most `size` (an .xz block that declares none): its chunks in the order Lzma2Dec.c requires, each
 * LZMA chunk ending exactly at its packed size, the stream at its end byte.
 */
function decodeLzma2(packed, propByte, size, upTo = false) {
    if (propByte > 40)
        return undefined;
    const dictSize = propByte === 40 ? 0xffffffff : (2 | (propByte & 1)) * 2 ** (Math.floor(propByte / 2) + 11);
    if (dictSize > DIC_MAX)
        return undefined;
    return run(() => {
        const dec = new LzmaDecoder(new Uint8Array(initial(size, packed.length)), 0, dictSize);
        let at = 0;
        let needDict = true;
        let needProps = true;
        let needState = true;
        for (;;) {
            if (at >= packed.length)
                throw DECLINE;
            const c = packed[at++];
            if (c === 0)
                break;
            if (c === 1 || c === 2) {
                if (at + 2 > packed.length)
                    throw DECLINE;
                const n = ((packed[at] << 8) | packed[at + 1]) + 1;
                at += 2;
                if (c === 1) {
                    dec.dictStart = dec.outPos;
                    needProps = needState = true;
                }
                else if (needDict)
                    throw DECLINE;
                needDict = false;
                if (at + n > packed.length)
                    throw DECLINE;
                dec.reserve(dec.outPos + n, size);
                dec.out.set(packed.subarray(at, at + n), dec.outPos);
                dec.outPos += n;
                at += n;
                continue;
            }
            if (c < 0x80 || at + 4 > packed.length)
                throw DECLINE;
            const unpacked = (((c & 0x1f) << 16) | (packed[at] << 8) | packed[at + 1]) + 1;
            const packedSize = ((packed[at + 2] << 8) | packed[at + 3]) + 1;
            at += 4;
            const mode = (c >>> 5) & 3;
            if ((mode !== 3 && needDict) || (mode === 0 && needState) || (mode < 2 && needProps))
                throw DECLINE;
            if (mode === 3)
                dec.dictStart = dec.outPos;
            if (mode >= 2) {
                const props = at < packed.length ? lzmaProps(packed[at++]) : undefined;
                if (!props || props.lc + props.lp > 4)
                    throw DECLINE;
                dec.setProps(props);
            }
            if (mode >= 1)
                dec.resetState();
            needDict = needProps = needState = false;
            const target = dec.outPos + unpacked;
            if (target > size || at + packedSize > packed.length)
                throw DECLINE;
            const rc = new RangeDecoder(packed, at, at + packedSize);
            dec.decode(rc, target, size, false);
            if (rc.code !== 0 || rc.pos !== at + packedSize)
                throw DECLINE;
            at += packedSize;
        }
        if (at !== packed.length || (!upTo && dec.outPos !== size))
            throw DECLINE;
        return dec.out.subarray(0, dec.outPos);
    });
}
//# sourceMappingURL=lzma.js.map

/***/ }),

/***/ 3607:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decodeWithXzEmbedded: () => (/* binding */ decodeWithXzEmbedded),
  decodeXz: () => (/* binding */ decodeXz)
});

// EXTERNAL MODULE: ../../node_modules/xz-decompress/dist/package/xz-decompress.js
var xz_decompress = __webpack_require__(7238);
// EXTERNAL MODULE: ../../packages/scanner/dist/containers/limits.js
var limits = __webpack_require__(4208);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ../../packages/scanner/dist/containers/lzma.js
var lzma = __webpack_require__(1804);
;// CONCATENATED MODULE: ../../packages/scanner/dist/containers/xz-stream.js
/**
 * One .xz stream (as Python's lzma and joblib write them) read in TypeScript: blocks of the single LZMA2 filter
 * (lzma.ts), each block's CRC-32 or CRC-64 check, the index and the footer all verified. Like lzma.ts it never
 * judges: another filter, a SHA-256 check, concatenated streams, padding, a mismatch or output past the cap return
 * undefined, and the caller hands the bytes to xz-embedded, whose error or output stands.
 */


class Decline {
}
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
function crc64(b) {
    let lo = 0xffffffff;
    let hi = 0xffffffff;
    for (let i = 0; i < b.length; i++) {
        const t = (lo ^ b[i]) & 0xff;
        lo = (((lo >>> 8) | (hi << 24)) ^ CRC64_LO[t]) >>> 0;
        hi = ((hi >>> 8) ^ CRC64_HI[t]) >>> 0;
    }
    return [~lo >>> 0, ~hi >>> 0];
}
const u32 = (b, at) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
/** xz's multibyte integer (at most 9 bytes, no redundant trailing zero byte). */
function varint(b, at, end) {
    let value = 0;
    for (let i = 0; i < 9; i++) {
        if (at.pos >= end)
            throw DECLINE;
        const byte = b[at.pos++];
        value += (byte & 0x7f) * 2 ** (7 * i);
        if ((byte & 0x80) === 0) {
            if (i > 0 && byte === 0)
                throw DECLINE;
            if (!Number.isSafeInteger(value))
                throw DECLINE;
            return value;
        }
    }
    throw DECLINE;
}
function decodeStream(src, cap) {
    if (src.length < 24 || MAGIC.some((m, i) => src[i] !== m))
        throw DECLINE;
    const flags = src.subarray(6, 8);
    if ((0,external_node_zlib_.crc32)(flags) !== u32(src, 8) || flags[0] !== 0)
        throw DECLINE;
    const check = flags[1];
    const checkSize = check === CHECK_NONE ? 0 : check === CHECK_CRC32 ? 4 : check === CHECK_CRC64 ? 8 : -1;
    if (checkSize < 0)
        throw DECLINE;
    const parts = [];
    const records = [];
    let total = 0;
    let at = 12;
    for (;;) {
        if (at >= src.length)
            throw DECLINE;
        if (src[at] === 0)
            break; // the index
        const headerSize = (src[at] + 1) * 4;
        if (at + headerSize > src.length || (0,external_node_zlib_.crc32)(src.subarray(at, at + headerSize - 4)) !== u32(src, at + headerSize - 4))
            throw DECLINE;
        const bflags = src[at + 1];
        if ((bflags & 0x3f) !== 0)
            throw DECLINE; // one filter, no reserved bits
        const cur = { pos: at + 2 };
        const headerEnd = at + headerSize - 4;
        const declaredPacked = bflags & 0x40 ? varint(src, cur, headerEnd) : undefined;
        const declaredSize = bflags & 0x80 ? varint(src, cur, headerEnd) : undefined;
        if (varint(src, cur, headerEnd) !== LZMA2 || varint(src, cur, headerEnd) !== 1 || cur.pos >= headerEnd)
            throw DECLINE;
        const prop = src[cur.pos++];
        while (cur.pos < headerEnd)
            if (src[cur.pos++] !== 0)
                throw DECLINE;
        const dataAt = at + headerSize;
        // The LZMA2 stream ends at its 0x00 control byte; without a declared size, find it by decoding to the cap.
        const packed = declaredPacked ?? lzma2Length(src, dataAt);
        if (packed === undefined || dataAt + packed > src.length)
            throw DECLINE;
        const size = declaredSize ?? undefined;
        const out = (0,lzma/* decodeLzma2 */.pD)(src.subarray(dataAt, dataAt + packed), prop, size ?? cap, size === undefined);
        if (!out || (size !== undefined && out.length !== size))
            throw DECLINE;
        total += out.length;
        if (total > cap)
            throw DECLINE;
        let p = dataAt + packed;
        while (p % 4 !== 0)
            if (src[p++] !== 0)
                throw DECLINE;
        if (p + checkSize > src.length)
            throw DECLINE;
        if (check === CHECK_CRC32 && (0,external_node_zlib_.crc32)(out) !== u32(src, p))
            throw DECLINE;
        if (check === CHECK_CRC64) {
            const [lo, hi] = crc64(out);
            if (lo !== u32(src, p) || hi !== u32(src, p + 4))
                throw DECLINE;
        }
        records.push([headerSize + packed + checkSize, out.length]);
        parts.push(out);
        at = p + checkSize;
    }
    // The index lists every block as decoded, then the footer points back at it; the stream must end there.
    const indexAt = at;
    const cur = { pos: at + 1 };
    if (varint(src, cur, src.length) !== records.length)
        throw DECLINE;
    for (const [unpadded, size] of records)
        if (varint(src, cur, src.length) !== unpadded || varint(src, cur, src.length) !== size)
            throw DECLINE;
    while (cur.pos % 4 !== 0)
        if (src[cur.pos++] !== 0)
            throw DECLINE;
    if (cur.pos + 4 > src.length || (0,external_node_zlib_.crc32)(src.subarray(indexAt, cur.pos)) !== u32(src, cur.pos))
        throw DECLINE;
    const footer = cur.pos + 4;
    if (footer + 12 !== src.length)
        throw DECLINE;
    if ((0,external_node_zlib_.crc32)(src.subarray(footer + 4, footer + 10)) !== u32(src, footer))
        throw DECLINE;
    if ((u32(src, footer + 4) + 1) * 4 !== footer - indexAt)
        throw DECLINE;
    if (src[footer + 8] !== flags[0] || src[footer + 9] !== flags[1] || src[footer + 10] !== 0x59 || src[footer + 11] !== 0x5a)
        throw DECLINE;
    if (parts.length === 1)
        return parts[0];
    const whole = new Uint8Array(total);
    let o = 0;
    for (const part of parts) {
        whole.set(part, o);
        o += part.length;
    }
    return whole;
}
/** Where an LZMA2 stream starting at `at` ends (after its 0x00), from its chunk headers alone. */
function lzma2Length(src, at) {
    let p = at;
    for (;;) {
        if (p >= src.length)
            return undefined;
        const c = src[p];
        if (c === 0)
            return p + 1 - at;
        if (c === 1 || c === 2) {
            if (p + 3 > src.length)
                return undefined;
            p += 3 + ((src[p + 1] << 8) | src[p + 2]) + 1;
        }
        else if (c >= 0x80) {
            if (p + 5 > src.length)
                return undefined;
            p += 5 + (c >= 0xc0 ? 1 : 0) + ((src[p + 3] << 8) | src[p + 4]) + 1;
        }
        else
            return undefined;
    }
}
/** The data of a single-stream .xz file when it decodes exactly (see above); undefined otherwise. */
function decodeXzStream(src, cap) {
    try {
        return decodeStream(src, cap);
    }
    catch (e) {
        if (e instanceof Decline)
            return undefined;
        throw e;
    }
}
//# sourceMappingURL=xz-stream.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/containers/xz.js



// A CommonJS module: its exports arrive as the default import under Node's ESM loader.
/**
 * .xz streams (LZMA2, as Python's lzma and joblib write them): a single plain stream in TypeScript
 * (xz-stream.ts), anything else through xz-embedded compiled to WebAssembly, read chunk by chunk and cancelled as
 * soon as the output passes `cap`.
 */
async function decodeXz(src, cap) {
    return decodeXzStream(src, cap) ?? decodeWithXzEmbedded(src, cap);
}
/** The same through xz-embedded alone. */
async function decodeWithXzEmbedded(src, cap) {
    const input = new ReadableStream({
        start(controller) {
            controller.enqueue(src);
            controller.close();
        },
    });
    const reader = new xz_decompress.XzReadableStream(input).getReader();
    const chunks = [];
    let total = 0;
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            total += value.length;
            if (total > cap) {
                await reader.cancel();
                throw new limits/* ContainerError */.OJ(`xz stream decompresses past the limit of ${cap} bytes`, 'limit');
            }
            chunks.push(value.slice());
        }
    }
    catch (e) {
        if (e instanceof limits/* ContainerError */.OJ)
            throw e;
        throw new limits/* ContainerError */.OJ(`xz stream is corrupt or truncated: ${e.message ?? String(e)}`, 'parse');
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
        out.set(c, o);
        o += c.length;
    }
    return out;
}
//# sourceMappingURL=xz.js.map

/***/ })

};
