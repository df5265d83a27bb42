export const id = 639;
export const ids = [639];
export const modules = {

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

/***/ }),

/***/ 639:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   torch7Analyser: () => (/* binding */ torch7Analyser)
/* harmony export */ });
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7738);
/* harmony import */ var _shared_cursor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1578);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1799);
/* harmony import */ var _shared_judged_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8105);
/* harmony import */ var _sniff_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7680);






// torch7 File.lua: object type tags.
const NIL = 0;
const NUMBER = 1;
const STRING = 2;
const TABLE = 3;
const TORCH = 4;
const BOOLEAN = 5;
const FUNCTION = 6;
const LEGACY_RECUR_FUNCTION = 7;
const RECUR_FUNCTION = 8;
const TRUSTED = /^(torch|nn|cudnn|cunn|nngraph|optim)\./;
const STORAGE_SIZE = {
    Byte: 1,
    Char: 1,
    Short: 2,
    Int: 4,
    Long: 8,
    Float: 4,
    Double: 8,
    Half: 2,
    Cuda: 4,
    CudaHalf: 2,
    CudaDouble: 8,
};
const MAX_DEPTH = 1000;
const MAX_STRING = 64 << 20;
async function string(c) {
    const n = await c.i32();
    if (n < 0 || n > MAX_STRING)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(`string length ${n}`);
    return new TextDecoder('latin1').decode(await c.bytes(n));
}
/** torch.*Tensor (ndim, sizes, strides, offset, storage) and torch.*Storage (size, raw data) as torch7's C code writes them. */
async function readTorchBody(c, cls, seen, depth) {
    const tensor = /^torch\.(Cuda)?(\w*)Tensor$/.exec(cls);
    if (tensor) {
        const ndim = await c.i32();
        if (ndim < 0 || ndim > 64)
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(`tensor ndim ${ndim}`);
        c.skip(16 * ndim + 8);
        return readObject(c, seen, depth + 1);
    }
    const storage = /^torch\.(Cuda)?(\w*)Storage$/.exec(cls);
    if (storage) {
        const kind = storage[1] && !storage[2] ? 'Cuda' : (storage[2] ?? '');
        const size = STORAGE_SIZE[kind];
        if (size === undefined)
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(`unknown storage ${cls}`);
        c.skip((await c.i64()) * size);
        return;
    }
    return readObject(c, seen, depth + 1);
}
async function readObject(c, seen, depth) {
    if (depth > MAX_DEPTH)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .overLimit */ .W1)(`objects nested deeper than ${MAX_DEPTH}`);
    const type = await c.i32();
    if (type === NIL)
        return;
    if (type === NUMBER)
        return c.skip(8);
    if (type === BOOLEAN)
        return c.skip(4);
    if (type === STRING)
        return void (await string(c));
    if (type === FUNCTION) {
        seen.functions++;
        await string(c);
        return readObject(c, seen, depth + 1);
    }
    if (type !== TABLE && type !== TORCH && type !== RECUR_FUNCTION && type !== LEGACY_RECUR_FUNCTION)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(`unknown object type ${type} at ${c.offset() - 4}`);
    const index = await c.i32();
    if (seen.refs.has(index))
        return;
    seen.refs.add(index);
    if (type === RECUR_FUNCTION || type === LEGACY_RECUR_FUNCTION) {
        seen.functions++;
        await string(c);
        return readObject(c, seen, depth + 1);
    }
    if (type === TORCH) {
        const version = await string(c);
        const cls = /^V \d+$/.test(version) ? await string(c) : version;
        seen.classes.add(cls);
        return readTorchBody(c, cls, seen, depth);
    }
    const size = await c.i32();
    if (size < 0)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(`table size ${size}`);
    for (let i = 0; i < size; i++) {
        await readObject(c, seen, depth + 1);
        await readObject(c, seen, depth + 1);
    }
}
/** Torch7 (.t7): serialized Lua functions and class names outside torch/nn judged; tensor data is skipped. */
const torch7Analyser = {
    format: 'torch7',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_5__/* .sniffTorch7 */ .m,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_4__/* .judgedFormat */ .V)('torch7', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.t7Unreadable, source, async () => {
        const c = (0,_shared_cursor_js__WEBPACK_IMPORTED_MODULE_2__/* .cursor */ .D)(source);
        const seen = { functions: 0, classes: new Set(), refs: new Set() };
        await readObject(c, seen, 0);
        if (!c.done())
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)('bytes follow the serialized object');
        const at = { path: source.name };
        const findings = [];
        if (seen.functions > 0)
            findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.t7Function, `${seen.functions} serialized Lua function(s) are loaded with loadstring`, at));
        for (const cls of seen.classes)
            if (!TRUSTED.test(cls))
                findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.t7Class, `class ${cls} is constructed and its read method runs`, at, cls));
        return { findings, metadata: { framework: 'torch7' } };
    }),
};
//# sourceMappingURL=analyser.js.map

/***/ })

};
