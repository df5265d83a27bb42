export const id = 782;
export const ids = [782];
export const modules = {

/***/ 2782:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_ONNX_DOMAINS: () => (/* reexport */ DEFAULT_ONNX_DOMAINS),
  ONNX_RULES: () => (/* reexport */ rules/* ONNX_RULES */.q),
  onnxAnalyser: () => (/* reexport */ onnxAnalyser),
  unsafeLocation: () => (/* reexport */ unsafeLocation)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/analysis.js
var analysis = __webpack_require__(1126);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var shared_bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/onnx/external-data.js


/** Why an external-data `location` is unsafe, or undefined when it is a plain file inside the model directory. */
function unsafeLocation(location, directory) {
    if (location === '')
        return 'is empty';
    if (location.includes('\u0000'))
        return 'contains a NUL byte';
    if (location.includes('\\'))
        return 'contains a backslash';
    if (location.startsWith('/') || /^[A-Za-z]:/.test(location))
        return 'is absolute';
    if (location.split('/').includes('..'))
        return 'has a ".." segment';
    if (directory === undefined)
        return undefined;
    const root = external_node_path_.resolve(directory);
    const target = external_node_path_.resolve(root, location);
    if (!isInside(root, target))
        return 'resolves outside the model directory';
    // A symlink inside the directory can still point anywhere: compare real paths when the file exists.
    try {
        if (!isInside((0,external_node_fs_.realpathSync)(root), (0,external_node_fs_.realpathSync)(target)))
            return 'is a symlink that resolves outside the model directory';
    }
    catch {
        return undefined;
    }
    return undefined;
}
function isInside(root, target) {
    const rel = external_node_path_.relative(root, target);
    return rel !== '' && !rel.startsWith('..') && !external_node_path_.isAbsolute(rel);
}
//# sourceMappingURL=external-data.js.map
// EXTERNAL MODULE: ../../node_modules/protobufjs/index.js
var protobufjs = __webpack_require__(8353);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/onnx/proto.js

/**
 * The subset of onnx.proto (onnx/onnx, proto3 wire-compatible) the scanner needs. Fields left out (raw tensor
 * data, type info) are skipped by the decoder without being copied, which keeps a large model cheap to walk.
 */
const root = protobufjs.Root.fromJSON({
    nested: {
        onnx: {
            nested: {
                StringStringEntryProto: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
                OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
                TensorProto: {
                    fields: {
                        name: { type: 'string', id: 8 },
                        externalData: { rule: 'repeated', type: 'StringStringEntryProto', id: 13 },
                        dataLocation: { type: 'int32', id: 14 },
                    },
                },
                SparseTensorProto: { fields: { values: { type: 'TensorProto', id: 1 }, indices: { type: 'TensorProto', id: 2 } } },
                AttributeProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        t: { type: 'TensorProto', id: 5 },
                        g: { type: 'GraphProto', id: 6 },
                        tensors: { rule: 'repeated', type: 'TensorProto', id: 10 },
                        graphs: { rule: 'repeated', type: 'GraphProto', id: 11 },
                        sparseTensor: { type: 'SparseTensorProto', id: 22 },
                        sparseTensors: { rule: 'repeated', type: 'SparseTensorProto', id: 23 },
                    },
                },
                NodeProto: {
                    fields: {
                        name: { type: 'string', id: 3 },
                        opType: { type: 'string', id: 4 },
                        domain: { type: 'string', id: 7 },
                        attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
                    },
                },
                GraphProto: {
                    fields: {
                        node: { rule: 'repeated', type: 'NodeProto', id: 1 },
                        name: { type: 'string', id: 2 },
                        initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
                        sparseInitializer: { rule: 'repeated', type: 'SparseTensorProto', id: 15 },
                    },
                },
                FunctionProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        node: { rule: 'repeated', type: 'NodeProto', id: 7 },
                        domain: { type: 'string', id: 10 },
                    },
                },
                ModelProto: {
                    fields: {
                        irVersion: { type: 'int64', id: 1 },
                        producerName: { type: 'string', id: 2 },
                        producerVersion: { type: 'string', id: 3 },
                        domain: { type: 'string', id: 4 },
                        modelVersion: { type: 'int64', id: 5 },
                        graph: { type: 'GraphProto', id: 7 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
                        metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
                        functions: { rule: 'repeated', type: 'FunctionProto', id: 25 },
                    },
                },
            },
        },
    },
});
const ModelProto = root.lookupType('onnx.ModelProto');
/** Decodes a ModelProto into plain objects (int64 as decimal strings). */
function decodeModel(bytes) {
    const message = ModelProto.decode(bytes);
    return ModelProto.toObject(message, { longs: String, defaults: false, arrays: true });
}
//# sourceMappingURL=proto.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/onnx/sniff.js
var sniff = __webpack_require__(7368);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/onnx/walk.js
/** Every node and tensor of a model: main graph, subgraphs in attributes (If/Loop/Scan bodies), and local functions. */
function walkModel(model) {
    const nodes = [];
    const tensors = [];
    const graphs = model.graph === undefined ? [] : [model.graph];
    const addSparse = (s) => {
        if (s?.values !== undefined)
            tensors.push(s.values);
        if (s?.indices !== undefined)
            tensors.push(s.indices);
    };
    const addNodes = (list) => {
        for (const node of list ?? []) {
            nodes.push(node);
            for (const attr of node.attribute ?? []) {
                if (attr.t !== undefined)
                    tensors.push(attr.t);
                tensors.push(...(attr.tensors ?? []));
                addSparse(attr.sparseTensor);
                for (const s of attr.sparseTensors ?? [])
                    addSparse(s);
                if (attr.g !== undefined)
                    graphs.push(attr.g);
                graphs.push(...(attr.graphs ?? []));
            }
        }
    };
    for (const fn of model.functions ?? [])
        addNodes(fn.node);
    while (graphs.length > 0) {
        const g = graphs.pop();
        tensors.push(...(g.initializer ?? []));
        for (const s of g.sparseInitializer ?? [])
            addSparse(s);
        addNodes(g.node);
    }
    return { nodes, tensors };
}
//# sourceMappingURL=walk.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/onnx/analyser.js







