export const id = 112;
export const ids = [112];
export const modules = {

/***/ 9424:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ judgeDotted)
/* harmony export */ });
/* harmony import */ var _pickle_globals_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5776);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9042);


/**
 * A dotted Python path a loader imports by name (a Hydra `_target_`, a skops type, a TorchServe handler): judged
 * like the pickle global it amounts to, with `trusted` names passing as safe (`pkg.` a prefix: the framework's own packages; otherwise exact).
 */
function judgeDotted(path, policy, trusted = []) {
    const dot = path.lastIndexOf('.');
    if (dot <= 0)
        return { verdict: 'review', reason: `"${path}" is not a module path` };
    const judged = (0,_pickle_globals_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .judgeGlobal */ .FJ)(path.slice(0, dot), path.slice(dot + 1), (0,_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .globalsPolicy */ .x)(policy));
    if (judged.verdict === 'review' && trusted.some((t) => (t.endsWith('.') ? path.startsWith(t) : path === t)))
        return { verdict: 'safe', reason: 'a framework class' };
    return judged;
}
//# sourceMappingURL=dotted-target.js.map

/***/ }),

/***/ 3112:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   judgeSkops: () => (/* binding */ judgeSkops)
/* harmony export */ });
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7738);
/* harmony import */ var _shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6089);
/* harmony import */ var _dotted_target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9424);
/* harmony import */ var _zip_archive_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1034);





// skops' own default trusted types (skops/io/_trusted_types.py): primitives and containers, NumPy, SciPy sparse,
// scikit-learn estimators. Gadgets (numpy.load, builtins.eval, ...) are judged first and never trusted.
const TRUSTED = [
    'numpy.',
    'scipy.sparse.',
    'sklearn.',
    ...['int', 'float', 'str', 'bool', 'bytes', 'complex', 'NoneType', 'dict', 'list', 'tuple', 'set', 'slice', 'type'].map((t) => `builtins.${t}`),
];
const MAX_NODES = 1_000_000;
/** Every type and function a skops schema asks the loader to import, with where it sits. */
function refs(node, where, out) {
    if (out.length > MAX_NODES)
        throw new Error('schema has too many nodes');
    if (Array.isArray(node)) {
        for (const [i, v] of node.entries())
            refs(v, `${where}[${i}]`, out);
        return;
    }
    if (!(0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(node))
        return;
    const loader = typeof node.__loader__ === 'string' ? node.__loader__ : '';
    if (typeof node.__module__ === 'string' && typeof node.__class__ === 'string')
        out.push({ type: `${node.__module__}.${node.__class__}`, loader, where });
    const c = node.content;
    if (loader === 'FunctionNode' && (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(c) && typeof c.module_path === 'string' && typeof c.function === 'string')
        out.push({ type: `${c.module_path}.${c.function}`, loader, where });
    if (loader === 'TypeNode' && (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(c) && typeof c.__module__ === 'string' && typeof c.__class__ === 'string')
        out.push({ type: `${c.__module__}.${c.__class__}`, loader, where });
    // MethodNode binds obj.<func>: a private or dunder name reaches interpreter internals (CVE-2025-54413).
    if (loader === 'MethodNode' && (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(c) && typeof c.func === 'string' && c.func.startsWith('_'))
        out.push({ type: `builtins.${c.func}`, loader, where });
    for (const [k, v] of Object.entries(node))
        if (k !== '__module__' && k !== '__class__')
            refs(v, `${where}.${k}`, out);
}
/** A skops archive's schema.json: its type list judged against skops' trusted types and the pickle gadget list. */
function judgeSkops(archive, members, policy) {
    const at = { path: `${archive}!/${_zip_archive_js__WEBPACK_IMPORTED_MODULE_4__/* .SKOPS_SCHEMA */ .LH}` };
    const found = [];
    try {
        const raw = members.get(_zip_archive_js__WEBPACK_IMPORTED_MODULE_4__/* .SKOPS_SCHEMA */ .LH);
        if (!raw)
            throw new Error('no schema.json');
        refs(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)), '$', found);
    }
    catch (e) {
        return [(0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.skopsSchema, `schema.json could not be read (${e.message}); the types it loads are unknown`, at)];
    }
    const out = [];
    const seen = new Set();
    for (const r of found) {
        if (seen.has(r.type))
            continue;
        seen.add(r.type);
        const dunder = r.loader === 'MethodNode';
        const j = dunder ? { verdict: 'unsafe', reason: 'binds a private method' } : (0,_dotted_target_js__WEBPACK_IMPORTED_MODULE_3__/* .judgeDotted */ .s)(r.type, policy, TRUSTED);
        const msg = `${r.where} (${r.loader || 'node'}) loads ${r.type}: ${j.reason}`;
        if (j.verdict === 'unsafe')
            out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.skopsDangerous, msg, at, r.type));
        else if (j.verdict === 'review')
            out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.skopsUntrusted, msg, at, r.type));
    }
    return out;
}
//# sourceMappingURL=judge.js.map

/***/ })

};
