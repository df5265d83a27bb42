export const id = 448;
export const ids = [448];
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

/***/ 4448:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decodeLzmaAlone: () => (/* binding */ decodeLzmaAlone),
  decodeLzmaAloneWith7Zip: () => (/* binding */ decodeLzmaAloneWith7Zip),
  readSevenZip: () => (/* binding */ readSevenZip),
  readWith7Zip: () => (/* binding */ readWith7Zip)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ../../packages/scanner/dist/containers/lzma.js
var lzma = __webpack_require__(1804);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ../../packages/scanner/dist/containers/sevenzip-reader.js
/**
 * A 7z archive read in TypeScript for the common case, after 7-Zip's 7zIn.cpp: a plain or LZMA-encoded header,
 * folders of one Copy, LZMA or LZMA2 coder, every CRC the archive carries checked. It answers only for archives it
 * reads completely and exactly as 7-Zip would list and extract them; for anything else (another coder or a filter,
 * encryption, a CRC mismatch, a name 7-Zip would rewrite, a limit reached, an unknown property, a byte left over)
 * it returns undefined and the archive goes to 7-Zip itself, whose result stands. Everything it builds is local
 * to one call: nothing is shared between archives.
 */


const SIGNATURE = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const ID = {
    end: 0x00,
    header: 0x01,
    mainStreamsInfo: 0x04,
    filesInfo: 0x05,
    packInfo: 0x06,
    unpackInfo: 0x07,
    subStreamsInfo: 0x08,
    size: 0x09,
    crc: 0x0a,
    folder: 0x0b,
    codersUnpackSize: 0x0c,
    numUnpackStream: 0x0d,
    emptyStream: 0x0e,
    emptyFile: 0x0f,
    name: 0x11,
    cTime: 0x12,
    aTime: 0x13,
    mTime: 0x14,
    winAttrib: 0x15,
    encodedHeader: 0x17,
    dummy: 0x19,
};
const FILE_ATTRIBUTE_DIRECTORY = 0x10;
// Read-only, hidden, system, directory, archive, normal, not-indexed, and the Unix extension (mode in the top half).
const PLAIN_ATTRIBUTES = 0x1 | 0x2 | 0x4 | 0x10 | 0x20 | 0x80 | 0x2000 | 0x8000;
const UNIX_EXTENSION = 0x8000;
/**
 * Attributes 7-Zip extracts as a plain file or directory: none, or a plain set whose Unix mode (if any) is the same
 * kind without setuid, setgid or sticky bits. A symlink, device or reparse point is extracted as something else.
 */
