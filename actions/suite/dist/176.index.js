export const id = 176;
export const ids = [176];
export const modules = {

/***/ 9176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DTYPE_BYTES: () => (/* reexport */ DTYPE_BYTES),
  MAX_HEADER_BYTES: () => (/* reexport */ MAX_HEADER_BYTES),
  SAFETENSORS_RULES: () => (/* reexport */ rules/* SAFETENSORS_RULES */.c),
  checkHeader: () => (/* reexport */ checkHeader),
  safetensorsAnalyser: () => (/* reexport */ safetensorsAnalyser)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/analysis.js
var analysis = __webpack_require__(1126);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var bytes = __webpack_require__(6089);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/safetensors/header.js


/** Bytes per element; sub-byte dtypes (F4, F6) are not in the spec's stable set and are refused. */
const DTYPE_BYTES = {
    BOOL: 1,
    U8: 1,
    I8: 1,
    F8_E5M2: 1,
    F8_E4M3: 1,
    F8_E8M0: 1,
    I16: 2,
    U16: 2,
    F16: 2,
    BF16: 2,
    I32: 4,
    U32: 4,
    F32: 4,
    I64: 8,
    U64: 8,
    F64: 8,
    C64: 8,
};
function isCount(v) {
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
/** One tensor entry checked on its own: dtype known, shape and offsets well formed, size consistent. */
function checkEntry(name, entry, path, findings) {
    if (!(0,bytes/* isRecord */.u4)(entry)) {
        findings.push((0,analysis/* finding */.gk)('TG-ST-008', 'high', path, `header entry "${name}" is not an object; the file is malformed.`));
        return undefined;
    }
    const { dtype, shape, data_offsets: offsets } = entry;
    const size = typeof dtype === 'string' ? DTYPE_BYTES[dtype] : undefined;
    if (size === undefined) {
        findings.push((0,analysis/* finding */.gk)('TG-ST-003', 'high', path, `tensor "${name}" has unknown dtype ${JSON.stringify(dtype)}.`));
        return undefined;
    }
    if (!Array.isArray(shape) || !shape.every(isCount)) {
        findings.push((0,analysis/* finding */.gk)('TG-ST-008', 'high', path, `tensor "${name}" has a malformed shape ${JSON.stringify(shape)}.`));
        return undefined;
    }
    const [first, last] = Array.isArray(offsets) && offsets.length === 2 ? offsets : [];
    if (!isCount(first) || !isCount(last) || first > last) {
        findings.push((0,analysis/* finding */.gk)('TG-ST-005', 'high', path, `tensor "${name}" has malformed data_offsets ${JSON.stringify(offsets)}.`));
        return undefined;
    }
    const elements = shape.reduce((n, d) => n * BigInt(d), 1n);
    const begin = BigInt(first);
    const end = BigInt(last);
    if (elements * BigInt(size) !== end - begin) {
        findings.push((0,analysis/* finding */.gk)('TG-ST-004', 'high', path, `tensor "${name}" (${dtype} ${JSON.stringify(shape)}) needs ${elements * BigInt(size)} bytes but spans ${end - begin}.`));
    }
    return { name, begin, end, dtype: String(dtype), elements };
}
/** Tensors sorted by offset must tile the data section exactly: from 0, back to back, to its last byte. */
function checkLayout(spans, dataSize, path, findings) {
    const sorted = [...spans].sort((a, b) => (a.begin < b.begin ? -1 : a.begin > b.begin ? 1 : 0));
    let cursor = 0n;
    let previous;
    for (const t of sorted) {
        if (t.end > dataSize) {
            findings.push((0,analysis/* finding */.gk)('TG-ST-005', 'high', path, `tensor "${t.name}" ends at ${t.end}, beyond the ${dataSize}-byte data section.`));
        }
        if (t.begin < cursor && previous !== undefined) {
            findings.push((0,analysis/* finding */.gk)('TG-ST-006', 'high', path, `tensors "${previous.name}" and "${t.name}" overlap at byte ${t.begin}.`));
        }
        else if (t.begin > cursor) {
            findings.push((0,analysis/* finding */.gk)('TG-ST-007', 'high', path, `${t.begin - cursor} unaccounted bytes before tensor "${t.name}" (at ${cursor}).`));
        }
        if (t.end > cursor) {
            cursor = t.end;
            previous = t;
        }
    }
    if (cursor < dataSize) {
        findings.push((0,analysis/* finding */.gk)('TG-ST-007', 'high', path, `${dataSize - cursor} trailing bytes after the last tensor are unaccounted for.`));
    }
}
/** Validates a parsed safetensors header against the size of the data section that follows it. */
function checkHeader(header, dataSize, path) {
    const findings = [];
    const metadata = {};
    const tensors = [];
    if (!(0,bytes/* isRecord */.u4)(header)) {
        findings.push((0,analysis/* finding */.gk)('TG-ST-001', 'high', path, `the safetensors header is not a JSON object.`));
        return { findings, tensors, metadata };
    }
    for (const [name, entry] of Object.entries(header)) {
        if (name === '__metadata__') {
            if (!(0,bytes/* isRecord */.u4)(entry) || !Object.values(entry).every((v) => typeof v === 'string')) {
                findings.push((0,analysis/* finding */.gk)('TG-ST-008', 'high', path, `__metadata__ must map strings to strings.`));
            }
            else {
                Object.assign(metadata, entry);
            }
            continue;
        }
        const span = checkEntry(name, entry, path, findings);
        if (span !== undefined)
            tensors.push(span);
    }
    checkLayout(tensors, dataSize, path, findings);
    return { findings, tensors, metadata };
}
//# sourceMappingURL=header.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/safetensors/sniff.js
var sniff = __webpack_require__(3332);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/safetensors/analyser.js




/** The reference implementation refuses headers above 100 MB; so do we, before reading them. */
const MAX_HEADER_BYTES = 100 * 1024 * 1024;
const FORMAT = 'safetensors';
async function analyse(ctx) {
    const { source } = ctx;
    const path = source.name;
    const n = (0,sniff/* declaredLength */.R)(await (0,bytes/* readExactly */.Lo)(source, 0, 8)) ?? 0n;
    if (n > BigInt(MAX_HEADER_BYTES) || n > BigInt(source.size - 8)) {
        const why = n > BigInt(MAX_HEADER_BYTES) ? `above the ${MAX_HEADER_BYTES}-byte cap` : `beyond the ${source.size}-byte file`;
        return (0,analysis/* analysisOf */.O3)(FORMAT, [
            (0,analysis/* finding */.gk)('TG-ST-002', 'high', path, `declared header length ${n} is ${why}; the file is malformed or hostile.`),
        ]);
    }
    const text = (0,bytes/* decodeUtf8 */._6)(await (0,bytes/* readExactly */.Lo)(source, 8, Number(n)), 'the safetensors header');
    const dataSize = BigInt(source.size) - 8n - n;
    const check = checkHeader((0,bytes/* parseJson */.qF)(text, 'the safetensors header'), dataSize, path);
    const params = check.tensors.reduce((sum, t) => sum + t.elements, 0n);
    const dtypes = [...new Set(check.tensors.map((t) => t.dtype))].sort().join(',');
    const framework = check.metadata['format'] === 'pt' ? 'pytorch' : check.metadata['format'] === 'tf' ? 'tensorflow' : check.metadata['format'];
    return (0,analysis/* analysisOf */.O3)(FORMAT, check.findings, {
        ...(framework === undefined ? {} : { framework }),
        properties: { tensors: String(check.tensors.length), parameters: String(params), dtypes },
    });
}
const safetensorsAnalyser = {
    format: FORMAT,
    sniff: sniff/* sniffSafetensors */.I,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(FORMAT, 'TG-ST-001', ctx.source, () => analyse(ctx)),
};
//# sourceMappingURL=analyser.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/safetensors/rules.js
var rules = __webpack_require__(6487);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/safetensors/index.js



//# sourceMappingURL=index.js.map

/***/ })

};
