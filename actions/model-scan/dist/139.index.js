export const id = 139;
export const ids = [139];
export const modules = {

/***/ 5139:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sha256File: () => (/* binding */ sha256File)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);


// Reads of 256 KiB stay in the core's L2 cache between the kernel's copy and the hash; at 512 KiB and above
// (and with reads on the I/O pool, another core) every byte goes through memory twice, which costs more system
// time than the hash itself (measured: 8 MiB reads take 1.5x openssl's CPU time, 256 KiB reads the same as it).
const DIGEST_CHUNK = 256 << 10;
// Synchronous reads: the event loop gets a turn after each 1 MiB (under a millisecond), so an analysis in the
// same thread, which awaits one read after another, moves on beside the hash.
const YIELD_EVERY = 1 << 20;
/** The whole-file sha256, read once in 256 KiB pieces (one buffer, so memory stays flat for any size). */
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(file, 'r');
    try {
        const buf = Buffer.allocUnsafe(Math.max(1, Math.min((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd).size, DIGEST_CHUNK)));
        let position = 0;
        let sinceYield = 0;
        for (;;) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, 0, buf.length, position);
            if (n === 0)
                break;
            hash.update(buf.subarray(0, n));
            position += n;
            sinceYield += n;
            if (sinceYield >= YIELD_EVERY) {
                sinceYield = 0;
                await new Promise((resume) => setImmediate(resume));
            }
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    return hash.digest('hex');
}
//# sourceMappingURL=digest-file.js.map

/***/ })

};
