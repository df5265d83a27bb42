export const id = 7;
export const ids = [7];
export const modules = {

/***/ 4007:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  coremlAnalyser: () => (/* binding */ coremlAnalyser),
  milWeightsAnalyser: () => (/* binding */ milWeightsAnalyser),
  mlpackageManifestAnalyser: () => (/* binding */ mlpackageManifestAnalyser)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules-breadth.js
var rules_breadth = __webpack_require__(7601);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules.js
var rules = __webpack_require__(7738);
// EXTERNAL MODULE: ../../packages/scanner/dist/containers/member-name.js
var member_name = __webpack_require__(4280);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var shared_bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/judged.js
var judged = __webpack_require__(8105);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/protowire.js
var protowire = __webpack_require__(6949);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/coreml/mil-ops.js
// The operations of Core ML's ML Program opsets (iOS15 to iOS18), as coremltools' MIL op definitions name them
// (coremltools/converters/mil/mil/ops/defs/iOS*). An ML Program op outside this list is a custom op: the runtime
// can only run it through code the application supplies.
const MIL_OPS = new Set(`
  const cond while_loop select identity make_list list_length list_write list_read list_gather list_scatter
  clamped_relu elu gelu leaky_relu linear_activation prelu relu relu6 scaled_tanh sigmoid sigmoid_hard silu
  softplus softplus_parametric softmax softsign thresholded_relu classify conv conv_transpose
  add equal floor_div greater greater_equal less less_equal logical_and logical_or logical_xor maximum minimum mod
  mul not_equal pow real_div sub
  abs acos asin atan atanh ceil clip cos cosh erf exp exp2 floor inverse log logical_not round rsqrt sign sin sinh
  sqrt square tan tanh threshold cast
  upsample_nearest_neighbor resize_nearest_neighbor upsample_bilinear resize_bilinear crop_resize crop affine
  resample resize linear matmul einsum batch_norm instance_norm l2_norm layer_norm local_response_norm avg_pool
  l2_pool max_pool random_bernoulli random_categorical random_normal random_uniform gru lstm rnn
  reduce_argmax reduce_argmin reduce_l1_norm reduce_l2_norm reduce_log_sum reduce_log_sum_exp reduce_max
  reduce_mean reduce_min reduce_prod reduce_sum reduce_sum_square
  gather scatter gather_along_axis scatter_along_axis gather_nd scatter_nd
  band_part cumsum fill fill_like non_maximum_suppression non_zero one_hot pad range_1d tile argsort topk
  flatten2d shape concat split stack
  depth_to_space expand_dims reshape reshape_like reverse reverse_sequence slice_by_index slice_by_size
  space_to_depth squeeze transpose pixel_shuffle pixel_unshuffle sliding_windows space_to_batch batch_to_space
  constexpr_affine_dequantize constexpr_cast constexpr_lut_to_dense constexpr_sparse_to_dense
  constexpr_blockwise_shift_scale constexpr_lut_to_sparse constexpr_sparse_blockwise_shift_scale
  dequantize quantize read_state write_state coreml_update_state scaled_dot_product_attention slice_update
`
    .trim()
    .split(/\s+/));
//# sourceMappingURL=mil-ops.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/coreml/sniff.js
var sniff = __webpack_require__(5741);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/coreml/analyser.js











const CAP = 2 ** 31 - 1;
// coremltools' Model.proto, NeuralNetwork.proto and MIL.proto field numbers.
const PIPELINES = new Set([200, 201, 202]);
const NETWORKS = new Set([303, 403, 500]);
const ML_PROGRAM = 502;
const CUSTOM_MODEL = 555;
const LINKED_MODEL = 556;
const SERIALIZED_MODEL = 3000;
// NeuralNetworkLayer: custom = 500, branch = 605 (ifBranch 1, elseBranch 2), loop = 615 (conditionNetwork 3,
// bodyNetwork 4); each body is a NeuralNetwork whose layers are field 1.
const CUSTOM_LAYER = 500;
const BRANCH_LAYER = 605;
const LOOP_LAYER = 615;
const BODIES = {
    [BRANCH_LAYER]: [
        [1, 'if branch'],
        [2, 'else branch'],
    ],
    [LOOP_LAYER]: [
        [3, 'loop condition'],
        [4, 'loop body'],
    ],
};
// Pipelines, loop/branch bodies, MIL blocks and values all count: CoreML's own protobuf parser stops at 100.
const MAX_DEPTH = 64;
const BLOB_ROOT = '@model_path/';
const empty = new Uint8Array();
const first = (b, n) => (0,protowire/* submessages */.Pj)(b, n)[0] ?? empty;
/** A walk of a model's nesting: where findings go, and the depth budget (a deeper model is not read: error). */
class Walk {
    out = [];
    enter(depth) {
        if (depth >= MAX_DEPTH)
            throw (0,errors/* malformed */.Qm)(`models, loop/branch bodies or program blocks nested deeper than ${MAX_DEPTH} levels`);
        return depth + 1;
    }
}
/** The custom classes, linked files and opaque models a Model needs, through pipelines, networks and programs. */
function judgeModel(model, where, walk, depth) {
    const d = walk.enter(depth);
    for (const f of (0,protowire/* wireFields */.jP)(model)) {
        if (f.wire !== 2)
            continue;
        if (PIPELINES.has(f.field)) {
            // PipelineClassifier/Regressor wrap a Pipeline at field 1; a Pipeline lists Models at field 1.
            const pipeline = f.field === 202 ? f.bytes : first(f.bytes, 1);
            for (const [i, m] of (0,protowire/* submessages */.Pj)(pipeline, 1).entries())
                judgeModel(m, `${where}.pipeline[${i}]`, walk, d);
        }
        else if (NETWORKS.has(f.field))
            judgeNetwork(f.bytes, where, walk, d);
        else if (f.field === ML_PROGRAM)
            judgeProgram(f.bytes, where, walk, d);
        else if (f.field === CUSTOM_MODEL) {
            const cls = (0,protowire/* text */.Qq)(first(f.bytes, 10));
            walk.out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.coremlCustom, `${where} is a custom model run by class ${JSON.stringify(cls)}`, undefined, cls));
        }
        else if (f.field === SERIALIZED_MODEL) {
            walk.out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.coremlCustom, `${where} is an opaque serialized model (a private CoreML model type)`));
        }
        else if (f.field === LINKED_MODEL) {
            const file = first(f.bytes, 1);
            for (const p of [1, 2]
                .flatMap((n) => (0,protowire/* submessages */.Pj)(file, n))
                .flatMap((s) => (0,protowire/* submessages */.Pj)(s, 1))
                .map(protowire/* text */.Qq)) {
                const problem = (0,member_name/* memberNameProblem */.f)(p);
                if (problem)
                    walk.out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.coremlPath, `${where} links model file ${JSON.stringify(p)}, which ${problem}`, undefined, p));
            }
        }
    }
}
/** A NeuralNetwork's layers: custom layers, and the networks inside branch and loop layers. */
function judgeNetwork(network, where, walk, depth) {
    const d = walk.enter(depth);
    for (const layer of (0,protowire/* submessages */.Pj)(network, 1)) {
        const name = JSON.stringify((0,protowire/* text */.Qq)(first(layer, 1)));
        for (const f of (0,protowire/* wireFields */.jP)(layer)) {
            if (f.wire !== 2)
                continue;
            if (f.field === CUSTOM_LAYER) {
                const cls = (0,protowire/* text */.Qq)(first(f.bytes, 10));
                walk.out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.coremlCustom, `${where}: layer ${name} is a custom layer run by class ${JSON.stringify(cls)}`, undefined, cls));
            }
            for (const [n, label] of BODIES[f.field] ?? [])
                for (const body of (0,protowire/* submessages */.Pj)(f.bytes, n))
                    judgeNetwork(body, `${where} > ${label} of layer ${name}`, walk, d);
        }
    }
}
/** An ML Program: every function's block specialisations, walked op by op into cond/while_loop blocks. */
function judgeProgram(program, where, walk, depth) {
    const d = walk.enter(depth);
    // map<string, Function> functions = 2; map<string, Block> block_specializations = 3 (map entries: key 1, value 2).
    for (const fn of (0,protowire/* submessages */.Pj)(program, 2)) {
        const name = (0,protowire/* text */.Qq)(first(fn, 1));
        for (const spec of (0,protowire/* submessages */.Pj)(first(fn, 2), 3))
            judgeBlock(first(spec, 2), `${where}: function ${name}`, walk, d);
    }
}
function judgeBlock(block, where, walk, depth) {
    const d = walk.enter(depth);
    // Block.operations = 3; Operation type 1, inputs 2 (Argument.arguments 1, Binding.value 2), blocks 4, attributes 5.
    for (const op of (0,protowire/* submessages */.Pj)(block, 3)) {
        const type = (0,protowire/* text */.Qq)(first(op, 1));
        if (!MIL_OPS.has(type))
            walk.out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.coremlCustom, `${where}: op ${JSON.stringify(type)} is not in Core ML's ML Program opsets (a custom op)`, undefined, type));
        for (const input of (0,protowire/* submessages */.Pj)(op, 2))
            for (const binding of (0,protowire/* submessages */.Pj)(first(input, 2), 1))
                for (const v of (0,protowire/* submessages */.Pj)(binding, 2))
                    judgeValue(v, `${where}: op ${type}`, walk, d);
        for (const attr of (0,protowire/* submessages */.Pj)(op, 5))
            judgeValue(first(attr, 2), `${where}: op ${type}`, walk, d);
        for (const [i, inner] of (0,protowire/* submessages */.Pj)(op, 4).entries())
            judgeBlock(inner, `${where} > ${type} block ${i}`, walk, d);
    }
}
/** A MIL value: weights in a blob file must stay inside the package; tuples, lists and dictionaries nest values. */
function judgeValue(value, where, walk, depth) {
    const d = walk.enter(depth);
    for (const f of (0,protowire/* wireFields */.jP)(value)) {
        if (f.wire !== 2)
            continue;
        if (f.field === 5) {
            const file = (0,protowire/* text */.Qq)(first(f.bytes, 1));
            const problem = file.startsWith(BLOB_ROOT) ? (0,member_name/* memberNameProblem */.f)(file.slice(BLOB_ROOT.length)) : `is not under ${BLOB_ROOT}`;
            if (problem)
                walk.out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.coremlPath, `${where} reads weights from ${JSON.stringify(file)}, which ${problem}`, undefined, file));
        }
        else if (f.field === 3)
            for (const g of (0,protowire/* wireFields */.jP)(f.bytes)) {
                if (g.wire !== 2)
                    continue;
                // ImmediateValue: tuple 2 and list 3 hold values at 1; dictionary 4 holds pairs (key 1, value 2) at 1.
                if (g.field === 2 || g.field === 3)
                    for (const v of (0,protowire/* submessages */.Pj)(g.bytes, 1))
                        judgeValue(v, where, walk, d);
                else if (g.field === 4)
                    for (const pair of (0,protowire/* submessages */.Pj)(g.bytes, 1))
                        for (const v of [first(pair, 1), first(pair, 2)])
                            judgeValue(v, where, walk, d);
            }
    }
}
const coremlAnalyser = {
    format: 'coreml',
    sniff: sniff/* sniffCoreml */.Rg,
    analyse: ({ source }) => (0,judged/* judgedFormat */.V)('coreml', rules_breadth/* BREADTH_RULES */.d.coremlUnreadable, source, async () => {
        const bytes = await (0,shared_bytes/* readWhole */.oD)(source, CAP, 'CoreML model');
        const walk = new Walk();
        judgeModel(bytes, 'model', walk, 0);
        const findings = walk.out;
        for (const f of findings)
            f.location = { path: source.name };
        const version = [...(0,protowire/* wireFields */.jP)(bytes)].find((f) => f.field === 1 && f.wire === 0);
        return {
            findings,
            metadata: { framework: 'coreml', formatVersion: version && 'value' in version ? String(version.value) : undefined },
        };
    }),
};
/** An .mlpackage's Manifest.json: every item path inside the package's Data/ folder, the root model present. */
const mlpackageManifestAnalyser = {
    format: 'coreml-package',
    sniff: sniff/* sniffMlpackageManifest */.jc,
    analyse: ({ source }) => (0,judged/* judgedFormat */.V)('coreml-package', rules_breadth/* BREADTH_RULES */.d.coremlUnreadable, source, async () => {
        const manifest = JSON.parse((0,protowire/* text */.Qq)(await (0,shared_bytes/* readWhole */.oD)(source, 4 << 20, 'Manifest.json')));
        if (!(0,shared_bytes/* isRecord */.u4)(manifest) || !(0,shared_bytes/* isRecord */.u4)(manifest.itemInfoEntries) || typeof manifest.rootModelIdentifier !== 'string')
            throw (0,errors/* malformed */.Qm)('Manifest.json lacks itemInfoEntries or rootModelIdentifier');
        const findings = [];
        const at = { path: source.name };
        const root = manifest.itemInfoEntries[manifest.rootModelIdentifier];
        if (!(0,shared_bytes/* isRecord */.u4)(root))
            throw (0,errors/* malformed */.Qm)(`the root model ${manifest.rootModelIdentifier} is not an entry`);
        for (const [id, item] of Object.entries(manifest.itemInfoEntries)) {
            const p = (0,shared_bytes/* isRecord */.u4)(item) && typeof item.path === 'string' ? item.path : undefined;
            if (p === undefined)
                throw (0,errors/* malformed */.Qm)(`entry ${id} has no path`);
            const problem = (0,member_name/* memberNameProblem */.f)(p);
            if (problem)
                findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.coremlPath, `entry ${id} path ${JSON.stringify(p)} ${problem}`, at, p));
            else if (source.directory && !(0,external_node_fs_.existsSync)(external_node_path_.join(source.directory, 'Data', p)))
                findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.coremlUnreadable, `entry ${id} names Data/${p}, which is not in the package`, at, p));
        }
        return { findings, metadata: { framework: 'coreml' } };
    }),
};
/** weights/weight.bin of an ML Program: raw tensors, checked to be inside the file. */
const milWeightsAnalyser = {
    format: 'coreml-weights',
    sniff: sniff/* sniffMilWeights */.Gs,
    analyse: ({ source }) => (0,judged/* judgedFormat */.V)('coreml-weights', rules_breadth/* BREADTH_RULES */.d.coremlUnreadable, source, async () => {
        const meta = await (0,shared_bytes/* readExactly */.Lo)(source, 64, 32);
        const v = new DataView(meta.buffer, meta.byteOffset, meta.byteLength);
        const size = Number(v.getBigUint64(8, true));
        const offset = Number(v.getBigUint64(16, true));
        if (offset + size > source.size)
            throw (0,errors/* malformed */.Qm)(`the first blob (${size} bytes at ${offset}) runs past the end`);
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