function plainAttributes(attrib, directory) {
    if (attrib === undefined)
        return true;
    if ((attrib & 0xffff & ~PLAIN_ATTRIBUTES) !== 0 || ((attrib & FILE_ATTRIBUTE_DIRECTORY) !== 0) !== directory)
        return false;
    if ((attrib & UNIX_EXTENSION) === 0)
        return attrib >>> 16 === 0;
    const mode = attrib >>> 16;
    return (mode & 0o7000) === 0 && (mode & 0o170000) === (directory ? 0o040000 : 0o100000);
}
class Decline {
}
const DECLINE = new Decline();
/** A cursor over one header buffer; reading past its end declines. */
class Reader {
    buf;
    pos = 0;
    constructor(buf) {
        this.buf = buf;
    }
    byte() {
        if (this.pos >= this.buf.length)
            throw DECLINE;
        return this.buf[this.pos++];
    }
    bytes(n) {
        if (n > this.buf.length - this.pos)
            throw DECLINE;
        const out = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return out;
    }
    /** 7z's variable-length number (ReadNumber); values past 2^53 decline. */
    number() {
        const first = this.byte();
        let mask = 0x80;
        let value = 0;
        for (let i = 0; i < 8; i++) {
            if ((first & mask) === 0) {
                value += (first & (mask - 1)) * 2 ** (8 * i);
                if (!Number.isSafeInteger(value))
                    throw DECLINE;
                return value;
            }
            value += this.byte() * 2 ** (8 * i);
            mask >>>= 1;
        }
        if (!Number.isSafeInteger(value))
            throw DECLINE;
        return value;
    }
    /** A count that must fit what is left of the buffer (each item takes at least a bit). */
    count() {
        const n = this.number();
        if (n > (this.buf.length - this.pos) * 8 + 8)
            throw DECLINE;
        return n;
    }
    uint32() {
        const b = this.bytes(4);
        return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
    }
    bits(n) {
        const out = [];
        let b = 0;
        for (let i = 0; i < n; i++) {
            if (i % 8 === 0)
                b = this.byte();
            out.push((b & (0x80 >>> (i % 8))) !== 0);
        }
        return out;
    }
    /** An "all defined" byte, else a bit vector. */
    defined(n) {
        return this.byte() !== 0 ? new Array(n).fill(true) : this.bits(n);
    }
    digests(n) {
        const defined = this.defined(n);
        return defined.map((d) => (d ? this.uint32() : undefined));
    }
    expect(id) {
        if (this.byte() !== id)
            throw DECLINE;
    }
}
function readFolder(r) {
    if (r.number() !== 1)
        throw DECLINE;
    const main = r.byte();
    // Only a simple coder (one in, one out stream); complex coders and the reserved bits go to 7-Zip.
    if ((main & 0xd0) !== 0)
        throw DECLINE;
    const id = Array.from(r.bytes(main & 0x0f), (b) => b.toString(16).padStart(2, '0')).join('');
    const props = (main & 0x20) !== 0 ? r.bytes(r.number()) : new Uint8Array(0);
    return { id, props };
}
function readStreams(r) {
    r.expect(ID.packInfo);
    const packPos = r.number();
    const numPack = r.count();
    r.expect(ID.size);
    const packSizes = Array.from({ length: numPack }, () => r.number());
    let id = r.byte();
    let packCrcs = new Array(numPack).fill(undefined);
    if (id === ID.crc) {
        packCrcs = r.digests(numPack);
        id = r.byte();
    }
    if (id !== ID.end)
        throw DECLINE;
    r.expect(ID.unpackInfo);
    r.expect(ID.folder);
    const numFolders = r.count();
    if (numFolders !== numPack || r.byte() !== 0)
        throw DECLINE;
    const coders = Array.from({ length: numFolders }, () => readFolder(r));
    r.expect(ID.codersUnpackSize);
    const sizes = coders.map(() => r.number());
    id = r.byte();
    let crcs = new Array(numFolders).fill(undefined);
    if (id === ID.crc) {
        crcs = r.digests(numFolders);
        id = r.byte();
    }
    if (id !== ID.end)
        throw DECLINE;
    const folders = coders.map((coder, i) => ({ coder, unpackSize: sizes[i], crc: crcs[i] }));
    const counts = folders.map(() => 1);
    id = r.byte();
    const subSizes = folders.map((f) => [f.unpackSize]);
    const subCrcs = folders.map((f) => [f.crc]);
    if (id === ID.subStreamsInfo) {
        id = r.byte();
        if (id === ID.numUnpackStream) {
            for (let i = 0; i < numFolders; i++)
                counts[i] = r.count();
            id = r.byte();
        }
        for (let i = 0; i < numFolders; i++) {
            const n = counts[i];
            const folderSize = folders[i].unpackSize;
            if (n === 0)
                subSizes[i] = [];
            else if (id === ID.size) {
                const list = [];
                let sum = 0;
                for (let j = 1; j < n; j++) {
                    const s = r.number();
                    list.push(s);
                    sum += s;
                }
                if (sum > folderSize)
                    throw DECLINE;
                list.push(folderSize - sum);
                subSizes[i] = list;
            }
            else if (n !== 1)
                throw DECLINE;
        }
        if (id === ID.size)
            id = r.byte();
        // Digests are listed for every substream whose CRC the folder's own CRC does not already give.
        const unknown = folders.reduce((k, f, i) => k + (counts[i] === 1 && f.crc !== undefined ? 0 : counts[i]), 0);
        let listed = new Array(unknown).fill(undefined);
        if (id === ID.crc) {
            listed = r.digests(unknown);
            id = r.byte();
        }
        let k = 0;
        for (let i = 0; i < numFolders; i++) {
            const f = folders[i];
            subCrcs[i] = counts[i] === 1 && f.crc !== undefined ? [f.crc] : Array.from({ length: counts[i] }, () => listed[k++]);
        }
        if (id !== ID.end)
            throw DECLINE;
        id = r.byte();
    }
    if (id !== ID.end)
        throw DECLINE;
    return { packPos, packSizes, packCrcs, folders, subSizes, subCrcs };
}
/** Every folder decoded and checked against its CRCs; `cap` bounds their total before anything is decoded. */
function unpack(archive, s, cap) {
    if (s.folders.reduce((n, f) => n + f.unpackSize, 0) > cap)
        throw DECLINE;
    let at = 32 + s.packPos;
    return s.folders.map((f, i) => {
        const size = s.packSizes[i];
        if (at + size > archive.length)
            throw DECLINE;
        const packed = archive.subarray(at, at + size);
        at += size;
        const packCrc = s.packCrcs[i];
        if (packCrc !== undefined && (0,external_node_zlib_.crc32)(packed) !== packCrc)
            throw DECLINE;
        const { id, props } = f.coder;
        let out;
        if (id === '00' && props.length === 0)
            out = packed.length === f.unpackSize ? packed : undefined;
        else if (id === '030101')
            out = (0,lzma/* decodeLzmaRaw */.tt)(packed, props, f.unpackSize);
        else if (id === '21' && props.length === 1)
            out = (0,lzma/* decodeLzma2 */.pD)(packed, props[0], f.unpackSize);
        if (!out || (f.crc !== undefined && (0,external_node_zlib_.crc32)(out) !== f.crc))
            throw DECLINE;
        return out;
    });
}
const UTF16 = new TextDecoder('utf-16le', { fatal: true });
function readFiles(r) {
    const n = r.count();
    const info = { names: [], emptyStream: new Array(n).fill(false), emptyFile: [], attributes: new Array(n).fill(undefined) };
    const seen = new Set();
    for (;;) {
        const type = r.byte();
        if (type === ID.end)
            break;
        const size = r.number();
        // 7-Zip pads with kDummy records wherever it aligns the next one; any other property appears once.
        if (seen.has(type) && type !== ID.dummy)
            throw DECLINE;
        seen.add(type);
        const p = new Reader(r.bytes(size));
        switch (type) {
            case ID.emptyStream:
                info.emptyStream = p.bits(n);
                break;
            case ID.emptyFile:
                info.emptyFile = p.bits(info.emptyStream.filter(Boolean).length);
                break;
            case ID.name: {
                if (p.byte() !== 0)
                    throw DECLINE;
                const raw = p.bytes(size - 1);
                if (raw.length % 2 !== 0)
                    throw DECLINE;
                let text;
                try {
                    text = UTF16.decode(raw);
                }
                catch {
                    throw DECLINE;
                }
                if (!text.endsWith('\0'))
                    throw DECLINE;
                info.names = text.slice(0, -1).split('\0');
                if (info.names.length !== n)
                    throw DECLINE;
                break;
            }
            case ID.winAttrib: {
                const defined = p.defined(n);
                if (p.byte() !== 0)
                    throw DECLINE;
                info.attributes = defined.map((d) => (d ? p.uint32() : undefined));
                break;
            }
            case ID.cTime:
            case ID.aTime:
            case ID.mTime: {
                const defined = p.defined(n);
                if (p.byte() !== 0)
                    throw DECLINE;
                p.bytes(8 * defined.filter(Boolean).length);
                break;
            }
            case ID.dummy:
                if (p.bytes(size).some((b) => b !== 0))
                    throw DECLINE;
                break;
            default:
                throw DECLINE;
        }
        if (p.pos !== p.buf.length)
            throw DECLINE;
    }
    if (!seen.has(ID.name))
        throw DECLINE;
    return info;
}
// Names 7-Zip would list or extract differently (control characters break its listing, and `.`, `..`, empty
// segments or a leading slash are rewritten on extraction) are its own to handle.
// A segment past 255 bytes is longer than a file system takes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for.
const CONTROL = /[\u0000-\u001f\u007f\\]/;
const utf8 = new TextEncoder();
function plainName(name) {
    return (name !== '' && !CONTROL.test(name) && name.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && utf8.encode(s).length <= 255));
}
function parse(archive, cap, maxMembers) {
    if (archive.length < 32 || SIGNATURE.some((b, i) => archive[i] !== b) || archive[6] !== 0)
        throw DECLINE;
    const start = new Reader(archive.subarray(8, 32));
    const startCrc = start.uint32();
    if ((0,external_node_zlib_.crc32)(archive.subarray(12, 32)) !== startCrc)
        throw DECLINE;
    const nextOffset = start.uint32() + start.uint32() * 2 ** 32;
    const nextSize = start.uint32() + start.uint32() * 2 ** 32;
    const nextCrc = start.uint32();
    // An empty archive, or data after the header, is 7-Zip's to report.
    if (nextSize === 0 || 32 + nextOffset + nextSize !== archive.length)
        throw DECLINE;
    let header = archive.subarray(32 + nextOffset);
    if ((0,external_node_zlib_.crc32)(header) !== nextCrc)
        throw DECLINE;
    let r = new Reader(header);
    let id = r.byte();
    if (id === ID.encodedHeader) {
        const streams = readStreams(r);
        if (r.pos !== header.length || streams.folders.length !== 1)
            throw DECLINE;
        header = unpack(archive, streams, cap)[0];
        r = new Reader(header);
        id = r.byte();
    }
    if (id !== ID.header)
        throw DECLINE;
    id = r.byte();
    let streams;
    if (id === ID.mainStreamsInfo) {
        streams = readStreams(r);
        id = r.byte();
    }
    let files;
    if (id === ID.filesInfo) {
        files = readFiles(r);
        id = r.byte();
    }
    if (id !== ID.end || r.pos !== header.length || !files)
        throw DECLINE;
    if (files.names.length > maxMembers)
        throw DECLINE;
    const sizes = streams?.subSizes.flat() ?? [];
    const crcs = streams?.subCrcs.flat() ?? [];
    const declared = sizes.reduce((n, s) => n + s, 0);
    if (declared > cap)
        throw DECLINE;
    const data = streams ? unpack(archive, streams, cap) : [];
    // Each folder's substreams, in order, to the files that have a stream.
    const pieces = [];
    data.forEach((d, i) => {
        let at = 0;
        for (const s of streams?.subSizes[i] ?? []) {
            pieces.push(d.subarray(at, at + s));
            at += s;
        }
    });
    const members = [];
    /** Each name listed, and whether it is a directory. */
    const names = new Map();
    let stream = 0;
    let empty = 0;
    for (let i = 0; i < files.names.length; i++) {
        const name = files.names[i];
        if (!plainName(name) || names.has(name))
            throw DECLINE;
        const attrib = files.attributes[i];
        if (files.emptyStream[i]) {
            const directory = !files.emptyFile[empty++];
            names.set(name, directory);
            if (!plainAttributes(attrib, directory))
                throw DECLINE;
            members.push(directory
                ? { name, size: 0, encrypted: false, directory }
                : { name, size: 0, encrypted: false, directory, bytes: new Uint8Array(0) });
            continue;
        }
        if (!plainAttributes(attrib, false))
            throw DECLINE;
        names.set(name, false);
        const bytes = pieces[stream];
        const crc = crcs[stream];
        stream++;
        if (!bytes || (crc !== undefined && (0,external_node_zlib_.crc32)(bytes) !== crc))
            throw DECLINE;
        members.push({ name, size: bytes.length, encrypted: false, directory: false, bytes });
    }
    if (stream !== pieces.length)
        throw DECLINE;
    // A file whose path runs through another file cannot be extracted as listed.
    for (const name of names.keys()) {
        const parts = name.split('/');
        for (let k = 1; k < parts.length; k++)
            if (names.get(parts.slice(0, k).join('/')) === false)
                throw DECLINE;
    }
    return members;
}
/**
 * The members of a 7z archive with their bytes, when this reader answers for it (see above); undefined hands the
 * archive to 7-Zip. `cap` and `maxMembers` are the caller's limits: an archive past them is 7-Zip's to refuse.
 */
