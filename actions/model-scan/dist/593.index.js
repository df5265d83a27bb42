export const id = 593;
export const ids = [593];
export const modules = {

/***/ 8593:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GGUF_LIMITS: () => (/* reexport */ GGUF_LIMITS),
  GGUF_RULES: () => (/* reexport */ rules/* GGUF_RULES */.G),
  ggufAnalyser: () => (/* reexport */ ggufAnalyser),
  readHeader: () => (/* reexport */ readHeader)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/analysis.js
var analysis = __webpack_require__(1126);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/templates/ast.js
var ast = __webpack_require__(2366);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var bytes = __webpack_require__(6089);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/gguf/header.js


/** Hard caps: beyond these a GGUF file is crafted, not large (llama.cpp's GGUF CVEs were all unchecked counts). */
const GGUF_LIMITS = {
    kvCount: 1 << 16,
    tensorCount: 1 << 20,
    keyBytes: 1 << 16,
    stringBytes: 64 * 1024 * 1024,
    arrayCount: 1 << 26,
    arrayDepth: 2,
    dims: 8,
};
/** Scalar strings up to this size are kept (chat templates); longer ones are only skipped. */
const KEEP_STRING_BYTES = 4 * 1024 * 1024;
const KEPT_KEYS = /^(general\.|tokenizer\.chat_template|tokenizer\.ggml\.model$)/;
const SCALAR_BYTES = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;
async function count(r, version, cap, what) {
    const n = version === 1 ? BigInt(await r.u32()) : await r.u64();
    if (n > BigInt(cap))
        throw (0,errors/* overLimit */.W1)(`${what} ${n} exceeds the cap of ${cap}`);
    return Number(n);
}
async function readString(r, version, cap, keep) {
    const n = await count(r, version, cap, 'string length');
    if (!keep || n > KEEP_STRING_BYTES) {
        await r.skip(n);
        return undefined;
    }
    return (0,bytes/* decodeUtf8 */._6)(await r.bytes(n), 'a GGUF string');
}
async function scalar(r, type) {
    const bytes = await r.bytes(SCALAR_BYTES[type]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    switch (type) {
        case 0:
            return view.getUint8(0);
        case 1:
            return view.getInt8(0);
        case 2:
            return view.getUint16(0, true);
        case 3:
            return view.getInt16(0, true);
        case 4:
            return view.getUint32(0, true);
        case 5:
            return view.getInt32(0, true);
        case 6:
            return view.getFloat32(0, true);
        case 7:
            return view.getUint8(0) !== 0;
        case 10:
            return view.getBigUint64(0, true);
        case 11:
            return view.getBigInt64(0, true);
        default:
            return view.getFloat64(0, true);
    }
}
async function value(r, version, type, depth, keep) {
    if (type in SCALAR_BYTES)
        return scalar(r, type);
    if (type === STRING)
        return readString(r, version, GGUF_LIMITS.stringBytes, keep);
    if (type !== ARRAY)
        throw (0,errors/* malformed */.Qm)(`unknown metadata value type ${type}`);
    if (depth >= GGUF_LIMITS.arrayDepth)
        throw (0,errors/* overLimit */.W1)(`arrays nested deeper than ${GGUF_LIMITS.arrayDepth}`);
    const itemType = await r.u32();
    const n = await count(r, version, GGUF_LIMITS.arrayCount, 'array length');
    const size = SCALAR_BYTES[itemType];
    if (size !== undefined)
        await r.skip(n * size);
    else
        for (let i = 0; i < n; i++)
            await value(r, version, itemType, depth + 1, false);
    return { array: itemType, count: n };
}
/** Magic, version, counts and the metadata key-value table; leaves the reader at the tensor table. */
async function readHeader(r) {
    const magic = await r.bytes(4);
    if ((0,bytes/* decodeUtf8 */._6)(magic, 'the GGUF magic') !== 'GGUF')
        throw (0,errors/* malformed */.Qm)('missing GGUF magic');
    const version = await r.u32();
    if (version < 1 || version > 3)
        throw (0,errors/* malformed */.Qm)(`unsupported GGUF version ${version} (big-endian files are not supported)`);
    const tensorCount = await count(r, version, GGUF_LIMITS.tensorCount, 'tensor count');
    const kvCount = await count(r, version, GGUF_LIMITS.kvCount, 'metadata key count');
    const kv = new Map();
    let kept = 0;
    for (let i = 0; i < kvCount; i++) {
        const key = await readString(r, version, GGUF_LIMITS.keyBytes, true);
        if (key === undefined)
            throw (0,errors/* malformed */.Qm)(`metadata key ${i} is unreadable`);
        if (kv.has(key))
            throw (0,errors/* malformed */.Qm)(`duplicate metadata key "${key}"`);
        // Only the strings we analyse or report are kept in memory, within a budget.
        const v = await value(r, version, await r.u32(), 0, KEPT_KEYS.test(key));
        if (typeof v === 'string')
            kept += v.length;
        if (kept > KEEP_STRING_BYTES * 4)
            throw (0,errors/* overLimit */.W1)(`metadata strings exceed ${KEEP_STRING_BYTES * 4} bytes`);
        kv.set(key, v);
    }
    return { version, tensorCount, kv };
}
//# sourceMappingURL=header.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/gguf/reader.js

const CHUNK = 1024 * 1024;
/** Sequential little-endian reads over a ByteSource, one megabyte window at a time (vocabularies are long). */
class SequentialReader {
    source;
    window = new Uint8Array(0);
    windowStart = 0;
    position;
    constructor(source, start = 0) {
        this.source = source;
        this.position = start;
    }
    async ensure(n) {
        const rel = this.position - this.windowStart;
        if (rel < 0 || rel + n > this.window.length) {
            if (this.position + n > this.source.size)
                throw (0,errors/* malformed */.Qm)(`truncated at offset ${this.position}: needs ${n} more bytes`);
            this.window = await this.source.read(this.position, Math.max(n, CHUNK));
            this.windowStart = this.position;
            if (this.window.length < n)
                throw (0,errors/* malformed */.Qm)(`truncated at offset ${this.position}`);
        }
        return new DataView(this.window.buffer, this.window.byteOffset + (this.position - this.windowStart), n);
    }
    async bytes(n) {
        if (n > CHUNK) {
            const out = await this.source.read(this.position, n);
            if (out.length !== n)
                throw (0,errors/* malformed */.Qm)(`truncated at offset ${this.position}`);
            this.position += n;
            return out;
        }
        const view = await this.ensure(n);
        this.position += n;
        return new Uint8Array(view.buffer, view.byteOffset, n);
    }
    async skip(n) {
        if (this.position + n > this.source.size)
            throw (0,errors/* malformed */.Qm)(`truncated at offset ${this.position}: skips ${n} bytes past the end`);
        this.position += n;
    }
    async u8() {
        const v = (await this.ensure(1)).getUint8(0);
        this.position += 1;
        return v;
    }
    async u32() {
        const v = (await this.ensure(4)).getUint32(0, true);
        this.position += 4;
        return v;
    }
    async u64() {
        const v = (await this.ensure(8)).getBigUint64(0, true);
        this.position += 8;
        return v;
    }
}
//# sourceMappingURL=reader.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/gguf/sniff.js
var sniff = __webpack_require__(70);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/gguf/ggml-types.js
/** ggml tensor types with a fixed block layout: [elements per block, bytes per block]. Others are not size-checked. */
const GGML_BLOCKS = new Map([
    [0, [1, 4]], // F32
    [1, [1, 2]], // F16
    [2, [32, 18]], // Q4_0
    [3, [32, 20]], // Q4_1
    [6, [32, 22]], // Q5_0
    [7, [32, 24]], // Q5_1
    [8, [32, 34]], // Q8_0
    [9, [32, 36]], // Q8_1
    [10, [256, 84]], // Q2_K
    [11, [256, 110]], // Q3_K
    [12, [256, 144]], // Q4_K
    [13, [256, 176]], // Q5_K
    [14, [256, 210]], // Q6_K
    [15, [256, 292]], // Q8_K
    [24, [1, 1]], // I8
    [25, [1, 2]], // I16
    [26, [1, 4]], // I32
    [27, [1, 8]], // I64
    [28, [1, 8]], // F64
    [30, [1, 2]], // BF16
]);
//# sourceMappingURL=ggml-types.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/gguf/tensors.js




const DEFAULT_ALIGNMENT = 32;
/** Reads the tensor table and checks each descriptor against the data section that starts after it. */
async function checkTensors(r, version, count, alignmentValue, fileSize, path) {
    const findings = [];
    const alignment = typeof alignmentValue === 'number' ? alignmentValue : DEFAULT_ALIGNMENT;
    if (!Number.isInteger(alignment) || alignment <= 0 || (alignment & (alignment - 1)) !== 0) {
        findings.push((0,analysis/* finding */.gk)('TG-GGUF-003', 'high', path, `general.alignment ${String(alignmentValue)} is not a power of two.`));
        return findings;
    }
    const table = [];
    for (let i = 0; i < count; i++) {
        const name = (await readString(r, version, GGUF_LIMITS.keyBytes, true)) ?? `#${i}`;
        const dims = await r.u32();
        if (dims > GGUF_LIMITS.dims)
            throw (0,errors/* overLimit */.W1)(`tensor "${name}" has ${dims} dimensions (cap ${GGUF_LIMITS.dims})`);
        let elements = 1n;
        for (let d = 0; d < dims; d++)
            elements *= version === 1 ? BigInt(await r.u32()) : await r.u64();
        table.push({ name, type: await r.u32(), elements, offset: await r.u64() });
    }
    const dataStart = BigInt(Math.ceil(r.position / alignment) * alignment);
    for (const t of table) {
        const block = GGML_BLOCKS.get(t.type);
        const bytes = block === undefined ? 0n : (t.elements / BigInt(block[0])) * BigInt(block[1]);
        if (t.offset % BigInt(alignment) !== 0n || dataStart + t.offset + bytes > BigInt(fileSize)) {
            findings.push((0,analysis/* finding */.gk)('TG-GGUF-003', 'high', path, `tensor "${t.name}" at offset ${t.offset} (${bytes} bytes) is misaligned or outside the ${fileSize}-byte file.`));
        }
    }
    return findings;
}
//# sourceMappingURL=tensors.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/gguf/analyser.js






const FORMAT = 'gguf';
function templateFindings(header, path) {
    const out = [];
    for (const [key, v] of header.kv) {
        if (key !== 'tokenizer.chat_template' && !key.startsWith('tokenizer.chat_template.'))
            continue;
        if (typeof v === 'string')
            out.push(...(0,ast/* analyseTemplate */.w)(v, path, key));
    }
    return out;
}
function properties(header) {
    const props = { tensors: String(header.tensorCount) };
    for (const key of ['general.architecture', 'general.name', 'general.file_type', 'tokenizer.ggml.model']) {
        const v = header.kv.get(key);
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint')
            props[key] = String(v);
    }
    const tokens = header.kv.get('tokenizer.ggml.tokens');
    if (typeof tokens === 'object')
        props['vocabulary'] = String(tokens.count);
    return props;
}
async function analyse(ctx) {
    const path = ctx.source.name;
    const reader = new SequentialReader(ctx.source);
    const header = await readHeader(reader);
    const tensorFindings = await checkTensors(reader, header.version, header.tensorCount, header.kv.get('general.alignment'), ctx.source.size, path);
    return (0,analysis/* analysisOf */.O3)(FORMAT, [...templateFindings(header, path), ...tensorFindings], {
        framework: 'gguf',
        formatVersion: String(header.version),
        properties: properties(header),
    });
}
const ggufAnalyser = {
    format: FORMAT,
    sniff: sniff/* sniffGguf */.k,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(FORMAT, { malformed: 'TG-GGUF-001', limit: 'TG-GGUF-002' }, ctx.source, () => analyse(ctx)),
};
//# sourceMappingURL=analyser.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/gguf/rules.js
var rules = __webpack_require__(5609);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/gguf/index.js



//# sourceMappingURL=index.js.map

/***/ }),

