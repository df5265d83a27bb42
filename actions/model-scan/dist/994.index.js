export const id = 994;
export const ids = [994];
export const modules = {

/***/ 3994:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TENSORFLOW_RULES: () => (/* reexport */ rules/* TENSORFLOW_RULES */.m),
  decodeGraphDef: () => (/* reexport */ decodeGraphDef),
  decodeSavedModel: () => (/* reexport */ decodeSavedModel),
  graphDefAnalyser: () => (/* reexport */ graphDefAnalyser),
  graphFindings: () => (/* reexport */ graphFindings),
  savedModelAnalyser: () => (/* reexport */ savedModelAnalyser)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/analysis.js
var analysis = __webpack_require__(1126);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/savedmodel/ops.js
var ops = __webpack_require__(1603);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/savedmodel/sniff.js
var sniff = __webpack_require__(287);
// EXTERNAL MODULE: ../../node_modules/protobufjs/index.js
var protobufjs = __webpack_require__(8353);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/savedmodel/proto.js

/**
 * The subset of TensorFlow's saved_model.proto, meta_graph.proto, graph.proto, node_def.proto, function.proto,
 * attr_value.proto and tensor.proto the scanner needs, written from the published .proto field numbers.
 * Unlisted fields (tensor contents, shapes, signatures) are skipped by the decoder.
 */
const nameAttrs = { keyType: 'string', type: 'AttrValue' };
const root = protobufjs.Root.fromJSON({
    nested: {
        tensorflow: {
            nested: {
                TensorProto: { fields: { dtype: { type: 'int32', id: 1 }, stringVal: { rule: 'repeated', type: 'bytes', id: 8 } } },
                NameAttrList: { fields: { name: { type: 'string', id: 1 }, attr: { ...nameAttrs, id: 2 } } },
                ListValue: {
                    fields: {
                        s: { rule: 'repeated', type: 'bytes', id: 2 },
                        tensor: { rule: 'repeated', type: 'TensorProto', id: 8 },
                        func: { rule: 'repeated', type: 'NameAttrList', id: 9 },
                    },
                },
                AttrValue: {
                    oneofs: { value: { oneof: ['list', 's', 'i', 'f', 'b', 'type', 'tensor', 'placeholder', 'func'] } },
                    fields: {
                        list: { type: 'ListValue', id: 1 },
                        s: { type: 'bytes', id: 2 },
                        i: { type: 'int64', id: 3 },
                        f: { type: 'float', id: 4 },
                        b: { type: 'bool', id: 5 },
                        type: { type: 'int32', id: 6 },
                        tensor: { type: 'TensorProto', id: 8 },
                        placeholder: { type: 'string', id: 9 },
                        func: { type: 'NameAttrList', id: 10 },
                    },
                },
                NodeDef: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        op: { type: 'string', id: 2 },
                        input: { rule: 'repeated', type: 'string', id: 3 },
                        device: { type: 'string', id: 4 },
                        attr: { ...nameAttrs, id: 5 },
                    },
                },
                OpDef: { fields: { name: { type: 'string', id: 1 } } },
                FunctionDef: {
                    fields: {
                        signature: { type: 'OpDef', id: 1 },
                        nodeDef: { rule: 'repeated', type: 'NodeDef', id: 3 },
                        attr: { ...nameAttrs, id: 5 },
                    },
                },
                FunctionDefLibrary: { fields: { function: { rule: 'repeated', type: 'FunctionDef', id: 1 } } },
                VersionDef: { fields: { producer: { type: 'int32', id: 1 }, minConsumer: { type: 'int32', id: 2 } } },
                GraphDef: {
                    fields: {
                        node: { rule: 'repeated', type: 'NodeDef', id: 1 },
                        library: { type: 'FunctionDefLibrary', id: 2 },
                        versions: { type: 'VersionDef', id: 4 },
                    },
                },
                MetaInfoDef: {
                    fields: {
                        metaGraphVersion: { type: 'string', id: 1 },
                        tags: { rule: 'repeated', type: 'string', id: 4 },
                        tensorflowVersion: { type: 'string', id: 5 },
                        tensorflowGitVersion: { type: 'string', id: 6 },
                    },
                },
                MetaGraphDef: { fields: { metaInfoDef: { type: 'MetaInfoDef', id: 1 }, graphDef: { type: 'GraphDef', id: 2 } } },
                SavedModel: {
                    fields: {
                        savedModelSchemaVersion: { type: 'int64', id: 1 },
                        metaGraphs: { rule: 'repeated', type: 'MetaGraphDef', id: 2 },
                    },
                },
            },
        },
    },
});
const SavedModelType = root.lookupType('tensorflow.SavedModel');
const GraphDefType = root.lookupType('tensorflow.GraphDef');
const OBJECT_OPTIONS = { longs: String, defaults: false, arrays: true, objects: true };
function decodeSavedModel(bytes) {
    return SavedModelType.toObject(SavedModelType.decode(bytes), OBJECT_OPTIONS);
}
function decodeGraphDef(bytes) {
    return GraphDefType.toObject(GraphDefType.decode(bytes), OBJECT_OPTIONS);
}
//# sourceMappingURL=proto.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/savedmodel/walk.js

