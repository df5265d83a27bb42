export const id = 913;
export const ids = [913];
export const modules = {

/***/ 1913:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyseNpy: () => (/* binding */ analyseNpy)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/conclude.js
var conclude = __webpack_require__(9368);
// EXTERNAL MODULE: ../../packages/scanner/dist/pickle/analyse.js
var analyse = __webpack_require__(8621);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules.js
var rules = __webpack_require__(7738);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/policy.js
var policy = __webpack_require__(9042);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/py-literal.js
const MAX_DEPTH = 32;
const ESCAPES = {
    n: '\n',
    t: '\t',
    r: '\r',
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
    '0': '\0',
    '\n': '',
};
function parsePyLiteral(text) {
    let i = 0;
    const ws = () => {
        while (i < text.length && /\s/.test(text[i]))
            i++;
    };
    const fail = (why) => {
        throw new Error(`${why} at character ${i}`);
    };
    const str = () => {
        const q = text[i];
        const triple = text.startsWith(q.repeat(3), i);
        const end = triple ? q.repeat(3) : q;
        i += end.length;
        let out = '';
        for (;;) {
            if (i >= text.length)
                fail('unterminated string');
            if (text.startsWith(end, i)) {
                i += end.length;
                return out;
            }
            const c = text[i++];
            if (c !== '\\') {
                if (c === '\n' && !triple)
                    fail('newline in string');
                out += c;
                continue;
            }
            const n = text[i++] ?? '';
            if (n in ESCAPES)
                out += ESCAPES[n];
            else if (n === 'x' || n === 'u' || n === 'U') {
                const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
                const hex = text.slice(i, i + len);
                if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len)
                    fail('bad escape');
                out += String.fromCodePoint(Number.parseInt(hex, 16));
                i += len;
            }
            else
                out += `\\${n}`;
        }
    };
    const value = (depth) => {
        if (depth > MAX_DEPTH)
            fail('nested too deeply');
        ws();
        const c = text[i];
        if (c === "'" || c === '"') {
            let s = str();
            // Adjacent string literals concatenate, as in Python.
            for (ws(); text[i] === "'" || text[i] === '"'; ws())
                s += str();
            return s;
        }
        if (c === '{' || c === '(' || c === '[') {
            const close = c === '{' ? '}' : c === '(' ? ')' : ']';
            i++;
            const items = [];
            const map = new Map();
            let commas = 0;
            for (;;) {
                ws();
                if (text[i] === close) {
                    i++;
                    break;
                }
                const item = value(depth + 1);
                if (c === '{') {
                    ws();
                    if (text[i++] !== ':')
                        fail('expected ":"');
                    if (typeof item !== 'string')
                        fail('dict key is not a string');
                    map.set(item, value(depth + 1));
                }
                else
                    items.push(item);
                ws();
                if (text[i] === ',') {
                    i++;
                    commas++;
                }
                else if (text[i] !== close)
                    fail(`expected "," or "${close}"`);
            }
            if (c === '{')
                return map;
            return c === '(' ? (items.length === 1 && commas === 0 ? items[0] : { tuple: items }) : items;
        }
        const word = /^[+-]?(0[xX][0-9a-fA-F_]+|\d[\d_]*)L?|^True|^False|^None/.exec(text.slice(i))?.[0];
        if (word === undefined)
            fail('not a literal');
        i += word.length;
        if (word === 'True' || word === 'False')
            return word === 'True';
        if (word === 'None')
            return null;
        return Number(word.replace(/[_L]/g, ''));
    };
    const v = value(0);
    ws();
    if (i !== text.length)
        fail('text after the literal');
    return v;
}
//# sourceMappingURL=py-literal.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/nested-payloads.js
var nested_payloads = __webpack_require__(5191);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/numpy.js






