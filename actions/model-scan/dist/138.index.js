export const id = 138;
export const ids = [138];
export const modules = {

/***/ 3138:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   paddleAnalyser: () => (/* binding */ paddleAnalyser)
/* harmony export */ });
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7738);
/* harmony import */ var _shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6089);
/* harmony import */ var _shared_judged_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8105);
/* harmony import */ var _shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6949);
/* harmony import */ var _sniff_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9191);






const CAP = 2 ** 31 - 1;
// paddle/fluid/framework/framework.proto: ProgramDesc.blocks = 1; BlockDesc.ops = 4; OpDesc.type = 3, attrs = 4;
// OpDesc.Attr name = 1, s = 5.
const FILE_OPS = new Set(['save', 'load', 'save_combine', 'load_combine']);
/** A PaddlePaddle program: py_func ops (Python callbacks) and file ops with a path baked into the program. */
const paddleAnalyser = {
    format: 'paddle-program',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_5__/* .sniffPaddleProgram */ .p,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_3__/* .judgedFormat */ .V)('paddle-program', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.paddleUnreadable, source, async () => {
        const program = await (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .readWhole */ .oD)(source, CAP, 'PaddlePaddle program');
        const findings = [];
        const at = { path: source.name };
        let ops = 0;
        for (const [b, block] of (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .submessages */ .Pj)(program, 1).entries())
            for (const op of (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .submessages */ .Pj)(block, 4)) {
                ops++;
                const type = (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .submessages */ .Pj)(op, 3)[0] ?? new Uint8Array());
                if (type === 'py_func')
                    findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.paddlePyFunc, `block ${b}: py_func calls back into Python`, at, type));
                if (FILE_OPS.has(type)) {
                    const path = (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .submessages */ .Pj)(op, 4)
                        .filter((a) => (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .submessages */ .Pj)(a, 1)[0] ?? new Uint8Array()) === 'file_path')
                        .map((a) => (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_4__/* .submessages */ .Pj)(a, 5)[0] ?? new Uint8Array()))[0];
                    findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.paddleFileOp, `block ${b}: ${type} op on ${JSON.stringify(path ?? '?')}`, at, path));
                }
            }
        return { findings, metadata: { framework: 'paddlepaddle', properties: { ops: String(ops) } } };
    }),
};
//# sourceMappingURL=analyser.js.map

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
