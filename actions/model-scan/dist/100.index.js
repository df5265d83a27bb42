export const id = 100;
export const ids = [100];
export const modules = {

/***/ 6100:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KERAS_RULES: () => (/* reexport */ rules/* KERAS_RULES */.B),
  bytecodeNames: () => (/* reexport */ bytecodeNames),
  checkConfig: () => (/* reexport */ checkConfig),
  kerasConfigAnalyser: () => (/* reexport */ kerasConfigAnalyser),
  kerasH5Analyser: () => (/* reexport */ kerasH5Analyser),
  kerasMetadataAnalyser: () => (/* reexport */ kerasMetadataAnalyser),
  kerasSavedMetadataAnalyser: () => (/* reexport */ kerasSavedMetadataAnalyser)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/analysis.js
var analysis = __webpack_require__(1126);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var shared_bytes = __webpack_require__(6089);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/keras/bytecode.js
/**
 * Strings a marshalled Python code object carries (co_names, constants), read by scanning for marshal's string
 * records rather than decoding the code object: the layout of code objects changes with every Python version.
 */
const SHORT = new Set([0x7a, 0x5a]); // 'z' short ascii, 'Z' short ascii interned: 1-byte length
const LONG = new Set([0x61, 0x41, 0x75, 0x74]); // 'a', 'A', 'u', 't': 4-byte length
const MAX_NAMES = 64;
const MAX_STRING = 512;
function printable(bytes) {
    return bytes.length > 0 && bytes.every((b) => b >= 0x20 && b < 0x7f);
}
function bytecodeNames(code) {
    const names = new Set();
    for (let i = 0; i < code.length && names.size < MAX_NAMES; i++) {
        const type = code[i] & 0x7f; // the high bit is marshal's FLAG_REF
        let start;
        let length;
        if (SHORT.has(type) && i + 1 < code.length) {
            length = code[i + 1];
            start = i + 2;
        }
        else if (LONG.has(type) && i + 4 < code.length) {
            length = new DataView(code.buffer, code.byteOffset + i + 1, 4).getUint32(0, true);
            start = i + 5;
        }
        else
            continue;
        if (length > MAX_STRING || start + length > code.length)
            continue;
        const bytes = code.subarray(start, start + length);
        if (printable(bytes)) {
            names.add(new TextDecoder().decode(bytes));
            i = start + length - 1;
        }
    }
    return [...names];
}
function decodeBase64(text) {
    if (!/^[A-Za-z0-9+/=\s]*$/.test(text))
        return undefined;
    return new Uint8Array(Buffer.from(text, 'base64'));
}
//# sourceMappingURL=bytecode.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/keras/config.js



/** Modules whose classes Keras deserialises as layers, models, optimisers and friends. */
const ALLOWED_MODULE_PREFIXES = [
    'layers',
    'models',
    'optimizers',
    'losses',
    'metrics',
    'initializers',
    'regularizers',
    'constraints',
    'activations',
    'dtype_policies',
    'engine',
    'ops',
    'random',
].flatMap((m) => [`keras.${m}`, `keras.src.${m}`]);
/** Names from the safe_mode bypass family (CVE-2025-1550, CVE-2025-8747, CVE-2025-9906 and relatives). */
const DANGEROUS_NAMES = new Set([
    'enable_unsafe_deserialization',
    'get_file',
    'TorchModuleWrapper',
    'load_model',
    'exec',
    'eval',
    'system',
    'popen',
]);
function moduleAllowed(module, extra) {
    if (module === 'keras')
        return true;
    const matches = (p) => module === p || module.startsWith(`${p}.`);
    if (ALLOWED_MODULE_PREFIXES.some(matches))
        return true;
    return extra.some((e) => (e.endsWith('.*') ? matches(e.slice(0, -2)) : module === e));
}
/** The Lambda's code, whichever way it was saved: Keras 3 `{class_name: "__lambda__", config: {code}}` or Keras 2 `[code, defaults, closure]`. */
function lambdaCode(layer) {
    const config = (0,shared_bytes/* isRecord */.u4)(layer['config']) ? layer['config'] : {};
    const fn = config['function'];
    if (Array.isArray(fn) && typeof fn[0] === 'string')
        return fn[0];
    if (typeof fn === 'string')
        return fn;
    if ((0,shared_bytes/* isRecord */.u4)(fn) && (0,shared_bytes/* isRecord */.u4)(fn['config']) && typeof fn['config']['code'] === 'string')
        return fn['config']['code'];
    if (typeof config['code'] === 'string')
        return config['code'];
    return undefined;
}
function lambdaFinding(node, path, where) {
    const code = lambdaCode(node);
    const bytes = code === undefined ? undefined : decodeBase64(code);
    const names = bytes === undefined ? [] : bytecodeNames(bytes);
    const name = (0,shared_bytes/* isRecord */.u4)(node['config']) && typeof node['config']['name'] === 'string' ? ` "${node['config']['name']}"` : '';
    const read = names.length > 0 ? `; its bytecode references ${names.join(', ')}` : '';
    return (0,analysis/* finding */.gk)('TG-KRS-001', 'critical', path, `Lambda layer${name} at ${where} runs Python code on load${read}.`, names.join(', ') || undefined);
}
/** Walks a Keras config tree (model_config, training_config, config.json) and reports every dangerous reference. */
function checkConfig(tree, path, policy, root = '$') {
    const findings = [];
    const allowModules = policy?.keras?.allowModules ?? [];
    const allowRegistered = new Set(policy?.keras?.allowRegisteredNames ?? []);
    const stack = [{ value: tree, where: root, inLambda: false }];
    let visited = 0;
    while (stack.length > 0) {
        const { value, where, inLambda } = stack.pop();
        if (++visited > 5_000_000)
            throw new RangeError('Keras config has more than 5,000,000 values');
        if (Array.isArray(value)) {
            for (const [i, v] of value.entries())
                stack.push({ value: v, where: `${where}[${i}]`, inLambda });
            continue;
        }
        if (!(0,shared_bytes/* isRecord */.u4)(value))
            continue;
        const className = typeof value['class_name'] === 'string' ? value['class_name'] : undefined;
        const isLambda = className === 'Lambda' || (className === '__lambda__' && !inLambda);
        if (isLambda)
            findings.push(lambdaFinding(className === 'Lambda' ? value : { config: { function: value } }, path, where));
        const module = value['module'];
        if (typeof module === 'string' && className !== undefined && !moduleAllowed(module, allowModules)) {
            findings.push((0,analysis/* finding */.gk)('TG-KRS-002', 'high', path, `${where} loads ${module}.${className}, a module outside the Keras allowlist.`, `${module}.${className}`));
        }
        const registered = typeof value['registered_name'] === 'string' ? value['registered_name'] : undefined;
        for (const name of [className, registered]) {
            if (name !== undefined && DANGEROUS_NAMES.has(name.split('>').pop())) {
                findings.push((0,analysis/* finding */.gk)('TG-KRS-003', 'critical', path, `${where} names ${name}, known from Keras safe_mode bypasses.`, name));
            }
        }
        if (registered?.includes('>') && !allowRegistered.has(registered)) {
            findings.push((0,analysis/* finding */.gk)('TG-KRS-004', 'medium', path, `${where} needs the custom object ${registered}.`, registered));
        }
        for (const [key, child] of Object.entries(value))
            stack.push({ value: child, where: `${where}.${key}`, inLambda: inLambda || isLambda });
    }
    return (0,analysis/* uniqueBy */.pD)(findings, (f) => `${f.rule}\u0000${f.message}`);
}
//# sourceMappingURL=config.js.map
// EXTERNAL MODULE: ../../node_modules/jsfive/dist/esm/index.mjs
var esm = __webpack_require__(456);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/keras/hdf5.js



/** Root attributes sit near the start of the file; a first try with this much avoids loading the weights. */
const FIRST_TRY_BYTES = 64 * 1024 * 1024;
const MAX_FILE_BYTES = 2 * 1024 ** 3;
function rootAttributes(bytes) {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    return new esm/* File */.ZH(buffer, 'model.h5').attrs;
}
/** The root group's attributes, read with jsfive from the head of the file, or the whole file when needed. */
async function readRootAttributes(source) {
    if (source.size > FIRST_TRY_BYTES) {
        try {
            return rootAttributes(await (0,shared_bytes/* readExactly */.Lo)(source, 0, FIRST_TRY_BYTES));
        }
        catch {
            // The attributes live past the first window: fall through to a full read.
        }
    }
    if (source.size > MAX_FILE_BYTES)
        throw (0,errors/* overLimit */.W1)(`HDF5 file of ${source.size} bytes keeps its attributes beyond the first ${FIRST_TRY_BYTES} bytes`);
    try {
        return rootAttributes(await (0,shared_bytes/* readExactly */.Lo)(source, 0, source.size));
    }
    catch (cause) {
        throw (0,errors/* malformed */.Qm)(`not a readable HDF5 file: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
    }
}
/** An attribute as text: jsfive returns strings, byte arrays or one-element arrays depending on how it was written. */
function attributeText(value) {
    if (typeof value === 'string')
        return value;
    if (value instanceof Uint8Array)
        return new TextDecoder().decode(value);
    if (Array.isArray(value) && value.length === 1)
        return attributeText(value[0]);
    return undefined;
}
//# sourceMappingURL=hdf5.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/keras/sniff.js
var sniff = __webpack_require__(1295);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/keras/analysers.js





const H5_FORMAT = 'keras-h5';
const CONFIG_FORMAT = 'keras-config';
const METADATA_FORMAT = 'keras-metadata';
const MAX_JSON_BYTES = 256 * 1024 * 1024;
async function analyseH5(ctx) {
    const path = ctx.source.name;
    const attrs = await readRootAttributes(ctx.source);
    const findings = [];
    for (const key of ['model_config', 'training_config']) {
        const text = attributeText(attrs[key]);
        if (text !== undefined)
            findings.push(...checkConfig((0,shared_bytes/* parseJson */.qF)(text, `the ${key} attribute`), path, ctx.policy));
        else if (attrs[key] !== undefined)
            findings.push(...checkConfig(attrs[key], path, ctx.policy));
    }
    const version = attributeText(attrs['keras_version']);
    const backend = attributeText(attrs['backend']);
    return (0,analysis/* analysisOf */.O3)(H5_FORMAT, findings, {
        framework: 'keras',
        ...(version === undefined ? {} : { formatVersion: version }),
        properties: { config: attrs['model_config'] === undefined ? 'weights only' : 'present', ...(backend === undefined ? {} : { backend }) },
    });
}
const kerasH5Analyser = {
    format: H5_FORMAT,
    sniff: sniff/* sniffH5 */.ay,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(H5_FORMAT, 'TG-KRS-005', ctx.source, () => analyseH5(ctx)),
};
async function readJson(ctx, what) {
    return (0,shared_bytes/* parseJson */.qF)((0,shared_bytes/* decodeUtf8 */._6)(await (0,shared_bytes/* readWhole */.oD)(ctx.source, MAX_JSON_BYTES, what), what), what);
}
/** `config.json` of a `.keras` archive (or a standalone model JSON): a class_name/config tree. */
const kerasConfigAnalyser = {
    format: CONFIG_FORMAT,
    sniff: sniff/* sniffKerasConfig */.dA,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(CONFIG_FORMAT, 'TG-KRS-005', ctx.source, async () => (0,analysis/* analysisOf */.O3)(CONFIG_FORMAT, checkConfig(await readJson(ctx, 'the Keras config'), ctx.source.name, ctx.policy), { framework: 'keras' })),
};
/** `metadata.json` of a `.keras` archive: nothing executable, but the Keras version goes to the ML-BOM. */
const kerasMetadataAnalyser = {
    format: METADATA_FORMAT,
    sniff: sniff/* sniffKerasMetadata */.aL,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(METADATA_FORMAT, 'TG-KRS-005', ctx.source, async () => {
        const meta = await readJson(ctx, 'the Keras metadata');
        const version = (0,shared_bytes/* isRecord */.u4)(meta) && typeof meta['keras_version'] === 'string' ? meta['keras_version'] : undefined;
        return (0,analysis/* analysisOf */.O3)(METADATA_FORMAT, [], { framework: 'keras', ...(version === undefined ? {} : { formatVersion: version }) });
    }),
};
//# sourceMappingURL=analysers.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/keras/rules.js
var rules = __webpack_require__(1316);
// EXTERNAL MODULE: ../../node_modules/protobufjs/index.js
var protobufjs = __webpack_require__(8353);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/keras/saved-metadata.js






/**
 * `keras_metadata.pb` of a TF-Keras SavedModel: one JSON config per Keras object (saved_metadata.proto:
 * SavedMetadata.nodes = 1; SavedObject.node_path = 3, identifier = 4, metadata = 5). Lambda layers keep their
 * bytecode here, next to a graph that looks harmless.
 */
const SavedMetadata = protobufjs.Root.fromJSON({
    nested: {
        SavedObject: {
            fields: { nodePath: { type: 'string', id: 3 }, identifier: { type: 'string', id: 4 }, metadata: { type: 'string', id: 5 } },
        },
        SavedMetadata: { fields: { nodes: { rule: 'repeated', type: 'SavedObject', id: 1 } } },
    },
}).lookupType('SavedMetadata');
const FORMAT = 'keras-saved-metadata';
const MAX_BYTES = 512 * 1024 * 1024;
async function analyse(ctx) {
    const path = ctx.source.name;
    let nodes;
    try {
        const decoded = SavedMetadata.toObject(SavedMetadata.decode(await (0,shared_bytes/* readWhole */.oD)(ctx.source, MAX_BYTES, 'keras_metadata.pb')), {
            arrays: true,
        });
        nodes = decoded.nodes;
    }
    catch (cause) {
        throw (0,errors/* malformed */.Qm)(`not a decodable Keras SavedMetadata: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
    }
    const keras = nodes.filter((n) => n.identifier?.startsWith('_tf_keras_'));
    if (keras.length === 0)
        throw (0,errors/* malformed */.Qm)('no Keras objects in the metadata');
    const findings = keras.flatMap((n) => n.metadata ? checkConfig((0,shared_bytes/* parseJson */.qF)(n.metadata, `the metadata of ${n.nodePath ?? 'a node'}`), path, ctx.policy, n.nodePath ?? '$') : []);
    return (0,analysis/* analysisOf */.O3)(FORMAT, findings, { framework: 'keras', properties: { objects: String(keras.length) } });
}
const kerasSavedMetadataAnalyser = {
    format: FORMAT,
    sniff: sniff/* sniffSavedMetadata */.hj,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(FORMAT, 'TG-KRS-005', ctx.source, () => analyse(ctx)),
};
//# sourceMappingURL=saved-metadata.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/keras/index.js





//# sourceMappingURL=index.js.map

/***/ })

};