const MAX_EMBEDDED_DEPTH = 4;
/** Strings held in an attribute (s, list.s, tensor string values), where a serialised graph can hide. */
function attrStrings(value) {
    const out = [];
    if (value.s !== undefined)
        out.push(value.s);
    out.push(...(value.list?.s ?? []));
    for (const t of [value.tensor, ...(value.list?.tensor ?? [])])
        out.push(...(t?.stringVal ?? []));
    return out;
}
/** A serialised GraphDef with at least one well-named node, or undefined. */
function embeddedGraph(bytes) {
    if (bytes.length < 4 || bytes[0] !== 0x0a)
        return undefined;
    try {
        const g = decodeGraphDef(bytes);
        const named = (g.node ?? []).length > 0 && (g.node ?? []).every((n) => /^[A-Za-z_][\w>]*$/.test(n.op ?? ''));
        return named ? g : undefined;
    }
    catch {
        return undefined;
    }
}
/** Every node scope of a graph: its nodes, each library function, and graphs serialised inside attributes. */
function graphScopes(graph, where, depth = 0) {
    const scopes = [{ where, nodes: graph.node ?? [] }];
    const functions = new Set();
    const fns = graph.library?.function ?? [];
    for (const fn of fns) {
        const name = fn.signature?.name ?? '?';
        functions.add(name);
        scopes.push({ where: `${where} function ${name}`, nodes: fn.nodeDef ?? [] });
    }
    let embedded = 0;
    if (depth < MAX_EMBEDDED_DEPTH) {
        for (const scope of [...scopes]) {
            for (const node of scope.nodes) {
                for (const [key, value] of Object.entries(node.attr ?? {})) {
                    for (const bytes of attrStrings(value)) {
                        const inner = embeddedGraph(bytes);
                        if (inner === undefined)
                            continue;
                        embedded++;
                        const nested = graphScopes(inner, `${scope.where} node ${node.name ?? '?'} attr ${key} (embedded graph)`, depth + 1);
                        scopes.push(...nested.scopes);
                        for (const f of nested.functions)
                            functions.add(f);
                        embedded += nested.embedded;
                    }
                }
            }
        }
    }
    return { scopes, functions, embedded };
}
//# sourceMappingURL=walk.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/savedmodel/analyser.js







