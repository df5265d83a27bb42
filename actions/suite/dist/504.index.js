export const id = 504;
export const ids = [504];
export const modules = {

/***/ 8123:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   coremlAnalyser: () => (/* binding */ coremlAnalyser),
/* harmony export */   milWeightsAnalyser: () => (/* binding */ milWeightsAnalyser),
/* harmony export */   mlpackageManifestAnalyser: () => (/* binding */ mlpackageManifestAnalyser)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7738);
/* harmony import */ var _containers_member_name_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4280);
/* harmony import */ var _shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6089);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1799);
/* harmony import */ var _shared_judged_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8105);
/* harmony import */ var _shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6949);
/* harmony import */ var _sniff_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5741);










const CAP = 2 ** 31 - 1;
// coremltools' Model.proto field numbers.
const PIPELINES = new Set([200, 201, 202]);
const NETWORKS = new Set([303, 403, 500]);
const CUSTOM_MODEL = 555;
const LINKED_MODEL = 556;
const SERIALIZED_MODEL = 3000;
const CUSTOM_LAYER = 500;
const MAX_DEPTH = 64;
/** The custom classes, linked files and opaque models a Model (and its pipeline sub-models) needs. */
function judgeModel(model, where, out, depth = 0) {
    if (depth > MAX_DEPTH)
        throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .malformed */ .Qm)(`pipelines nested deeper than ${MAX_DEPTH}`);
    for (const f of (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .wireFields */ .jP)(model)) {
        if (f.wire !== 2)
            continue;
        if (PIPELINES.has(f.field)) {
            // PipelineClassifier/Regressor wrap a Pipeline at field 1; a Pipeline lists Models at field 1.
            const pipeline = f.field === 202 ? f.bytes : ((0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(f.bytes, 1)[0] ?? new Uint8Array());
            for (const [i, m] of (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(pipeline, 1).entries())
                judgeModel(m, `${where}.pipeline[${i}]`, out, depth + 1);
        }
        else if (NETWORKS.has(f.field)) {
            for (const layer of (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(f.bytes, 1)) {
                const custom = (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(layer, CUSTOM_LAYER)[0];
                if (!custom)
                    continue;
                const name = (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .text */ .Qq)((0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(layer, 1)[0] ?? new Uint8Array());
                const cls = (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .text */ .Qq)((0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(custom, 10)[0] ?? new Uint8Array());
                out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlCustom, `${where}: layer ${JSON.stringify(name)} is a custom layer run by class ${JSON.stringify(cls)}`, undefined, cls));
            }
        }
        else if (f.field === CUSTOM_MODEL) {
            const cls = (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .text */ .Qq)((0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(f.bytes, 10)[0] ?? new Uint8Array());
            out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlCustom, `${where} is a custom model run by class ${JSON.stringify(cls)}`, undefined, cls));
        }
        else if (f.field === SERIALIZED_MODEL) {
            out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlCustom, `${where} is an opaque serialized model (a private CoreML model type)`));
        }
        else if (f.field === LINKED_MODEL) {
            const file = (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(f.bytes, 1)[0] ?? new Uint8Array();
            for (const p of [1, 2]
                .flatMap((n) => (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(file, n))
                .flatMap((s) => (0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .submessages */ .Pj)(s, 1))
                .map(_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .text */ .Qq)) {
                const problem = (0,_containers_member_name_js__WEBPACK_IMPORTED_MODULE_9__/* .memberNameProblem */ .f)(p);
                if (problem)
                    out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlPath, `${where} links model file ${JSON.stringify(p)}, which ${problem}`, undefined, p));
            }
        }
    }
}
const coremlAnalyser = {
    format: 'coreml',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_8__/* .sniffCoreml */ .Rg,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_6__/* .judgedFormat */ .V)('coreml', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlUnreadable, source, async () => {
        const bytes = await (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .readWhole */ .oD)(source, CAP, 'CoreML model');
        const findings = [];
        judgeModel(bytes, 'model', findings);
        for (const f of findings)
            f.location = { path: source.name };
        const version = [...(0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .wireFields */ .jP)(bytes)].find((f) => f.field === 1 && f.wire === 0);
        return {
            findings,
            metadata: { framework: 'coreml', formatVersion: version && 'value' in version ? String(version.value) : undefined },
        };
    }),
};
/** An .mlpackage's Manifest.json: every item path inside the package's Data/ folder, the root model present. */
const mlpackageManifestAnalyser = {
    format: 'coreml-package',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_8__/* .sniffMlpackageManifest */ .jc,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_6__/* .judgedFormat */ .V)('coreml-package', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlUnreadable, source, async () => {
        const manifest = JSON.parse((0,_shared_protowire_js__WEBPACK_IMPORTED_MODULE_7__/* .text */ .Qq)(await (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .readWhole */ .oD)(source, 4 << 20, 'Manifest.json')));
        if (!(0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(manifest) || !(0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(manifest.itemInfoEntries) || typeof manifest.rootModelIdentifier !== 'string')
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .malformed */ .Qm)('Manifest.json lacks itemInfoEntries or rootModelIdentifier');
        const findings = [];
        const at = { path: source.name };
        const root = manifest.itemInfoEntries[manifest.rootModelIdentifier];
        if (!(0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(root))
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .malformed */ .Qm)(`the root model ${manifest.rootModelIdentifier} is not an entry`);
        for (const [id, item] of Object.entries(manifest.itemInfoEntries)) {
            const p = (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(item) && typeof item.path === 'string' ? item.path : undefined;
            if (p === undefined)
                throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .malformed */ .Qm)(`entry ${id} has no path`);
            const problem = (0,_containers_member_name_js__WEBPACK_IMPORTED_MODULE_9__/* .memberNameProblem */ .f)(p);
            if (problem)
                findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlPath, `entry ${id} path ${JSON.stringify(p)} ${problem}`, at, p));
            else if (source.directory && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(source.directory, 'Data', p)))
                findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlUnreadable, `entry ${id} names Data/${p}, which is not in the package`, at, p));
        }
        return { findings, metadata: { framework: 'coreml' } };
    }),
};
/** weights/weight.bin of an ML Program: raw tensors, checked to be inside the file. */
const milWeightsAnalyser = {
    format: 'coreml-weights',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_8__/* .sniffMilWeights */ .Gs,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_6__/* .judgedFormat */ .V)('coreml-weights', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_2__/* .BREADTH_RULES */ .d.coremlUnreadable, source, async () => {
        const meta = await (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .readExactly */ .Lo)(source, 64, 32);
        const v = new DataView(meta.buffer, meta.byteOffset, meta.byteLength);
        const size = Number(v.getBigUint64(8, true));
        const offset = Number(v.getBigUint64(16, true));
        if (offset + size > source.size)
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .malformed */ .Qm)(`the first blob (${size} bytes at ${offset}) runs past the end`);
        return { findings: [], metadata: { framework: 'coreml' } };
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
