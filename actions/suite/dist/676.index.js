export const id = 676;
export const ids = [676];
export const modules = {

/***/ 3676:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executorchAnalyser: () => (/* binding */ executorchAnalyser)
/* harmony export */ });
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7738);
/* harmony import */ var _shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6089);
/* harmony import */ var _shared_flatbuffer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9361);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1799);
/* harmony import */ var _shared_judged_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8105);
/* harmony import */ var _sniff_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1286);







// executorch/schema/program.fbs: Program.execution_plan = 1; ExecutionPlan.operators = 6, delegates = 7;
// Operator.name = 0, overload = 1; BackendDelegate.id = 0.
const KERNEL_NAMESPACES = new Set(['aten', 'executorch_prim', 'dim_order_ops', 'quantized_decomposed', 'quantized']);
const CAP = 2 ** 31 - 1;
/** ExecuTorch: operators outside the ATen/ExecuTorch kernel namespaces, and backend delegates, recorded. */
const executorchAnalyser = {
    format: 'executorch',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_6__/* .sniffExecutorch */ .x,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_5__/* .judgedFormat */ .V)('executorch', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.pteUnreadable, source, async () => {
        const program = _shared_flatbuffer_js__WEBPACK_IMPORTED_MODULE_3__/* .FlatTable */ .E.root(await (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .readWhole */ .oD)(source, CAP, 'ExecuTorch program'));
        const plans = program.tables(1);
        if (plans.length === 0)
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)('the program has no execution plan');
        const findings = [];
        const at = { path: source.name };
        const custom = new Set();
        const delegates = new Set();
        for (const plan of plans) {
            for (const op of plan.tables(6)) {
                const name = op.string(0) ?? '';
                if (!KERNEL_NAMESPACES.has(name.split('::')[0] ?? ''))
                    custom.add(name);
            }
            for (const d of plan.tables(7))
                delegates.add(d.string(0) ?? '?');
        }
        for (const name of custom)
            findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.pteCustomOp, `operator ${JSON.stringify(name)} needs a custom kernel`, at, name));
        for (const id of delegates)
            findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.pteDelegate, `backend delegate ${id} runs an opaque part of the program`, at, id));
        return { findings, metadata: { framework: 'executorch', properties: { plans: String(plans.length) } } };
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