/***/ 2366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ analyseTemplate),
/* harmony export */   y: () => (/* binding */ MAX_TEMPLATE_CHARS)
/* harmony export */ });
/* harmony import */ var _huggingface_jinja__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2111);
/* harmony import */ var _shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1126);


/** Chat templates are a few KiB; anything past this is not a template a tokenizer should render unreviewed. */
const MAX_TEMPLATE_CHARS = 1024 * 1024;
const MAX_NODES = 2_000_000;
const SSTI_HELPERS = new Set(['lipsum', 'cycler', 'joiner']);
const DUNDER_TEXT = /__[A-Za-z]\w*__/;
function isNode(v) {
    return typeof v === 'object' && v !== null && typeof v.type === 'string';
}
/** Every AST node below `root`, iteratively (a hostile template can nest deeper than the JS stack). */
function* nodes(root) {
    const stack = [root];
    let seen = 0;
    while (stack.length > 0) {
        const v = stack.pop();
        if (Array.isArray(v))
            stack.push(...v);
        else if (v instanceof Map)
            for (const [k, val] of v)
                stack.push(k, val);
        else if (isNode(v)) {
            if (++seen > MAX_NODES)
                throw new RangeError(`template has more than ${MAX_NODES} syntax nodes`);
            yield v;
            for (const [key, child] of Object.entries(v))
                if (key !== 'type')
                    stack.push(child);
        }
    }
}
function literalString(n) {
    return isNode(n) && n.type === 'StringLiteral' && typeof n['value'] === 'string' ? n['value'] : undefined;
}
function identifierName(n) {
    return isNode(n) && n.type === 'Identifier' && typeof n['value'] === 'string' ? n['value'] : undefined;
}
/** The attribute a member expression or `|attr(...)` filter reaches, when it is spelled out. */
function accessedName(n) {
    if (n.type === 'MemberExpression') {
        const name = n['computed'] === true ? literalString(n['property']) : identifierName(n['property']);
        return name === undefined ? undefined : { name, dynamic: false };
    }
    if (n.type === 'FilterExpression' || n.type === 'FilterStatement') {
        const filter = n['filter'];
        if (!isNode(filter) || filter.type !== 'CallExpression' || identifierName(filter['callee']) !== 'attr')
            return undefined;
        const args = Array.isArray(filter['args']) ? filter['args'] : [];
        const name = literalString(args[0]);
        return name === undefined ? { dynamic: true } : { name, dynamic: false };
    }
    return undefined;
}
/**
 * What Jinja 3 accepts and @huggingface/jinja does not, rewritten to an equivalent for analysis: `{% raw %}`
 * blocks are literal output (dropped), and an empty tuple `()` is read as an empty list.
 */
