export const id = 110;
export const ids = [110];
export const modules = {

/***/ 2366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ analyseTemplate),
/* harmony export */   y: () => (/* binding */ MAX_TEMPLATE_CHARS)
/* harmony export */ });
/* harmony import */ var _huggingface_jinja__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2111);
/* harmony import */ var _shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1126);


/** Chat templates are a few KiB; anything past this is not a template a tokenizer should render unreviewed. */
const MAX_TEMPLATE_CHARS = 1024 * 1024;
const MAX_NODES = 2_000_000;
const SSTI_HELPERS = new Set(['lipsum', 'cycler', 'joiner']);
const DUNDER_TEXT = /__[A-Za-z]\w*__/;
function isNode(v) {
    return typeof v === 'object' && v !== null && typeof v.type === 'string';
}
/** Every AST node below `root`, iteratively (a hostile template can nest deeper than the JS stack). */
function* nodes(root) {
    const stack = [root];
    let seen = 0;
    while (stack.length > 0) {
        const v = stack.pop();
        if (Array.isArray(v))
            stack.push(...v);
        else if (v instanceof Map)
            for (const [k, val] of v)
                stack.push(k, val);
        else if (isNode(v)) {
            if (++seen > MAX_NODES)
                throw new RangeError(`template has more than ${MAX_NODES} syntax nodes`);
            yield v;
            for (const [key, child] of Object.entries(v))
                if (key !== 'type')
                    stack.push(child);
        }
    }
}
function literalString(n) {
    return isNode(n) && n.type === 'StringLiteral' && typeof n['value'] === 'string' ? n['value'] : undefined;
}
function identifierName(n) {
    return isNode(n) && n.type === 'Identifier' && typeof n['value'] === 'string' ? n['value'] : undefined;
}
/** The attribute a member expression or `|attr(...)` filter reaches, when it is spelled out. */
function accessedName(n) {
    if (n.type === 'MemberExpression') {
        const name = n['computed'] === true ? literalString(n['property']) : identifierName(n['property']);
        return name === undefined ? undefined : { name, dynamic: false };
    }
    if (n.type === 'FilterExpression' || n.type === 'FilterStatement') {
        const filter = n['filter'];
        if (!isNode(filter) || filter.type !== 'CallExpression' || identifierName(filter['callee']) !== 'attr')
            return undefined;
        const args = Array.isArray(filter['args']) ? filter['args'] : [];
        const name = literalString(args[0]);
        return name === undefined ? { dynamic: true } : { name, dynamic: false };
    }
    return undefined;
}
/**
 * What Jinja 3 accepts and @huggingface/jinja does not, rewritten to an equivalent for analysis: `{% raw %}`
 * blocks are literal output (dropped), and an empty tuple `()` is read as an empty list.
 */