function readSevenZipDirectly(archive, cap, maxMembers) {
    try {
        return parse(archive, cap, maxMembers);
    }
    catch (e) {
        if (e instanceof Decline)
            return undefined;
        throw e;
    }
}
//# sourceMappingURL=sevenzip-reader.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/containers/limits.js
var containers_limits = __webpack_require__(4208);
;// CONCATENATED MODULE: ../../packages/scanner/dist/containers/sevenzip.js








const ENOSPC = 28;
const Wasm = globalThis.WebAssembly;
// A bundled action (ncc) cannot run 7z-wasm from inside its bundle (Emscripten's UMD build needs __dirname, its ES
// build a real `import('module')`), so the build copies the UMD build and 7zz.wasm beside the bundle and it is
// imported from there at run time. The path is assembled so webpack does not treat it as an asset to resolve.
const BESIDE_BUNDLE = ['.', '7zz.umd.cjs'].join('/');
async function load() {
    const beside = new URL(BESIDE_BUNDLE, import.meta.url);
    const bundled = (0,external_node_fs_.existsSync)((0,external_node_url_.fileURLToPath)(beside));
    const mod = (bundled ? await import(/* webpackIgnore: true */ beside.href) : await __webpack_require__.e(/* import() */ 581).then(__webpack_require__.t.bind(__webpack_require__, 9581, 19)));
    const dir = bundled ? (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(beside)) : (0,external_node_path_.dirname)((0,external_node_module_.createRequire)(import.meta.url).resolve('7z-wasm'));
    return { factory: mod.default, wasm: await Wasm.compile(await (0,promises_.readFile)((0,external_node_path_.join)(dir, '7zz.wasm'))) };
}
// 7zz.wasm (1.6 MB) is compiled once per process; compiling it per archive cost ~150 ms a file.
let loaded;
// A new instance (its own memory, file system and exit state) per archive: a hostile archive never shares one with
// the next. Only the compiled code, which holds no state, is reused.
async function sevenZip(lines) {
    loaded ??= load();
    const { factory, wasm } = await loaded;
    return new Promise((resolve, reject) => {
        factory({
            print: (s) => lines.push(s),
            printErr: (s) => lines.push(s),
            instantiateWasm: (imports, done) => {
                Wasm.instantiate(wasm, imports).then((instance) => done(instance, wasm), reject);
                return {};
            },
        }).then(resolve, reject);
    });
}
/**
 * Writes to /out are counted and refused past `cap` (ENOSPC), so a bomb stops inside 7-Zip instead of filling
 * memory: the size a 7z header declares is attacker-controlled, and an LZMA-alone stream usually declares none.
 */