const FORMAT = 'onnx';
/** Protobuf caps a message at 2 GiB; bigger models keep their weights in external data. */
const MAX_MODEL_BYTES = 2 * 1024 ** 3;
/** Domains implemented by ONNX itself and by ONNX Runtime's built-in contrib kernels. */
const DEFAULT_ONNX_DOMAINS = [
    '',
    'ai.onnx',
    'ai.onnx.ml',
    'ai.onnx.training',
    'ai.onnx.preview.training',
    'com.microsoft',
    'com.microsoft.nchwc',
    'com.microsoft.experimental',
    'com.ms.internal.nhwc',
];
function externalDataFindings(tensors, directory, path) {
    const out = [];
    for (const tensor of tensors) {
        for (const entry of tensor.externalData ?? []) {
            if (entry.key !== 'location')
                continue;
            const why = unsafeLocation(entry.value ?? '', directory);
            if (why === undefined)
                continue;
            out.push((0,analysis/* finding */.gk)('TG-ONNX-002', 'critical', path, `tensor "${tensor.name ?? ''}" external data location ${JSON.stringify(entry.value)} ${why}; loading it reads an arbitrary file.`, entry.value));
        }
    }
    return out;
}
function domainFindings(model, nodes, allowed, path) {
    const local = new Set((model.functions ?? []).map((f) => f.domain ?? ''));
    const seen = new Map();
    for (const node of nodes) {
        const domain = node.domain ?? '';
        if (!allowed.has(domain) && !local.has(domain) && !seen.has(domain))
            seen.set(domain, node.opType ?? '');
    }
    return [...seen].map(([domain, op]) => (0,analysis/* finding */.gk)('TG-ONNX-003', 'medium', path, `operator ${domain}::${op} comes from a custom domain not on the allowlist.`, domain));
}
async function analyse(ctx) {
    const path = ctx.source.name;
    const bytes = await (0,shared_bytes/* readWhole */.oD)(ctx.source, MAX_MODEL_BYTES, 'the ONNX model');
    let model;
    try {
        model = decodeModel(bytes);
    }
    catch (cause) {
        throw (0,errors/* malformed */.Qm)(`not a decodable ModelProto: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
    }
    if (model.graph === undefined)
        throw (0,errors/* malformed */.Qm)('the ModelProto has no graph');
    const allowed = new Set([...DEFAULT_ONNX_DOMAINS, ...(ctx.policy?.onnx?.allowDomains ?? [])]);
    const opset = model.opsetImport?.find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx')?.version;
    const { nodes, tensors } = walkModel(model);
    const producer = [model.producerName, model.producerVersion].filter((s) => s !== undefined && s !== '').join(' ');
    return (0,analysis/* analysisOf */.O3)(FORMAT, [...externalDataFindings(tensors, ctx.source.directory, path), ...domainFindings(model, nodes, allowed, path)], {
        framework: 'onnx',
        ...(model.irVersion === undefined ? {} : { formatVersion: model.irVersion }),
        ...(opset === undefined ? {} : { opset }),
        ...(producer === '' ? {} : { producer }),
        properties: {
            nodes: String(nodes.length),
            opsets: (model.opsetImport ?? []).map((o) => `${o.domain || 'ai.onnx'}:${o.version ?? '?'}`).join(','),
        },
    });
}
const onnxAnalyser = {
    format: FORMAT,
    sniff: sniff/* sniffOnnx */.e,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(FORMAT, 'TG-ONNX-001', ctx.source, () => analyse(ctx)),
};
//# sourceMappingURL=analyser.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/onnx/rules.js
var rules = __webpack_require__(2651);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/onnx/index.js



//# sourceMappingURL=index.js.map

/***/ })

};