function asParsable(text) {
    const noRaw = text.replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, '');
    return noRaw.replace(/([^\w)\]\s]\s*)\(\s*\)/g, '$1[]');
}
/** Checks one template's syntax tree; `label` says where it came from (`tokenizer.chat_template`, a file name). */
function analyseTemplate(text, path, label) {
    if (text.length > MAX_TEMPLATE_CHARS) {
        return [
            (0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-006', 'medium', path, `${label} is ${text.length} characters, above the ${MAX_TEMPLATE_CHARS} cap; review it by hand.`),
        ];
    }
    let program;
    try {
        program = (0,_huggingface_jinja__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)((0,_huggingface_jinja__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(asParsable(text)));
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        return [(0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-001', 'medium', path, `${label} could not be parsed (${why}); it was not checked, review it by hand.`)];
    }
    const found = new Map();
    const add = (f) => found.set(`${f.rule}\u0000${f.evidence ?? ''}`, f);
    for (const n of nodes(program)) {
        const access = accessedName(n);
        if (access?.dynamic)
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-005', 'medium', path, `${label} looks up an attribute by a computed name.`, 'attr(<expression>)'));
        if (access?.name?.startsWith('_')) {
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-002', 'critical', path, `${label} accesses the private attribute "${access.name}" (sandbox escape pattern).`, access.name));
        }
        const id = identifierName(n);
        if (id !== undefined && SSTI_HELPERS.has(id))
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-003', 'high', path, `${label} uses the Jinja global "${id}", known from SSTI payloads.`, id));
        if (id === 'namespace')
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-004', 'low', path, `${label} uses namespace().`, id));
        const str = literalString(n);
        const dunder = str === undefined ? undefined : DUNDER_TEXT.exec(str)?.[0];
        if (dunder !== undefined)
            add((0,_shared_analysis_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('TG-TPL-002', 'critical', path, `${label} spells out the dunder name "${dunder}" in a string.`, dunder));
    }
    return [...found.values()];
}
//# sourceMappingURL=ast.js.map

/***/ }),

/***/ 1110:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_TEMPLATE_CHARS: () => (/* reexport */ ast/* MAX_TEMPLATE_CHARS */.y),
  TEMPLATE_RULES: () => (/* reexport */ rules/* TEMPLATE_RULES */.N),
  analyseTemplate: () => (/* reexport */ ast/* analyseTemplate */.w),
  chatTemplateAnalyser: () => (/* reexport */ chatTemplateAnalyser),
  chatTemplateFindings: () => (/* reexport */ chatTemplateFindings),
  chatTemplateYamlAnalyser: () => (/* reexport */ chatTemplateYamlAnalyser),
  tokenizerConfigAnalyser: () => (/* reexport */ tokenizerConfigAnalyser)
});

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/analysis.js
var analysis = __webpack_require__(1126);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/templates/ast.js
var ast = __webpack_require__(2366);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/templates/sniff.js
var sniff = __webpack_require__(414);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/templates/analysers.js





/** tokenizer_config.json files carry vocabularies of a few MiB; well past that is not a tokenizer config. */
const MAX_CONFIG_BYTES = 64 * 1024 * 1024;
const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;
/** `chat_template` is a string, or a list of `{name, template}` (named templates such as tool_use). */
function chatTemplateFindings(value, path, key = 'chat_template') {
    if (value === undefined || value === null)
        return [];
    if (typeof value === 'string')
        return (0,ast/* analyseTemplate */.w)(value, path, key);
    if (Array.isArray(value)) {
        return value.flatMap((entry, i) => {
            const name = (0,bytes/* isRecord */.u4)(entry) && typeof entry['name'] === 'string' ? entry['name'] : String(i);
            if (!(0,bytes/* isRecord */.u4)(entry) || typeof entry['template'] !== 'string') {
                return [(0,analysis/* finding */.gk)('TG-TPL-007', 'high', path, `${key}[${i}] is not a {name, template} object; the config is malformed.`)];
            }
            return (0,ast/* analyseTemplate */.w)(entry['template'], path, `${key}.${name}`);
        });
    }
    return [(0,analysis/* finding */.gk)('TG-TPL-007', 'high', path, `${key} is neither a string nor a list of templates; the config is malformed.`)];
}
const TOKENIZER_FORMAT = 'tokenizer-config';
// Where tokenizer and processor configs keep templates (older transformers wrote default_chat_template).
const TEMPLATE_KEYS = ['chat_template', 'default_chat_template', 'chat_templates'];
/** A template that did not parse was not checked: a gap in the analysis (error), never a review item. */
function unparsed(findings) {
    return findings.filter((f) => f.rule === 'TG-TPL-001');
}
async function analyseTokenizerConfig(ctx) {
    const path = ctx.source.name;
    const config = (0,bytes/* parseJson */.qF)((0,bytes/* decodeUtf8 */._6)(await (0,bytes/* readWhole */.oD)(ctx.source, MAX_CONFIG_BYTES, 'tokenizer config'), 'the tokenizer config'), 'the tokenizer config');
    if (!(0,bytes/* isRecord */.u4)(config))
        return (0,analysis/* analysisOf */.O3)(TOKENIZER_FORMAT, [(0,analysis/* finding */.gk)('TG-TPL-007', 'high', path, `the tokenizer config is not a JSON object.`)]);
    const properties = {};
    if (typeof config['tokenizer_class'] === 'string')
        properties['tokenizer_class'] = config['tokenizer_class'];
    const findings = TEMPLATE_KEYS.flatMap((k) => chatTemplateFindings(config[k], path, k));
    return (0,analysis/* analysisOf */.O3)(TOKENIZER_FORMAT, findings, { properties }, [], unparsed(findings));
}
/** tokenizer_config.json, and processor chat_template.json, which uses the same key. */
const tokenizerConfigAnalyser = {
    format: TOKENIZER_FORMAT,
    sniff: sniff/* sniffTokenizerConfig */.Yk,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(TOKENIZER_FORMAT, 'TG-TPL-007', ctx.source, () => analyseTokenizerConfig(ctx)),
};
const TEMPLATE_FORMAT = 'chat-template';
async function analyseTemplateFile(ctx) {
    const text = (0,bytes/* decodeUtf8 */._6)(await (0,bytes/* readWhole */.oD)(ctx.source, MAX_TEMPLATE_FILE_BYTES, 'chat template'), 'the chat template');
    const findings = (0,ast/* analyseTemplate */.w)(text, ctx.source.name, 'chat template');
    return (0,analysis/* analysisOf */.O3)(TEMPLATE_FORMAT, findings, undefined, [], unparsed(findings));
}
const chatTemplateAnalyser = {
    format: TEMPLATE_FORMAT,
    sniff: sniff/* sniffChatTemplate */.DK,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(TEMPLATE_FORMAT, 'TG-TPL-001', ctx.source, () => analyseTemplateFile(ctx)),
};
const YAML_FORMAT = 'chat-template-yaml';
/** Every string under a chat-template key, at any depth of a YAML document (serving and training configs). */
function yamlTemplates(value, path, key, out, depth = 0) {
    if (depth > 64)
        return;
    if (Array.isArray(value)) {
        for (const [i, v] of value.entries())
            yamlTemplates(v, path, `${key}[${i}]`, out, depth + 1);
    }
    else if ((0,bytes/* isRecord */.u4)(value))
        for (const [k, v] of Object.entries(value)) {
            const at = key ? `${key}.${k}` : k;
            if (TEMPLATE_KEYS.includes(k))
                out.push(...chatTemplateFindings(v, path, at));
            else
                yamlTemplates(v, path, at, out, depth + 1);
        }
}
async function analyseTemplateYaml(ctx) {
    const text = (0,bytes/* decodeUtf8 */._6)(await (0,bytes/* readWhole */.oD)(ctx.source, MAX_TEMPLATE_FILE_BYTES, 'YAML config'), 'the YAML config');
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false });
    if (doc.errors.length > 0)
        throw new Error(`YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
    const findings = [];
    yamlTemplates(doc.toJS({ maxAliasCount: 64 }), ctx.source.name, '', findings);
    return (0,analysis/* analysisOf */.O3)(YAML_FORMAT, findings, undefined, [], unparsed(findings));
}
/** A YAML file with a chat template (axolotl, serving configs): the templates under its keys are checked. */
const chatTemplateYamlAnalyser = {
    format: YAML_FORMAT,
    sniff: sniff/* sniffTemplateYaml */.en,
    analyse: (ctx) => (0,analysis/* failClosed */.ZU)(YAML_FORMAT, 'TG-TPL-001', ctx.source, () => analyseTemplateYaml(ctx)),
};
//# sourceMappingURL=analysers.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/templates/rules.js
var rules = __webpack_require__(2913);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/templates/index.js



//# sourceMappingURL=index.js.map

/***/ })

};
