export const id = 396;
export const ids = [396];
export const modules = {

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

/***/ }),

/***/ 5396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tfliteAnalyser: () => (/* binding */ tfliteAnalyser)
/* harmony export */ });
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7738);
/* harmony import */ var _savedmodel_ops_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1603);
/* harmony import */ var _shared_flatbuffer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9361);
/* harmony import */ var _shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6089);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1799);
/* harmony import */ var _shared_judged_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8105);
/* harmony import */ var _sniff_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8958);








// tensorflow/lite/schema/schema.fbs: Model.operator_codes = field 1; OperatorCode: deprecated_builtin_code 0,
// custom_code 1, builtin_code 3; BuiltinOperator CUSTOM = 32.
const CUSTOM = 32;
const CAP = 2 ** 31 - 1;
/** TFLite: custom ops (native code the app registers) and Flex ops (TensorFlow ops, judged like a GraphDef's). */
const tfliteAnalyser = {
    format: 'tflite',
    sniff: _sniff_js__WEBPACK_IMPORTED_MODULE_7__/* .sniffTflite */ .P,
    analyse: ({ source }) => (0,_shared_judged_js__WEBPACK_IMPORTED_MODULE_6__/* .judgedFormat */ .V)('tflite', _rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.tfliteUnreadable, source, async () => {
        const model = _shared_flatbuffer_js__WEBPACK_IMPORTED_MODULE_3__/* .FlatTable */ .E.root(await (0,_shared_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .readWhole */ .oD)(source, CAP, 'TFLite model'));
        const findings = [];
        const codes = model.tables(1);
        for (const code of codes) {
            const builtin = Math.max(code.int(0, 1), code.int(3, 4));
            if (builtin !== CUSTOM)
                continue;
            const name = code.string(1) ?? '';
            const at = { path: source.name };
            if (name.startsWith('Flex')) {
                const op = name.slice(4);
                if (_savedmodel_ops_js__WEBPACK_IMPORTED_MODULE_2__/* .PYTHON_OPS */ .GA.has(op) || _savedmodel_ops_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_OPS */ .s1.has(op))
                    findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.tfliteFlexDangerous, `Flex op ${name} runs TensorFlow's ${op}`, at, name));
                else
                    findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.tfliteCustomOp, `Flex op ${name} needs the TensorFlow Flex delegate`, at, name));
            }
            else
                findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_0__/* .BREADTH_RULES */ .d.tfliteCustomOp, `custom op ${JSON.stringify(name)} is native code the application registers`, at, name));
        }
        if (model.tables(2).length === 0)
            throw (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .malformed */ .Qm)('the model has no subgraphs');
        return {
            findings,
            metadata: { framework: 'tflite', formatVersion: String(model.int(0, 4)), properties: { operatorCodes: String(codes.length) } },
        };
    }),
};
//# sourceMappingURL=analyser.js.map

/***/ })

};