function capOutput(fs, cap) {
    const write = fs.write;
    let written = 0;
    fs.write = function (stream, ...rest) {
        if (stream.path?.startsWith('/out/')) {
            written += rest[2] ?? 0;
            if (written > cap)
                throw new fs.ErrnoError(ENOSPC);
        }
        return write.call(this, stream, ...rest);
    };
    return { written: () => written };
}
/** `7zz l -slt` output: one block of `Key = value` lines per member after the `----------` separator. */
function parseListing(lines) {
    const start = lines.indexOf('----------');
    if (start < 0)
        return [];
    const members = [];
    let cur;
    const flush = () => {
        if (cur?.Path !== undefined)
            members.push({
                name: cur.Path,
                size: Number(cur.Size ?? 0) || 0,
                encrypted: cur.Encrypted === '+',
                directory: (cur.Folder ?? '') === '+' || /^D/.test(cur.Attributes ?? ''),
                dataless: (cur.Size ?? '0') === '0' && (cur.CRC ?? '') === '',
            });
        cur = undefined;
    };
    for (const line of lines.slice(start + 1)) {
        const m = /^([A-Za-z ]+?) = (.*)$/.exec(line);
        if (!m) {
            if (line.trim() === '')
                flush();
            continue;
        }
        if (m[1] === 'Path')
            flush();
        cur ??= {};
        cur[m[1]] = m[2];
    }
    flush();
    return members;
}
/** The extracted files by path, and the directories extraction made. */
function walk(fs, dir, out = new Map(), dirs = new Set(), prefix = '') {
    for (const name of fs.readdir(dir)) {
        if (name === '.' || name === '..')
            continue;
        const path = `${dir}/${name}`;
        if (fs.isDir(fs.stat(path).mode)) {
            dirs.add(`${prefix}${name}`);
            walk(fs, path, out, dirs, `${prefix}${name}/`);
        }
        else
            out.set(`${prefix}${name}`, fs.readFile(path));
    }
    return { files: out, dirs };
}
/** 7-Zip run over `bytes`: list (7z only), then extract to memory with writes capped at `cap`. */
async function extract(kind, bytes, cap, maxMembers) {
    const lines = [];
    const sz = await sevenZip(lines);
    sz.FS.mkdir('/in');
    sz.FS.mkdir('/out');
    sz.FS.writeFile('/in/archive', bytes);
    const type = `-t${kind}`;
    let listing = [];
    if (kind === '7z') {
        const listed = sz.callMain(['l', '-slt', '-sccUTF-8', type, '/in/archive']) ?? 0;
        if (listed !== 0 || !lines.includes('----------'))
            throw new containers_limits/* ContainerError */.OJ(`7z archive could not be read: ${lastError(lines)}`, 'parse');
        listing = parseListing(lines);
        if (listing.length > maxMembers)
            throw new containers_limits/* ContainerError */.OJ(`${listing.length} members exceed the limit of ${maxMembers}`, 'limit');
        const declared = listing.reduce((n, m) => n + m.size, 0);
        if (declared > cap)
            throw new containers_limits/* ContainerError */.OJ(`7z archive declares ${declared} bytes, past the limit of ${cap}`, 'limit');
    }
    const out = capOutput(sz.FS, cap);
    lines.length = 0;
    // -p with an empty password: an encrypted member fails instead of prompting; it is reported, never trusted.
    const code = sz.callMain(['x', '-y', '-p', '-sccUTF-8', type, '-o/out', '/in/archive']) ?? 0;
    if (out.written() > cap)
        throw new containers_limits/* ContainerError */.OJ(`${kind} content decompresses past the limit of ${cap} bytes`, 'limit');
    if (code !== 0 && !listing.some((m) => m.encrypted))
        throw new containers_limits/* ContainerError */.OJ(`${kind} content is corrupt or truncated: ${lastError(lines)}`, 'parse');
    return { listing, ...walk(sz.FS, '/out'), written: out.written() };
}
/**
 * A raw LZMA-alone stream decoded to at most `cap` bytes: in TypeScript when it is a single well-formed stream
 * within the cap (lzma.ts), else by 7-Zip, whose error or output stands. Throws ContainerError.
 */
