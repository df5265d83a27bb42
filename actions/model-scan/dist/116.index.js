export const id = 116;
export const ids = [116];
export const modules = {

/***/ 8116:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   msgpackAnalyser: () => (/* binding */ msgpackAnalyser)
/* harmony export */ });
/* harmony import */ var _conclude_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9368);
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7738);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5648);
/* harmony import */ var _shared_bytes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6089);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1799);
/* harmony import */ var _sniff_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1774);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6912);








const CAP = 1 << 30;
// flax/serialization.py: _MsgpackExtType ndarray = 1, native_complex = 2, npscalar = 3; -1 is msgpack's timestamp.
const KNOWN_EXT = new Set([-1, 1, 2, 3]);
/**
 * Flax/JAX msgpack checkpoints: every extension type is one Flax defines (its payload must itself be msgpack);
 * msgpack-numpy object arrays, which msgpack_numpy decodes with pickle.loads, are analysed as the pickles they are.
 */
const msgpackAnalyser = {
    format: 'msgpack-checkpoint',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_5__/* .sniffMsgpackCheckpoint */ .z,
    async analyse(ctx) {
        const { source } = ctx;
        const findings = [];
        const nested = [];
        const pickles = [];
        try {
            const bytes = await (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_3__/* .readWhole */ .oD)(source, CAP, 'msgpack checkpoint');
            const unknown = new Set();
            const visit = (v) => {
                if (v.t === 'ext') {
                    if (!KNOWN_EXT.has(v.code))
                        unknown.add(v.code);
                    else if (v.code >= 1 && v.code <= 3)
                        (0,_walk_js__WEBPACK_IMPORTED_MODULE_6__/* .readMsgpack */ .dD)(v.bytes, visit);
                }
                if ((0,_sniff_js__WEBPACK_IMPORTED_MODULE_5__/* .isNumpyMap */ .m)(v) && v.entries.some(([k, x]) => (0,_walk_js__WEBPACK_IMPORTED_MODULE_6__/* .msgText */ .vj)(k) === 'kind' && (0,_walk_js__WEBPACK_IMPORTED_MODULE_6__/* .msgText */ .vj)(x) === 'O')) {
                    const data = v.entries.find(([k]) => (0,_walk_js__WEBPACK_IMPORTED_MODULE_6__/* .msgText */ .vj)(k) === 'data')?.[1];
                    if (data && (data.t === 'bin' || data.t === 'str'))
                        pickles.push(data.bytes);
                }
            };
            const { end } = (0,_walk_js__WEBPACK_IMPORTED_MODULE_6__/* .readMsgpack */ .dD)(bytes, visit);
            if (end !== bytes.length)
                throw new Error(`${bytes.length - end} bytes follow the checkpoint`);
            for (const code of unknown)
                findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__/* .BREADTH_RULES */ .d.msgpackExt, `extension type ${code} is not one Flax defines`, { path: source.name }));
        }
        catch (e) {
            const why = e instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelFormatError */ .xG || e instanceof Error ? e.message : String(e);
            return (0,_conclude_js__WEBPACK_IMPORTED_MODULE_0__/* .conclude */ .Ep)('msgpack-checkpoint', [
                (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__/* .BREADTH_RULES */ .d.msgpackUnreadable, `could not be read as msgpack (${why}); not trusted`, { path: source.name }),
            ]);
        }
        for (const [i, p] of pickles.entries()) {
            const path = `${source.name}!/object-array-${i}`;
            findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__/* .BREADTH_RULES */ .d.msgpackPickle, 'a msgpack-numpy object array is unpickled on load', { path }));
            const a = await ctx.scanNested((0,_source_js__WEBPACK_IMPORTED_MODULE_7__/* .bufferSource */ .k)(path, p));
            (0,_conclude_js__WEBPACK_IMPORTED_MODULE_0__/* .absorb */ .eE)(findings, a, path);
            nested.push(a);
        }
        return (0,_conclude_js__WEBPACK_IMPORTED_MODULE_0__/* .conclude */ .Ep)('msgpack-checkpoint', findings, nested, { framework: 'flax' });
    },
};
//# sourceMappingURL=analyser.js.map

/***/ })

};
