export const id = 314;
export const ids = [314];
export const modules = {

/***/ 8314:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  judgeMar: () => (/* binding */ judgeMar)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/rules-breadth.js
var rules_breadth = __webpack_require__(7601);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules.js
var rules = __webpack_require__(7738);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var bytes = __webpack_require__(6089);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/python-code.js
// Calls in Python source that run programs, evaluate code, load pickles or open sockets: what a handler needs none of.
const EXEC_PATTERNS = [
    [/\bos\s*\.\s*(system|popen|exec\w*|spawn\w*|fork|execv\w*)\s*\(/, 'os process call'],
    [/\bfrom\s+os\s+import\s+[^\n]*\b(system|popen|exec\w*|spawn\w*)\b/, 'os process call'],
    [/\bsubprocess\b/, 'subprocess'],
    [/\bpty\s*\.\s*spawn\b/, 'pty.spawn'],
    [/\bsocket\s*\.\s*(socket|create_connection)\b/, 'socket'],
    [/(^|[^.\w])(eval|exec)\s*\(/m, 'eval/exec'],
    [/\b__import__\s*\(/, '__import__'],
    [/\b(marshal|pickle|dill|cloudpickle)\s*\.\s*loads?\s*\(/, 'deserialises code'],
    [/\bctypes\b/, 'ctypes'],
    [/\burllib\.request\b|\brequests\s*\.\s*(get|post)\s*\(/, 'network download'],
];
/** The first dangerous construct in a Python source and its line, if any. */
function dangerousPython(source) {
    for (const [re, what] of EXEC_PATTERNS) {
        const m = re.exec(source);
        if (m)
            return { what, line: source.slice(0, m.index).split('\n').length };
    }
    return undefined;
}
//# sourceMappingURL=python-code.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/zip-archive.js
var zip_archive = __webpack_require__(1034);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/torchserve/judge.js





// TorchServe's built-in handlers (ts/torch_handler): named in the manifest, shipped with TorchServe itself.
const BUILTIN_HANDLERS = new Set(['image_classifier', 'image_segmenter', 'object_detector', 'text_classifier', 'base_handler']);
/** What a TorchServe archive runs on load: its manifest's handler and every Python member (imported by TorchServe). */
function judgeMar(archive, members) {
    const at = { path: archive };
    const raw = members.get(zip_archive/* MAR_MANIFEST */.Pl);
    let manifest;
    try {
        manifest = raw ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) : undefined;
    }
    catch {
        manifest = undefined;
    }
    const model = (0,bytes/* isRecord */.u4)(manifest) ? manifest.model : undefined;
    if (!(0,bytes/* isRecord */.u4)(model) || typeof model.handler !== 'string')
        return [(0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marManifest, `${zip_archive/* MAR_MANIFEST */.Pl} is missing, not JSON or names no model.handler; what the archive runs is unknown`, at)];
    const out = [];
    const code = [...members.keys()].filter((n) => n.endsWith('.py'));
    const handler = model.handler.split(':')[0];
    if (code.length > 0 || !BUILTIN_HANDLERS.has(handler))
        out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marHandler, `handler ${JSON.stringify(model.handler)} with ${code.length} Python member(s) (${code.slice(0, 5).join(', ')}) is imported by TorchServe when the model loads`, at));
    for (const name of code) {
        const text = new TextDecoder('utf-8').decode(members.get(name));
        const bad = dangerousPython(text);
        if (bad)
            out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marExec, `${name} line ${bad.line}: ${bad.what}`, { path: `${archive}!/${name}`, line: bad.line }));
    }
    return out;
}
//# sourceMappingURL=judge.js.map

/***/ })

};