async function decodeLzmaAlone(bytes, cap) {
    return (0,lzma/* decodeLzmaAloneStream */.an)(bytes, cap) ?? decodeLzmaAloneWith7Zip(bytes, cap);
}
/** The same stream decoded by 7-Zip. Throws ContainerError. */
async function decodeLzmaAloneWith7Zip(bytes, cap) {
    const { files } = await extract('lzma', bytes, cap, 1);
    const out = [...files.values()][0];
    if (!out)
        throw new containers_limits/* ContainerError */.OJ('lzma stream produced no output', 'parse');
    return out;
}
/**
 * A 7z archive's members, extracted in memory within the file's decompression budget and the ratio limit: by the
 * TypeScript reader when the archive is one it reads exactly (sevenzip-reader.ts: a ~20 ms wasm instance saved per
 * archive), else by 7-Zip, listed then extracted. Throws ContainerError.
 */
async function readSevenZip(source, limits, budget) {
    if (source.size > containers_limits/* IN_MEMORY_CAP */.$W)
        throw new containers_limits/* ContainerError */.OJ(`7z file of ${source.size} bytes is too large to open in memory`, 'limit');
    const cap = (0,containers_limits/* outputCap */.SG)(source.size, limits, budget);
    if (cap === 0)
        throw new containers_limits/* ContainerError */.OJ(containers_limits/* SPENT */.n6, 'limit');
    const bytes = await source.read(0, source.size);
    const direct = readSevenZipDirectly(bytes, cap, limits.maxMembers);
    const { members, written } = direct
        ? { members: direct, written: direct.reduce((n, m) => n + m.size, 0) }
        : await readWith7Zip(bytes, cap, limits.maxMembers);
    budget.take(written);
    return members;
}
/** The archive listed, then extracted, by 7-Zip; `written` is what it extracted. Throws ContainerError. */
async function readWith7Zip(bytes, cap, maxMembers) {
    const { listing, files, dirs, written } = await extract('7z', bytes, cap, maxMembers);
    const members = listing.map(({ dataless, ...m }) => {
        // `-slt` prints no Folder line for 7z items and an archive may store no attributes: a member without data
        // that extraction made a directory is one.
        if (!m.directory && dataless && dirs.has(m.name))
            return { ...m, directory: true };
        const content = m.directory || m.encrypted ? undefined : files.get(m.name);
        return content ? { ...m, bytes: content } : m;
    });
    return { members, written };
}
function lastError(lines) {
    const errs = lines.filter((l) => /error|unexpected|unsupported|can ?not/i.test(l));
    return (errs.at(-1) ?? lines.filter((l) => l.trim() !== '').at(-1) ?? 'no output').trim().slice(0, 200);
}
//# sourceMappingURL=sevenzip.js.map

/***/ })

};
