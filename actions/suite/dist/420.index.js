export const id = 420;
export const ids = [420];
export const modules = {

/***/ 1420:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  modelManifestAnalyser: () => (/* reexport */ modelManifestAnalyser)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/scanner/dist/conclude.js
var conclude = __webpack_require__(9368);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules-breadth.js
var rules_breadth = __webpack_require__(7601);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules.js
var rules = __webpack_require__(7738);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/ollama/sniff.js
var sniff = __webpack_require__(9817);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/ollama/analyser.js








const MANIFEST_CAP = 4 << 20;
// Small layers are hashed against their digest; the weights layer is checked by size (it is scanned as a file).
const HASH_CAP = 64 << 20;
const TEMPLATE_CAP = 1 << 20;
const DIGEST = /^sha256:([0-9a-f]{64})$/;
/** The blob file a digest names: `blobs/sha256-<hex>` (Ollama) or `blobs/sha256/<hex>` (OCI layout) in an ancestor. */
function findBlob(dir, hex) {
    for (let d = dir, i = 0; i < 8; d = external_node_path_.dirname(d), i++) {
        for (const p of [external_node_path_.join(d, 'blobs', `sha256-${hex}`), external_node_path_.join(d, 'blobs', 'sha256', hex)])
            if ((0,external_node_fs_.existsSync)(p))
                return p;
        if (external_node_path_.dirname(d) === d)
            break;
    }
    return undefined;
}
async function sha256(file) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        h.update(chunk);
    return h.digest('hex');
}
function layersOf(manifest) {
    if (!(0,bytes/* isRecord */.u4)(manifest))
        return undefined;
    // An image manifest lists a config and layers; an index (OCI layout index.json) lists manifests.
    const listed = Array.isArray(manifest.layers) ? manifest.layers : Array.isArray(manifest.manifests) ? manifest.manifests : undefined;
    if (!listed)
        return undefined;
    const all = [manifest.config, ...listed];
    const layers = all.filter((l) => (0,bytes/* isRecord */.u4)(l) && typeof l.mediaType === 'string' && typeof l.digest === 'string' && typeof l.size === 'number');
    return layers.length === all.filter((l) => l !== undefined).length ? layers : undefined;
}
/**
 * An Ollama/OCI model manifest: every layer's blob found next to it and checked against its digest (by size for
 * the weights), and template layers analysed as chat templates. The blobs are scanned as files in their own right.
 */
const modelManifestAnalyser = {
    format: 'model-manifest',
    sniff: sniff/* sniffModelManifest */.R,
    async analyse({ source }) {
        const at = { path: source.name };
        let manifest;
        try {
            manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await (0,bytes/* readWhole */.oD)(source, MANIFEST_CAP, 'manifest')));
        }
        catch {
            manifest = undefined;
        }
        const layers = layersOf(manifest);
        if (!layers)
            return (0,conclude/* conclude */.Ep)('model-manifest', [(0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.ociManifest, 'the manifest is not JSON listing typed layers or manifests', at)]);
        const findings = [];
        for (const layer of layers) {
            const hex = DIGEST.exec(layer.digest)?.[1];
            const blob = hex && source.directory ? findBlob(source.directory, hex) : undefined;
            if (!blob) {
                findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.ociManifest, `layer ${layer.mediaType} (${layer.digest}) has no blob next to the manifest; it was not checked`, at));
                continue;
            }
            const size = (0,external_node_fs_.statSync)(blob).size;
            if (size !== layer.size || (size <= HASH_CAP && (await sha256(blob)) !== hex)) {
                findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.ociDigest, `blob ${external_node_path_.basename(blob)} does not match ${layer.digest} (${size} bytes, manifest says ${layer.size})`, at));
                continue;
            }
            if (/\.template$/.test(layer.mediaType) && size <= TEMPLATE_CAP)
                findings.push(...(await templateFindings(blob, source.name)));
        }
        return (0,conclude/* conclude */.Ep)('model-manifest', findings, [], { framework: 'ollama', properties: { layers: String(layers.length) } });
    },
};
// Ollama templates are Go text/template (no attribute walks into the host language); a Jinja one is analysed as one.
async function templateFindings(blob, manifest) {
    const { readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 19));
    const text = await readFile(blob, 'utf8');
    if (!text.includes('{%'))
        return [];
    const { analyseTemplate } = await Promise.all(/* import() */[__webpack_require__.e(111), __webpack_require__.e(110)]).then(__webpack_require__.bind(__webpack_require__, 1110));
    return analyseTemplate(text, `${manifest} -> ${external_node_path_.basename(blob)}`, 'template');
}
//# sourceMappingURL=analyser.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/ollama/index.js

//# sourceMappingURL=index.js.map

/***/ })

};
