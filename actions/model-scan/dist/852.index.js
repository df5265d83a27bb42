export const id = 852;
export const ids = [852];
export const modules = {

/***/ 6852:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   decodeLz4Frame: () => (/* binding */ decodeLz4Frame)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4208);

/**
 * LZ4 frame format (magic 0x184D2204), as python-lz4 and the lz4 CLI write it, decoded into a buffer of at most
 * `cap` bytes. Attacker-controlled: every length and offset is checked; dictionaries are not supported.
 */
function decodeLz4Frame(src, cap) {
    let p = 4;
    const byte = () => {
        if (p >= src.length)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ('lz4 frame is truncated', 'parse', p);
        return src[p++];
    };
    const u32 = () => (byte() | (byte() << 8) | (byte() << 16) | (byte() << 24)) >>> 0;
    const flg = byte();
    byte(); // BD: block maximum size; output is bounded by `cap` instead.
    if (flg >> 6 !== 1)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ(`unsupported lz4 frame version ${flg >> 6}`, 'unsupported');
    if (flg & 0x01)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ('lz4 frames with a dictionary are not supported', 'unsupported');
    if (flg & 0x08)
        p += 8;
    byte(); // header checksum
    const blockChecksum = (flg & 0x10) !== 0;
    let out = new Uint8Array(Math.min(cap, Math.max(1 << 16, src.length * 4)));
    let o = 0;
    const grow = (need) => {
        if (o + need > cap)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ(`lz4 stream decompresses past the limit of ${cap} bytes`, 'limit');
        if (o + need <= out.length)
            return;
        const next = new Uint8Array(Math.min(cap, Math.max(out.length * 2, o + need)));
        next.set(out.subarray(0, o));
        out = next;
    };
    for (;;) {
        const size = u32();
        if (size === 0)
            break;
        const raw = (size & 0x80000000) !== 0;
        const len = size & 0x7fffffff;
        if (p + len > src.length)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ('lz4 block runs past the end of the stream', 'parse', p);
        if (raw) {
            grow(len);
            out.set(src.subarray(p, p + len), o);
            o += len;
        }
        else
            o = decodeBlock(src, p, p + len, o, grow, () => out);
        p += len + (blockChecksum ? 4 : 0);
    }
    return out.subarray(0, o);
}
function decodeBlock(src, start, end, o, grow, out) {
    let p = start;
    const length = (base) => {
        let n = base;
        if (base === 15) {
            for (;;) {
                if (p >= end)
                    throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ('lz4 sequence length is truncated', 'parse', p);
                const b = src[p++];
                n += b;
                if (b !== 255)
                    break;
            }
        }
        return n;
    };
    while (p < end) {
        const token = src[p++];
        const lit = length(token >> 4);
        if (p + lit > end)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ('lz4 literals run past the block', 'parse', p);
        grow(lit);
        out().set(src.subarray(p, p + lit), o);
        o += lit;
        p += lit;
        if (p >= end)
            break;
        if (p + 2 > end)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ('lz4 match offset is truncated', 'parse', p);
        const offset = src[p] | (src[p + 1] << 8);
        p += 2;
        if (offset === 0 || offset > o)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ContainerError */ .OJ('lz4 match offset points before the output', 'parse', p);
        const match = length(token & 15) + 4;
        grow(match);
        const buf = out();
        for (let i = 0; i < match; i++, o++)
            buf[o] = buf[o - offset];
    }
    return o;
}
//# sourceMappingURL=lz4.js.map

/***/ })

};