const ITEM = /^[<>|=]?([biufcmMOSUV?])(\d*)/;
const OBJECT = /^[<>|=]?O\d*$/;
/** Whether a descr (a type string, or a structured list of (name, type[, shape])) holds Python objects. */
function holdsObjects(descr) {
    if (typeof descr === 'string')
        return OBJECT.test(descr);
    if (!Array.isArray(descr))
        return false;
    return descr.some((field) => {
        const parts = Array.isArray(field) ? field : field !== null && typeof field === 'object' && 'tuple' in field ? field.tuple : [];
        return parts[1] !== undefined && holdsObjects(parts[1]);
    });
}
/** The .npy header: the Python dict literal numpy reads with ast.literal_eval (the last of duplicate keys wins). */
function parseHeader(bytes) {
    if (bytes.length < 10)
        return 'file is shorter than the .npy preamble';
    const major = bytes[6];
    if (major < 1 || major > 3)
        return `unsupported .npy version ${major}`;
    const wide = major >= 2;
    const len = wide
        ? bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (bytes[11] << 24)
        : bytes[8] | (bytes[9] << 8);
    const start = wide ? 12 : 10;
    if (start + len > bytes.length)
        return 'header is truncated';
    const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + len));
    let dict;
    try {
        dict = parsePyLiteral(text.trimEnd());
    }
    catch (e) {
        return `header is not a Python literal (${e.message})`;
    }
    if (!(dict instanceof Map))
        return 'header is not a dict';
    const keys = [...dict.keys()].sort().join(',');
    if (keys !== 'descr,fortran_order,shape')
        return `header keys are ${keys || 'none'}, not descr, fortran_order and shape`;
    const descr = dict.get('descr');
    const shape = dict.get('shape');
    if (typeof dict.get('fortran_order') !== 'boolean')
        return 'fortran_order is not True or False';
    const dims = shape !== null && typeof shape === 'object' && 'tuple' in shape ? shape.tuple : undefined;
    if (!dims || dims.some((d) => typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0))
        return 'shape is not a tuple of sizes';
    if (typeof descr !== 'string' && !Array.isArray(descr))
        return 'descr is neither a type string nor a field list';
    return {
        descr: typeof descr === 'string' ? descr : JSON.stringify(descr),
        object: holdsObjects(descr),
        shape: dims,
        dataOffset: start + len,
    };
}
/**
 * NumPy .npy: plain dtypes are data; object dtype means the bytes after the header are a pickle that
 * np.load(allow_pickle=True) runs, so it is analysed like any pickle.
 */
async function analyseNpy(ctx) {
    const { source } = ctx;
    const header = parseHeader(await source.read(0, 65536 + 12));
    if (typeof header === 'string')
        return (0,conclude/* conclude */.Ep)('numpy', [(0,rules/* finding */.gk)(rules/* RULES */.y0.numpyParse, `malformed .npy: ${header}`, { path: source.name })]);
    const findings = [];
    const metadata = { framework: 'numpy', properties: { dtype: header.descr, shape: `(${header.shape.join(',')})` } };
    if (header.object) {
        findings.push((0,rules/* finding */.gk)(rules/* RULES */.y0.objectArray, 'object dtype: the array is a pickle that np.load runs with allow_pickle=True', { path: source.name }));
        const scan = await (0,analyse/* scanPickles */.DG)(source, {
            policy: (0,policy/* globalsPolicy */.x)(ctx.policy),
            limits: (0,policy/* machineLimits */.A)(ctx.policy),
            start: header.dataOffset,
            count: 1,
        });
        findings.push(...scan.findings);
        const inner = await (0,nested_payloads/* analyseNestedPayloads */.Y)(ctx, scan.nested);
        findings.push(...inner.findings);
        return (0,conclude/* conclude */.Ep)('numpy', findings, inner.outcomes, metadata);
    }
    const item = ITEM.exec(header.descr);
    if (item && !header.descr.startsWith('[')) {
        const size = item[1] === '?' || item[1] === 'b' ? Number(item[2] || 1) : Number(item[2]) * (item[1] === 'U' ? 4 : 1);
        const need = header.shape.reduce((a, b) => a * b, 1) * size;
        if (Number.isFinite(need) && header.dataOffset + need > source.size)
            findings.push((0,rules/* finding */.gk)(rules/* RULES */.y0.numpyParse, `array data is truncated: ${need} bytes expected after the header`, { path: source.name }));
    }
    return (0,conclude/* conclude */.Ep)('numpy', findings, [], metadata);
}
//# sourceMappingURL=numpy.js.map

/***/ })

};
