export const id = 632;
export const ids = [632];
export const modules = {

/***/ 6632:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mxnetParamsAnalyser: () => (/* binding */ mxnetParamsAnalyser),
/* harmony export */   mxnetSymbolAnalyser: () => (/* binding */ mxnetSymbolAnalyser)
/* harmony export */ });
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7738);
/* harmony import */ var _shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6089);
/* harmony import */ var _shared_cursor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1578);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1799);
/* harmony import */ var _shared_judged_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8105);
/* harmony import */ var _sniff_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6477);







// mshadow type flags -> element size (float32, float64, float16, uint8, int32, int8, int64, bool, ..., bfloat16).
const DTYPE_SIZE = { 0: 4, 1: 8, 2: 2, 3: 1, 4: 4, 5: 1, 6: 8, 7: 1, 12: 2 };
const V1 = 0xf993fac8;
const V2 = 0xf993fac9;
const V3 = 0xf993faca;
const MAX_ARRAYS = 1_000_000;
/** NDArray::Save (src/ndarray/ndarray.cc): magic, storage type, shape, context, dtype, then the raw data. */
async function skipArray(c) {
    const magic = await c.u32();
    if (magic !== V1 && magic !== V2 && magic !== V3)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)(`NDArray magic 0x${magic.toString(16)} is not MXNet's`);
    if (magic !== V1 && (await c.i32()) !== 0)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)('sparse NDArrays are not read');
    const ndim = await c.i32();
    if (ndim < 0 || ndim > 32)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)(`ndim ${ndim}`);
    let count = 1;
    for (let i = 0; i < ndim; i++) {
        const d = await c.i64();
        if (d < 0)
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)(`dimension ${d}`);
        count *= d;
    }
    if (ndim === 0)
        return;
    await c.i32();
    await c.i32();
    const size = DTYPE_SIZE[await c.i32()];
    if (size === undefined)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)('unknown dtype');
    c.skip(count * size);
}
const mxnetParamsAnalyser = {
    format: 'mxnet-params',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_6__/* .sniffMxnetParams */ .f,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_5__/* .judgedFormat */ .V)('mxnet-params', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.mxnetUnreadable, source, async () => {
        const c = (0,_shared_cursor_js__WEBPACK_IMPORTED_MODULE_3__/* .cursor */ .D)(source, 16);
        const n = await c.u64();
        if (n > MAX_ARRAYS)
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)(`${n} arrays`);
        for (let i = 0; i < n; i++)
            await skipArray(c);
        const names = await c.u64();
        if (names !== n && names !== 0)
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)(`${names} names for ${n} arrays`);
        for (let i = 0; i < names; i++)
            c.skip(await c.u64());
        if (!c.done())
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)('bytes follow the name list');
        return { findings: [], metadata: { framework: 'mxnet', properties: { arrays: String(n) } } };
    }),
};
/** A symbol graph: Custom ops (Python CustomOp of the loading process) and _Native/_NDArray (raw callback pointers). */
const mxnetSymbolAnalyser = {
    format: 'mxnet-symbol',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_6__/* .sniffMxnetSymbol */ .j,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_5__/* .judgedFormat */ .V)('mxnet-symbol', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.mxnetUnreadable, source, async () => {
        const graph = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .readWhole */ .oD)(source, 1 << 30, 'symbol graph')));
        if (!(0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(graph) || !Array.isArray(graph.nodes))
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)('no nodes list');
        const findings = [];
        const at = { path: source.name };
        for (const node of graph.nodes) {
            if (!(0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(node) || typeof node.op !== 'string')
                throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)('a node without an op');
            const attrs = (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(node.attrs) ? node.attrs : (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(node.attr) ? node.attr : {};
            if (node.op === 'Custom')
                findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.mxnetCustomOp, `node ${String(node.name)} runs Custom op_type ${String(attrs.op_type)}`, at, String(attrs.op_type)));
            if (node.op === '_Native' || node.op === '_NDArray')
                findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.mxnetNative, `node ${String(node.name)} is ${node.op} with callback pointer ${String(attrs.info)}`, at, node.op));
        }
        return { findings, metadata: { framework: 'mxnet', properties: { nodes: String(graph.nodes.length) } } };
    }),
};
//# sourceMappingURL=analyser.js.map

/***/ }),

/***/ 1578:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ cursor)
/* harmony export */ });
/* harmony import */ var _bytes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6089);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1799);


/** A little-endian reader over a source that reads headers and seeks over data (tensor bytes are never read). */
function cursor(source, start = 0) {
    let at = start;
    const read = async (n) => {
        const b = await (0,_bytes_js__WEBPACK_IMPORTED_MODULE_0__/* .readExactly */ .Lo)(source, at, n);
        at += n;
        return new DataView(b.buffer, b.byteOffset, b.byteLength);
    };
    return {
        offset: () => at,
        u32: async () => (await read(4)).getUint32(0, true),
        i32: async () => (await read(4)).getInt32(0, true),
        u64: async () => Number((await read(8)).getBigUint64(0, true)),
        i64: async () => Number((await read(8)).getBigInt64(0, true)),
        f64: async () => (await read(8)).getFloat64(0, true),
        bytes: async (n) => {
            const b = await (0,_bytes_js__WEBPACK_IMPORTED_MODULE_0__/* .readExactly */ .Lo)(source, at, n);
            at += n;
            return b;
        },
        skip(n) {
            if (!Number.isSafeInteger(n) || n < 0 || at + n > source.size)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(`data of ${n} bytes at ${at} runs past the end`);
            at += n;
        },
        done: () => at === source.size,
    };
}
//# sourceMappingURL=cursor.js.map

/***/ }),

/***/ 8105:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ judgedFormat)
/* harmony export */ });
/* harmony import */ var _conclude_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9368);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7738);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1799);



/**
 * A format judged by `run`; anything it throws (a malformed offset, a cut file, a reader's own exception) is the
 * format's `unreadable` rule: an `error` verdict, never a pass.
 */
async function judgedFormat(format, unreadable, source, run) {
    try {
        const { findings, metadata } = await run();
        return (0,_conclude_js__WEBPACK_IMPORTED_MODULE_0__/* .conclude */ .Ep)(format, findings, [], metadata);
    }
    catch (e) {
        const why = e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelFormatError */ .xG ? e.message : 'the reader could not follow its structure';
        return (0,_conclude_js__WEBPACK_IMPORTED_MODULE_0__/* .conclude */ .Ep)(format, [
            (0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(unreadable, `could not be read as ${format} (${why}); the file is not trusted`, { path: source.name }),
        ]);
    }
}
//# sourceMappingURL=judged.js.map

/***/ })

};
