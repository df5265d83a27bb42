export const id = 688;
export const ids = [688];
export const modules = {

/***/ 688:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  paddleAnalyser: () => (/* binding */ paddleAnalyser)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/rules-breadth.js
var rules_breadth = __webpack_require__(7601);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules.js
var rules = __webpack_require__(7738);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/judged.js
var judged = __webpack_require__(8105);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/protowire.js
var protowire = __webpack_require__(6949);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/paddle/ops.js
// PaddlePaddle op types as they are written into a ProgramDesc (the fluid/legacy names, e.g. `matmul_v2`,
// `elementwise_add`), from Paddle's operator registry, the ops Paddle Inference fuses to and the op list of
// Paddle2ONNX. Only ops that compute on tensors are listed; everything that touches files, sockets or Python
// is classified separately below, and any other name (a custom op from paddle.utils.cpp_extension, a plugin
// library, a typo) is unreviewed.
const words = (s) => new Set(s.trim().split(/\s+/));
/** Built-in ops that compute on tensors (and program structure: feed/fetch, control flow, tensor arrays). */
const COMPUTE_OPS = words(`
  feed fetch fetch_v2 while conditional_block conditional_block_infer select_input select_output recurrent pylayer
  run_program go depend nop share_data share_buffer memcpy memcpy_d2h memcpy_h2d assign assign_value increment
  write_to_array read_from_array lod_array_length tensor_array_to_tensor lod_tensor_to_array array_to_lod_tensor
  lod_rank_table max_sequence_len reorder_lod_tensor_by_rank shrink_rnn_memory merge_lod_tensor split_lod_tensor
  lod_reset is_empty rank size shape numel seed coalesce_tensor
  abs acos acosh addmm affine_channel affine_grid all allclose any arg_max arg_min argsort as_complex as_real asin
  asinh atan atan2 atanh batch_norm bce_loss bicubic_interp bicubic_interp_v2 bilinear_interp bilinear_interp_v2
  bilinear_tensor_product bitwise_and bitwise_not bitwise_or bitwise_xor bmm broadcast_tensors brelu cast ceil
  celu cholesky clip clip_by_norm complex concat conj conv2d conv2d_transpose conv3d conv3d_transpose cos cosh
  crop crop_tensor cross cross_entropy cross_entropy2 cumprod cumsum deformable_conv deformable_conv_v1 det diag
  diag_embed diag_v2 diagonal digamma dist dot dropout eig eigh eigvals einsum elementwise_add elementwise_div
  elementwise_floordiv elementwise_fmax elementwise_fmin elementwise_heaviside elementwise_max elementwise_min
  elementwise_mod elementwise_mul elementwise_pow elementwise_sub elu equal equal_all erf erfinv exp expand
  expand_as expand_as_v2 expand_v2 expm1 eye fc fill fill_any fill_any_like fill_constant
  fill_constant_batch_size_like fill_zeros_like fill_zeros_like2 flatten flatten2 flatten_contiguous_range flip
  floor fold frame gather gather_nd gather_tree gaussian_random gaussian_random_batch_size_like gelu greater_equal
  greater_than grid_sampler group_norm gru gru_unit hard_shrink hard_sigmoid hard_swish histogram huber_loss
  im2sequence imag index_add index_put index_sample index_select instance_norm inverse isfinite isfinite_v2 isinf
  isinf_v2 isnan isnan_v2 kldiv_loss kron kthvalue l1_norm label_smooth layer_norm leaky_relu lerp less_equal
  less_than lgamma linear_interp linear_interp_v2 linspace log log10 log1p log2 log_loss log_softmax logical_and
  logical_not logical_or logical_xor logit logsigmoid logsumexp lookup_table lookup_table_v2 lrn lstm lstmp lu
  masked_select matmul matmul_v2 matrix_nms matrix_power matrix_rank max_pool2d_with_index max_pool3d_with_index
  maxout mean mean_iou meshgrid mish mode multinomial multiplex mv nanmedian nearest_interp nearest_interp_v2
  nll_loss norm not_equal one_hot one_hot_v2 overlap_add p_norm pad pad2d pad3d pad_constant_like pixel_shuffle
  pixel_unshuffle polygamma pool2d pool3d pow prelu put_along_axis qr randint randperm range real reciprocal
  reduce_all reduce_amax reduce_amin reduce_any reduce_max reduce_mean reduce_min reduce_prod reduce_sum relu
  relu6 renorm repeat_interleave reshape reshape2 reverse rnn roll round rsqrt scale scatter scatter_nd_add
  searchsorted segment_pool selu set_value shard_index shuffle_channel sigmoid sigmoid_cross_entropy_with_logits
  sign silu sin sinh slice slogdeterminant smooth_l1_loss softmax softmax_with_cross_entropy softplus softshrink
  softsign solve space_to_depth split sqrt square squared_l2_norm squeeze squeeze2 stack stanh strided_slice sum
  svd swish take_along_axis tan tanh tanh_shrink temporal_shift thresholded_relu tile top_k top_k_v2 trace
  transpose transpose2 tril_indices tril_triu triu_indices trilinear_interp trilinear_interp_v2 trunc
  truncated_gaussian_random unbind unfold uniform_random uniform_random_batch_size_like unique
  unique_consecutive unique_with_counts unpool unsqueeze unsqueeze2 unstack viterbi_decode warpctc where
  where_index accuracy auc precision_recall edit_distance chunk_eval crf_decoding linear_chain_crf ctc_align
  beam_search beam_search_decode sampling_id
  sequence_concat sequence_conv sequence_enumerate sequence_erase sequence_expand sequence_expand_as
  sequence_mask sequence_pad sequence_pool sequence_reshape sequence_reverse sequence_scatter sequence_slice
  sequence_softmax sequence_unpad
  anchor_generator bipartite_match box_clip box_coder box_decoder_and_assign collect_fpn_proposals
  density_prior_box detection_map distribute_fpn_proposals generate_proposals generate_proposals_v2
  iou_similarity locality_aware_nms mine_hard_examples multiclass_nms multiclass_nms2 multiclass_nms3
  polygon_box_transform prior_box psroi_pool retinanet_detection_output roi_align roi_perspective_transform
  roi_pool rpn_target_assign sigmoid_focal_loss target_assign yolo_box yolo_box_head yolo_box_post yolov3_loss
  quantize dequantize requantize quantize_linear dequantize_linear dequantize_abs_max dequantize_log
  fake_channel_wise_dequantize_max_abs fake_channel_wise_quantize_abs_max
  fake_channel_wise_quantize_dequantize_abs_max fake_dequantize_max_abs fake_quantize_abs_max
  fake_quantize_dequantize_abs_max fake_quantize_dequantize_moving_average_abs_max
  fake_quantize_moving_average_abs_max fake_quantize_range_abs_max moving_average_abs_max_scale
  weight_only_linear weight_quantize weight_dequantize llm_int8_linear quant_linear
  conv2d_fusion conv2d_inception_fusion fused_attention fused_batch_norm_act fused_bias_act
  fused_bias_dropout_residual_layer_norm fused_bn_add_activation fused_conv2d fused_dropout_add
  fused_elemwise_activation fused_elemwise_add_activation fused_elementwise_add fused_elementwise_div
  fused_elementwise_mul fused_elementwise_sub fused_embedding_eltwise_layernorm fused_fc_elementwise_layernorm
  fused_feedforward fused_gemm_epilogue fused_matmul fused_multi_transformer fused_rotary_position_embedding
  fused_softmax_mask fused_softmax_mask_upper_triangle fused_token_prune fused_transpose fusion_gru fusion_lstm
  fusion_repeated_fc_relu fusion_seqpool_concat fusion_squared_mat_sub fusion_transpose_flatten_concat
  multihead_matmul skip_layernorm squeeze_excitation_block resnet_unit resnet_basic_block rms_norm flash_attn
  memory_efficient_attention variable_length_memory_efficient_attention masked_multihead_attention
  sync_batch_norm
  c_allreduce_sum c_allreduce_max c_allreduce_min c_allreduce_prod c_allgather c_broadcast c_concat c_embedding
  c_identity c_reduce_sum c_reducescatter c_softmax_with_cross_entropy c_split c_sync_calc_stream
  c_sync_comm_stream mp_allreduce_sum
  sgd momentum lars_momentum adam adamw adamax adagrad adadelta decayed_adagrad rmsprop lamb ftrl dpsgd
  merged_adam merged_momentum check_finite_and_unscale update_loss_scaling
`);
/** Ops that call back into the Python process that runs the program. */
const PYTHON_OPS = words('py_func');
/** Ops that read or write a path (an attribute baked into the program) or a reader's file list. */
const FILE_OPS = words(`
  save load save_combine load_combine read_file sparse_tensor_load checkpoint_notify recv_save open_files
  create_recordio_file_reader
`);
/**
 * Ops that open sockets or RPC channels to endpoints (parameter-server and communicator set-up ops; the collective
 * compute ops above only use a communicator the host process set up).
 */
const NETWORK_OPS = words(`
  listen_and_serv heter_listen_and_serv send recv send_v2 recv_v2 send_barrier fetch_barrier prefetch
  send_and_recv rpc_call rpc_result gen_nccl_id c_gen_nccl_id gen_bkcl_id c_gen_bkcl_id c_gen_hccl_id
  c_gen_cncl_id c_comm_init c_comm_init_all c_comm_init_multitrainer distributed_lookup_table
  distributed_push_sparse pull_sparse pull_sparse_v2 push_sparse push_sparse_v2 push_dense pull_box_sparse
  push_box_sparse pull_gpups_sparse
`);
/** Inference-engine ops whose attribute is a serialized engine (TensorRT plans can load plugin libraries). */
const ENGINE_OPS = words('tensorrt_engine lite_engine dlnne_engine anakin_engine cinn_launch cinn_instruction_run');
/** Attributes that name a path or an endpoint, quoted in findings. */
const PATH_ATTRS = words('file_path filename file_names dirname');
const ENDPOINT_ATTRS = words('endpoint endpoints epmap other_endpoints trainer_endpoints pserver_endpoints');
/** `X_grad` (and `X_grad_grad`) ops of a training program are the gradients of built-in op X. */
function isComputeOp(type) {
    let base = type;
    while (base.endsWith('_grad'))
        base = base.slice(0, -'_grad'.length);
    return COMPUTE_OPS.has(base);
}
//# sourceMappingURL=ops.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/paddle/sniff.js
var sniff = __webpack_require__(9191);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/paddle/analyser.js








const CAP = 2 ** 31 - 1;
// paddle/fluid/framework/framework.proto (proto2): ProgramDesc.blocks = 1; BlockDesc idx = 1, parent_idx = 2,
// ops = 4; OpDesc type = 3, attrs = 4; OpDesc.Attr name = 1, s = 5, strings = 8, block_idx = 12, blocks_idx = 14.
const NO_PARENT = 2 ** 31; // parent_idx is an int32: -1 arrives as a 10-byte varint, far above this
function attrOf(bytes) {
    const attr = { name: '', strings: [], blocks: [] };
    for (const f of (0,protowire/* wireFields */.jP)(bytes)) {
        if (f.field === 1 && f.wire === 2)
            attr.name = (0,protowire/* text */.Qq)(f.bytes);
        else if ((f.field === 5 || f.field === 8) && f.wire === 2)
            attr.strings.push((0,protowire/* text */.Qq)(f.bytes));
        else if ((f.field === 12 || f.field === 14) && f.wire === 0)
            attr.blocks.push(f.value);
        else if (f.field === 14 && f.wire === 2)
            for (const v of (0,protowire/* wireFields */.jP)(packedAsFields(f.bytes)))
                if (v.wire === 0)
                    attr.blocks.push(v.value);
    }
    return attr;
}
// A packed repeated int32 is a run of varints; prefixing each with tag 1/varint lets the field reader decode them.
function packedAsFields(run) {
    const out = [];
    let start = true;
    for (const byte of run) {
        if (start)
            out.push(0x08);
        out.push(byte);
        start = (byte & 0x80) === 0;
    }
    return Uint8Array.from(out);
}
function blockOf(bytes) {
    const block = { idx: -1, parent: -1, ops: [] };
    for (const f of (0,protowire/* wireFields */.jP)(bytes)) {
        if (f.field === 1 && f.wire === 0)
            block.idx = f.value;
        else if (f.field === 2 && f.wire === 0)
            block.parent = f.value >= NO_PARENT ? -1 : f.value;
        else if (f.field === 4 && f.wire === 2) {
            const type = (0,protowire/* text */.Qq)((0,protowire/* submessages */.Pj)(f.bytes, 3)[0] ?? new Uint8Array());
            block.ops.push({ type, attrs: (0,protowire/* submessages */.Pj)(f.bytes, 4).map(attrOf) });
        }
    }
    return block;
}
const quoted = (attrs, names) => attrs.filter((a) => names.has(a.name)).flatMap((a) => a.strings.map((s) => `${a.name}=${JSON.stringify(s)}`));
/** What one op does, as a finding, or nothing for a built-in compute op. */
function judgeOp(op, where) {
    let base = op.type;
    while (base.endsWith('_grad'))
        base = base.slice(0, -'_grad'.length);
    if (PYTHON_OPS.has(base))
        return (0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.paddlePyFunc, `${where}: ${op.type} calls back into Python`, undefined, op.type);
    if (FILE_OPS.has(base)) {
        const paths = quoted(op.attrs, PATH_ATTRS);
        return (0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.paddleFileOp, `${where}: ${op.type} op on ${paths.join(', ') || 'a path set at run time'}`, undefined, paths[0] ?? op.type);
    }
    if (NETWORK_OPS.has(base)) {
        const ends = quoted(op.attrs, ENDPOINT_ATTRS);
        return (0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.paddleNetworkOp, `${where}: ${op.type} opens a network channel${ends.length ? ` (${ends.join(', ')})` : ''}`, undefined, op.type);
    }
    if (isComputeOp(op.type))
        return undefined;
    const what = ENGINE_OPS.has(base)
        ? 'runs a serialized inference engine the scanner cannot read (TensorRT plans can load plugin libraries)'
        : base === 'print'
            ? 'writes tensor values to the process log'
            : 'is not a built-in Paddle op (a custom op from a loaded library or plugin)';
    return (0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.paddleUnknownOp, `${where}: op ${JSON.stringify(op.type)} ${what}`, undefined, op.type);
}
/**
 * A PaddlePaddle program: every op of every block (while/conditional_block bodies are blocks of the program,
 * named by their ops' sub_block attributes) against the built-in compute ops; Python callbacks, file paths,
 * network channels and unknown ops are findings. A block reference outside the program is malformed.
 */
const paddleAnalyser = {
    format: 'paddle-program',
    sniff: sniff/* sniffPaddleProgram */.p,
    analyse: ({ source }) => (0,judged/* judgedFormat */.V)('paddle-program', rules_breadth/* BREADTH_RULES */.d.paddleUnreadable, source, async () => {
        const program = await (0,bytes/* readWhole */.oD)(source, CAP, 'PaddlePaddle program');
        const blocks = (0,protowire/* submessages */.Pj)(program, 1).map(blockOf);
        if (blocks.length === 0)
            throw (0,errors/* malformed */.Qm)('the program has no blocks');
        // Which op owns each sub-block, for the findings' wording; every reference must name another block.
        const owner = new Map();
        for (const [b, block] of blocks.entries()) {
            if (block.idx !== b)
                throw (0,errors/* malformed */.Qm)(`block ${b} says it is block ${block.idx}`);
            if (b === 0 ? block.parent !== -1 : block.parent < 0 || block.parent >= blocks.length)
                throw (0,errors/* malformed */.Qm)(`block ${b} has parent ${block.parent}, outside the program's ${blocks.length} blocks`);
            for (const op of block.ops)
                for (const sub of op.attrs.flatMap((a) => a.blocks)) {
                    if (sub <= 0 || sub >= blocks.length || sub === b)
                        throw (0,errors/* malformed */.Qm)(`${op.type} in block ${b} names sub-block ${sub}, outside the program's ${blocks.length} blocks`);
                    owner.set(sub, `${op.type} in block ${b}`);
                }
        }
        const findings = [];
        const seen = new Set();
        let ops = 0;
        for (const [b, block] of blocks.entries())
            for (const op of block.ops) {
                ops++;
                const o = owner.get(b);
                const where = b === 0 ? 'block 0' : `block ${b}${o ? ` (body of ${o})` : ''}`;
                const f = judgeOp(op, where);
                // One finding per op type and block: a program repeats the same op thousands of times.
                if (f && !seen.has(`${b}\0${op.type}\0${f.evidence ?? ''}`)) {
                    seen.add(`${b}\0${op.type}\0${f.evidence ?? ''}`);
                    f.location = { path: source.name };
                    findings.push(f);
                }
            }
        return {
            findings,
            metadata: { framework: 'paddlepaddle', properties: { ops: String(ops), blocks: String(blocks.length) } },
        };
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