function asParsable(text) {
    const noRaw = text.replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, '');
    return noRaw.replace(/([^\w)\]\s]\s*)\(\s*\)/g, '$1[]');
}
/** Checks one template's syntax tree; `label` says where it came from (`tokenizer.chat_template`, a file name). */
function analyseTemplate(text, path, label) {
    if (text.length > MAX_TEMPLATE_CHARS) {
        return [
            (0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-006', 'medium', path, `${label} is ${text.length} characters, above the ${MAX_TEMPLATE_CHARS} cap; review it by hand.`),
        ];
    }
    let program;
    try {
        program = (0,_huggingface_jinja__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)((0,_huggingface_jinja__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(asParsable(text)));
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        return [(0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-001', 'medium', path, `${label} could not be parsed (${why}); it was not checked, review it by hand.`)];
    }
    const found = new Map();
    const add = (f) => found.set(`${f.rule}\u0000${f.evidence ?? ''}`, f);
    for (const n of nodes(program)) {
        const access = accessedName(n);
        if (access?.dynamic)
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-005', 'medium', path, `${label} looks up an attribute by a computed name.`, 'attr(<expression>)'));
        if (access?.name?.startsWith('_')) {
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-002', 'critical', path, `${label} accesses the private attribute "${access.name}" (sandbox escape pattern).`, access.name));
        }
        const id = identifierName(n);
        if (id !== undefined && SSTI_HELPERS.has(id))
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-003', 'high', path, `${label} uses the Jinja global "${id}", known from SSTI payloads.`, id));
        if (id === 'namespace')
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-004', 'low', path, `${label} uses namespace().`, id));
        const str = literalString(n);
        const dunder = str === undefined ? undefined : DUNDER_TEXT.exec(str)?.[0];
        if (dunder !== undefined)
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-002', 'critical', path, `${label} spells out the dunder name "${dunder}" in a string.`, dunder));
    }
    return [...found.values()];
}
//# sourceMappingURL=ast.js.map

/***/ })

};
