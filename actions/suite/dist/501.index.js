export const id = 501;
export const ids = [501];
export const modules = {

/***/ 5501:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canDecompress: () => (/* binding */ canDecompress),
/* harmony export */   decompress: () => (/* binding */ decompress)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4208);


const zstd = node_zlib__WEBPACK_IMPORTED_MODULE_0__.zstdDecompressSync;
// The pure-JS decoders are imported when a stream of their kind is met, not at start-up.
const lz4 = async (buf, options) => (await __webpack_require__.e(/* import() */ 852).then(__webpack_require__.bind(__webpack_require__, 6852))).decodeLz4Frame(buf, options.maxOutputLength ?? _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_MEMORY_CAP */ .$W);
const bzip2 = async (buf, options) => (await __webpack_require__.e(/* import() */ 944).then(__webpack_require__.bind(__webpack_require__, 6944))).decodeBzip2(buf, options.maxOutputLength ?? _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_MEMORY_CAP */ .$W);
const xz = async (buf, options) => (await Promise.all(/* import() */[__webpack_require__.e(238), __webpack_require__.e(607)]).then(__webpack_require__.bind(__webpack_require__, 3607))).decodeXz(buf, options.maxOutputLength ?? _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_MEMORY_CAP */ .$W);
// LZMA-alone (joblib's `compress='lzma'`, Python's lzma.FORMAT_ALONE): 7-Zip in WebAssembly, output capped inside it.
const lzma = async (buf, options) => (await __webpack_require__.e(/* import() */ 448).then(__webpack_require__.bind(__webpack_require__, 4448))).decodeLzmaAlone(buf, options.maxOutputLength ?? _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_MEMORY_CAP */ .$W);
const DECODERS = {
    gzip: node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync,
    xz,
    lzma,
    lz4,
    bzip2,
    zlib: node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateSync,
    ...(zstd ? { zstd } : {}),
};
function canDecompress(kind) {
    return DECODERS[kind] !== undefined;
}
/** The whole decompressed stream, bounded by the policy's size and ratio limits. */
async function decompress(kind, source, limits, budget) {
    const decode = DECODERS[kind];
    if (!decode)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .ContainerError */ .OJ(`${kind} streams are not supported`, 'unsupported');
    if (source.size > _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_MEMORY_CAP */ .$W)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .ContainerError */ .OJ(`${kind} stream of ${source.size} bytes is too large to decompress in memory`, 'limit');
    const cap = (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .outputCap */ .SG)(source.size, limits, budget);
    if (cap === 0)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .ContainerError */ .OJ(_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .SPENT */ .n6, 'limit');
    const raw = await source.read(0, source.size);
    try {
        const out = await decode(raw, { maxOutputLength: cap });
        budget.take(out.length);
        return out;
    }
    catch (cause) {
        if (cause instanceof _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .ContainerError */ .OJ)
            throw cause;
        const msg = cause.message;
        if (/maxOutputLength|Cannot create a Buffer|buffer/i.test(msg))
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .ContainerError */ .OJ(`${kind} stream decompresses past the limit of ${cap} bytes (ratio ${limits.maxCompressionRatio})`, 'limit');
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .ContainerError */ .OJ(`${kind} stream is corrupt or truncated: ${msg}`, 'parse');
    }
}
//# sourceMappingURL=compressed.js.map

/***/ })

};