const SAVED_MODEL = 'tf-savedmodel';
const GRAPH_DEF = 'tf-graphdef';
const MAX_PROTO_BYTES = 2 * 1024 ** 3;
/** The node feeding `input` (`name`, `name:0`, `name:output:0`, `^name`) in the same scope. */
function producer(scope, input) {
    if (input === undefined)
        return undefined;
    return scope.get(input.replace(/^\^/, '').split(':')[0]);
}
function analyser_text(bytes) {
    return bytes === undefined ? '' : new TextDecoder().decode(bytes);
}
function nodeFinding(node, scope, byName, known, path) {
    const op = node.op ?? '';
    const at = `node "${node.name ?? '?'}" (${op}) in ${scope.where}`;
    if (ops/* PYTHON_OPS */.GA.has(op))
        return (0,analysis/* finding */.gk)('TG-TF-002', 'critical', path, `${at} calls back into Python.`, op);
    if (ops/* FILE_OPS */.s1.has(op))
        return (0,analysis/* finding */.gk)('TG-TF-003', 'high', path, `${at} touches the file system.`, op);
    if (op === 'PrintV2') {
        const stream = analyser_text(node.attr?.['output_stream']?.s);
        return stream.startsWith('file://') ? (0,analysis/* finding */.gk)('TG-TF-003', 'high', path, `${at} prints to ${stream}.`, stream) : undefined;
    }
    if (ops/* CHECKPOINT_OPS */.IR.has(op)) {
        const source = producer(byName, node.input?.[0]);
        if (source?.op === 'Const') {
            return (0,analysis/* finding */.gk)('TG-TF-004', 'high', path, `${at} reads or writes a checkpoint at a path fixed in the graph (${source.name}).`, op);
        }
        return (0,analysis/* finding */.gk)('TG-TF-004', 'low', path, `${at} is checkpoint I/O wired to a runtime path (the usual saver).`, op);
    }
    if (ops/* GRAPH_FROM_DATA_OPS */.k.has(op))
        return (0,analysis/* finding */.gk)('TG-TF-006', 'medium', path, `${at} runs a graph deserialised from data.`, op);
    if (!known(op))
        return (0,analysis/* finding */.gk)('TG-TF-005', 'medium', path, `${at} is not a known TensorFlow op.`, op);
    return undefined;
}
function graphFindings(graphs, path, policy) {
    const findings = new Map();
    const allowOps = new Set(policy?.tensorflow?.allowOps ?? []);
    let nodes = 0;
    for (const [i, graph] of graphs.entries()) {
        const { scopes, functions, embedded } = graphScopes(graph, graphs.length > 1 ? `meta graph ${i}` : 'the graph');
        const known = (op) => ops/* KNOWN_OPS */.dp.has(op) || functions.has(op) || allowOps.has(op);
        if (embedded > 0) {
            findings.set('embedded', (0,analysis/* finding */.gk)('TG-TF-006', 'medium', path, `${embedded} graph(s) are serialised inside node attributes; they were scanned too.`));
        }
        for (const scope of scopes) {
            const byName = new Map(scope.nodes.map((n) => [n.name ?? '', n]));
            nodes += scope.nodes.length;
            for (const node of scope.nodes) {
                const f = nodeFinding(node, scope, byName, known, path);
                // One finding per rule, op and scope keeps a thousand-node saver from drowning the report.
                if (f !== undefined)
                    findings.set(`${f.rule}|${f.severity}|${node.op}|${scope.where}`, f);
            }
        }
    }
    // Random bytes can decode as an empty message: a graph without a single node is not a model we checked.
    if (nodes === 0)
        throw (0,errors/* malformed */.Qm)('the graph has no nodes');
    return { findings: [...findings.values()], nodes };
}
function decodeOrFail(decode, bytes, what) {
    try {
        return decode(bytes);
    }
    catch (cause) {
        throw (0,errors/* malformed */.Qm)(`not a decodable ${what}: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
    }
}
async function analyseSavedModel(ctx) {
    const model = decodeOrFail(decodeSavedModel, await (0,bytes/* readWhole */.oD)(ctx.source, MAX_PROTO_BYTES, 'the SavedModel'), 'SavedModel');
    const metas = model.metaGraphs ?? [];
    if (metas.length === 0)
        throw (0,errors/* malformed */.Qm)('the SavedModel has no meta graphs');
    const graphs = metas.map((m) => m.graphDef ?? {});
    const { findings, nodes } = graphFindings(graphs, ctx.source.name, ctx.policy);
    const version = metas.find((m) => m.metaInfoDef?.tensorflowVersion)?.metaInfoDef?.tensorflowVersion;
    const tags = [...new Set(metas.flatMap((m) => m.metaInfoDef?.tags ?? []))].join(',');
    return (0,analysis/* analysisOf */.O3)(SAVED_MODEL, findings, {
        framework: 'tensorflow',
        ...(version === undefined ? {} : { producer: `tensorflow ${version}` }),
        properties: { metaGraphs: String(metas.length), nodes: String(nodes), tags },
    });
}
async function analyseGraphDef(ctx) {
    const graph = decodeOrFail(decodeGraphDef, await (0,bytes/* readWhole */.oD)(ctx.source, MAX_PROTO_BYTES, 'the GraphDef'), 'GraphDef');
    const { findings, nodes } = graphFindings([graph], ctx.source.name, ctx.policy);
    const producerVersion = graph.versions?.producer;
    return (0,analysis/* analysisOf */.O3)(GRAPH_DEF, findings, {
        framework: 'tensorflow',
        ...(producerVersion === undefined ? {} : { formatVersion: String(producerVersion) }),
        properties: { nodes: String(nodes) },
    });
}
const savedModelAnalyser = {
    format: SAVED_MODEL,
    sniff: sniff/* sniffSavedModel */.B,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(SAVED_MODEL, 'TG-TF-001', ctx.source, () => analyseSavedModel(ctx)),
};
const graphDefAnalyser = {
    format: GRAPH_DEF,
    sniff: sniff/* sniffGraphDef */.U,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(GRAPH_DEF, 'TG-TF-001', ctx.source, () => analyseGraphDef(ctx)),
};
//# sourceMappingURL=analyser.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/savedmodel/rules.js
var rules = __webpack_require__(6948);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/savedmodel/index.js



//# sourceMappingURL=index.js.map

/***/ }),

/***/ 1603:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GA: () => (/* binding */ PYTHON_OPS),
/* harmony export */   IR: () => (/* binding */ CHECKPOINT_OPS),
/* harmony export */   dp: () => (/* binding */ KNOWN_OPS),
/* harmony export */   k: () => (/* binding */ GRAPH_FROM_DATA_OPS),
/* harmony export */   s1: () => (/* binding */ FILE_OPS)
/* harmony export */ });
/** Ops that call back into the Python interpreter of the loading process. */
const PYTHON_OPS = new Set(['PyFunc', 'EagerPyFunc', 'PyFuncStateless']);
/** Ops that touch the file system outside the checkpoint machinery. */
const FILE_OPS = new Set([
    'ReadFile',
    'WriteFile',
    'MatchingFiles',
    'MatchingFilesDataset',
    'ImmutableConst',
    'CreateSummaryFileWriter',
    'CreateSummaryDbWriter',
    'SummaryWriter',
    'WriteSummary',
    'WriteScalarSummary',
    'WriteHistogramSummary',
    'WriteImageSummary',
    'WriteAudioSummary',
    'WriteGraphSummary',
    'WriteRawProtoSummary',
    'ImportEvent',
    'FlushSummaryWriter',
    'CloseSummaryWriter',
    'WholeFileReader',
    'WholeFileReaderV2',
    'TextLineReader',
    'TextLineReaderV2',
    'TFRecordReader',
    'TFRecordReaderV2',
    'FixedLengthRecordReader',
    'FixedLengthRecordReaderV2',
    'TextLineDataset',
    'TFRecordDataset',
    'TFRecordDatasetV2',
    'FixedLengthRecordDataset',
    'FixedLengthRecordDatasetV2',
    'SaveDataset',
    'SaveDatasetV2',
    'LoadDataset',
    'SnapshotDataset',
    'SnapshotDatasetV2',
    'DatasetToTFRecord',
    'ShardedFilespec',
    'DebugIdentityV2',
    'DebugIdentityV3',
]);
/** Checkpoint ops: every SavedModel has them in its saver; they matter when their path is a constant. */
const CHECKPOINT_OPS = new Set([
    'Save',
    'SaveV2',
    'SaveV3',
    'SaveSlices',
    'Restore',
    'RestoreV2',
    'RestoreSlice',
    'MergeV2Checkpoints',
]);
/** Ops that deserialise and run a graph held in data. */
const GRAPH_FROM_DATA_OPS = new Set(['DatasetFromGraph']);
/** Ordinary compute, control-flow, variable and dataset ops seen in exported models. */
const KNOWN_OPS = new Set(`Abs Acos Acosh Add AddN AddV2 AdjustContrastv2 AdjustHue AdjustSaturation All Angle Any ApproximateEqual ArgMax ArgMin
AsString Asin Asinh Assert Assign AssignAdd AssignAddVariableOp AssignSub AssignSubVariableOp AssignVariableOp Atan Atan2
Atanh AvgPool AvgPool3D AvgPoolGrad BatchMatMul BatchMatMulV2 BatchMatMulV3 BatchNormWithGlobalNormalization BatchToSpace
BatchToSpaceND BatchDatasetV2 BesselI0e BesselI1e Betainc BiasAdd BiasAddGrad Bincount Bitcast BitwiseAnd BitwiseOr
BitwiseXor BroadcastArgs BroadcastGradientArgs BroadcastTo Bucketize Cast Ceil CheckNumerics CheckNumericsV2 Cholesky
ClipByValue CombinedNonMaxSuppression Complex ComplexAbs Concat ConcatOffset ConcatV2 Const ConsumeMutexLock ControlTrigger
Conv2D Conv2DBackpropFilter Conv2DBackpropInput Conv3D Conv3DBackpropInputV2 Cos Cosh CropAndResize Cross Cumprod Cumsum
DecodeBase64 DecodeJpeg DecodePng DecodeImage DecodeRaw DepthToSpace DepthwiseConv2dNative DepthwiseConv2dNativeBackpropFilter
DepthwiseConv2dNativeBackpropInput Dequantize DestroyResourceOp DeviceIndex Diag DiagPart Digamma Dilation2D DisableCopyOnRead
Div DivNoNan DynamicPartition DynamicStitch Einsum Elu EluGrad EmptyTensorList EncodeBase64 EnsureShape Enter Equal Erf Erfc
Exit Exp ExpandDims Expm1 ExtractImagePatches FFT FFT2D FakeQuantWithMinMaxArgs FakeQuantWithMinMaxVars Fill Floor FloorDiv
FloorMod FusedBatchNorm FusedBatchNormGrad FusedBatchNormGradV3 FusedBatchNormV2 FusedBatchNormV3 FusedPadConv2D Gather
GatherNd GatherV2 Greater GreaterEqual HashTableV2 HistogramFixedWidth IFFT IRFFT Identity IdentityN If Igamma Igammac Imag
InTopKV2 InitializeTableFromTextFileV2 InitializeTableV2 Inv InvertPermutation IsFinite IsInf IsNan IsVariableInitialized
IteratorGetNext IteratorV2 L2Loss LRN LeakyRelu LeakyReluGrad Less LessEqual Lgamma LinSpace ListDiff Log Log1p LogMatrixDeterminant
LogSoftmax LogicalAnd LogicalNot LogicalOr LookupTableExportV2 LookupTableFindV2 LookupTableImportV2 LookupTableInsertV2
LookupTableSizeV2 LoopCond LowerBound MakeIterator MapDataset MatMul MatrixBandPart MatrixDeterminant MatrixDiag MatrixDiagPart
MatrixDiagPartV3 MatrixDiagV3 MatrixInverse MatrixSetDiag MatrixSetDiagV3 MatrixSolve MatrixTriangularSolve Max MaxPool MaxPool3D
MaxPoolGrad MaxPoolV2 MaxPoolWithArgmax Maximum Mean Merge Min Minimum MirrorPad Mod ModelDataset Mul MulNoNan Multinomial
MutableHashTableV2 MutableDenseHashTableV2 MutexLock MutexV2 Ndtri Neg NextIteration NoOp NonMaxSuppressionV3 NonMaxSuppressionV4
NonMaxSuppressionV5 NotEqual OneHot OnesLike OptimizeDatasetV2 OptionalFromValue OptionalGetValue OptionalHasValue OptionalNone
Pack Pad PadV2 PaddedBatchDatasetV2 ParallelDynamicStitch ParallelMapDatasetV2 ParseExample ParseExampleV2 ParseSingleExample
PartitionedCall Placeholder PlaceholderWithDefault Pow PrefetchDataset PreventGradient Print PrintV2 Prod QuantizeAndDequantizeV2
QuantizeAndDequantizeV3 QuantizeAndDequantizeV4 QuantizeV2 RFFT RaggedGather RaggedRange RaggedTensorFromVariant
RaggedTensorToSparse RaggedTensorToTensor RaggedTensorToVariant RandomGammaGrad RandomShuffle RandomStandardNormal RandomUniform
RandomUniformInt Range RangeDataset Rank ReadVariableOp Real RealDiv Reciprocal ReciprocalGrad Relu Relu6 Relu6Grad ReluGrad
RepeatDataset Reshape ResizeArea ResizeBicubic ResizeBilinear ResizeBilinearGrad ResizeNearestNeighbor ResizeNearestNeighborGrad
ResourceApplyAdam ResourceApplyGradientDescent ResourceGather ResourceGatherNd ResourceScatterAdd ResourceScatterUpdate
ResourceStridedSliceAssign Reverse ReverseSequence ReverseV2 RightShift LeftShift Rint Roll Round Rsqrt RsqrtGrad ScatterNd
SegmentMax SegmentMean SegmentMin SegmentProd SegmentSum Select SelectV2 Selu SeluGrad Shape ShapeN ShardDataset ShuffleDatasetV3
Sigmoid SigmoidGrad Sign Sin Sinh Size Slice Snapshot Softmax SoftmaxCrossEntropyWithLogits Softplus SoftplusGrad Softsign
SpaceToBatch SpaceToBatchND SpaceToDepth SparseFillEmptyRows SparseReshape SparseSegmentMean SparseSegmentSqrtN SparseSegmentSum
SparseSoftmaxCrossEntropyWithLogits SparseTensorDenseMatMul SparseToDense Split SplitV Sqrt SqrtGrad Square SquaredDifference
Squeeze StackCloseV2 StackPopV2 StackPushV2 StackV2 StatefulPartitionedCall StatefulStandardNormalV2 StatefulUniform
StatelessIf StatelessMultinomial StatelessRandomGetKeyCounter StatelessRandomNormal StatelessRandomNormalV2 StatelessRandomUniform
StatelessRandomUniformV2 StatelessRandomUniformInt StatelessRandomUniformIntV2 StatelessTruncatedNormal StatelessTruncatedNormalV2
StatelessWhile StaticRegexFullMatch StaticRegexReplace StopGradient StridedSlice StridedSliceGrad StringFormat StringJoin
StringLength StringLower StringSplit StringSplitV2 StringStrip StringToHashBucketFast StringToNumber StringUpper Sub Substr Sum
Svd Switch SymbolicGradient TakeDataset Tan Tanh TanhGrad TensorArrayGatherV3 TensorArrayReadV3 TensorArrayScatterV3
TensorArraySizeV3 TensorArrayV3 TensorArrayWriteV3 TensorDataset TensorListConcatV2 TensorListFromTensor TensorListGetItem
TensorListLength TensorListPopBack TensorListPushBack TensorListReserve TensorListSetItem TensorListStack TensorScatterAdd
TensorScatterUpdate TensorSliceDataset Tile TopKV2 Transpose TruncateDiv TruncateMod TruncatedNormal Unique UniqueV2 Unpack
UnsortedSegmentMax UnsortedSegmentMin UnsortedSegmentProd UnsortedSegmentSum UpperBound VarHandleOp VarIsInitializedOp Variable
VariableShape VariableV2 Where While Xdivy XlaSharding Xlog1py Xlogy ZerosLike Zeta _Arg _Retval _HostCast _Recv _Send
_FusedBatchNormEx _FusedConv2D _FusedMatMul StringToHashBucketStrong StringToHashBucket Fingerprint UnicodeDecodeWithOffsets
UnicodeScript UnicodeTranscode WordpieceTokenizeWithOffsets CaseFoldUTF8 NormalizeUTF8 RegexSplitWithOffsets SentencepieceOp
SentencepieceTokenizeOp ShardedFilename StringNGrams AnonymousIteratorV2 AnonymousIteratorV3 DeleteIterator
FlatMapDataset FilterDataset ParallelInterleaveDatasetV4 InterleaveDataset CacheDatasetV2 ZipDataset ConcatenateDataset
DummySeedGenerator AnonymousSeedGenerator DeleteSeedGenerator DatasetCardinality SerializeIterator DeserializeIterator
TPUReplicatedInput TPUReplicatedOutput TPUReplicateMetadata TPUCompilationResult`.split(/\s+/));
//# sourceMappingURL=ops.js.map

/***/ })

};
