export const id = 594;
export const ids = [594];
export const modules = {

/***/ 9424:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ judgeDotted)
/* harmony export */ });
/* harmony import */ var _pickle_globals_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5776);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9042);


/**
 * A dotted Python path a loader imports by name (a Hydra `_target_`, a skops type, a TorchServe handler): judged
 * like the pickle global it amounts to, with `trusted` names passing as safe (`pkg.` a prefix: the framework's own packages; otherwise exact).
 */
function judgeDotted(path, policy, trusted = []) {
    const dot = path.lastIndexOf('.');
    if (dot <= 0)
        return { verdict: 'review', reason: `"${path}" is not a module path` };
    const judged = (0,_pickle_globals_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .judgeGlobal */ .FJ)(path.slice(0, dot), path.slice(dot + 1), (0,_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .globalsPolicy */ .x)(policy));
    if (judged.verdict === 'review' && trusted.some((t) => (t.endsWith('.') ? path.startsWith(t) : path === t)))
        return { verdict: 'safe', reason: 'a framework class' };
    return judged;
}
//# sourceMappingURL=dotted-target.js.map

/***/ }),

/***/ 3594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   judgeNemoConfig: () => (/* binding */ judgeNemoConfig)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3483);
/* harmony import */ var _rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7601);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7738);
/* harmony import */ var _dotted_target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9424);




// NeMo restores a model by hydra.utils.instantiate over this config: every `_target_` is imported and called.
const TRUSTED = ['nemo.', 'torch.nn.', 'torch.optim.', 'pytorch_lightning.', 'lightning.', 'omegaconf.'];
const CONFIG_CAP = 16 << 20;
function* targets(node, path) {
    if (Array.isArray(node))
        for (const [i, v] of node.entries())
            yield* targets(v, `${path}[${i}]`);
    else if (typeof node === 'object' && node !== null)
        for (const [k, v] of Object.entries(node)) {
            if (k === '_target_')
                yield [path || '(root)', v];
            else
                yield* targets(v, path ? `${path}.${k}` : k);
        }
}
/** The `_target_`s of a NeMo model_config.yaml judged as the imports they are (CVE-2025-23304). */
async function judgeNemoConfig(member, policy) {
    const at = { path: member.name };
    if (member.size > CONFIG_CAP)
        return [(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__/* .BREADTH_RULES */ .d.nemoConfig, `model_config.yaml is over ${CONFIG_CAP} bytes; not analysed`, at)];
    let config;
    try {
        config = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(new TextDecoder('utf-8', { fatal: true }).decode(await member.read(0, member.size)), { maxAliasCount: 1000 });
    }
    catch (e) {
        return [(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__/* .BREADTH_RULES */ .d.nemoConfig, `model_config.yaml is not valid YAML (${e.message.split('\n')[0]}); not analysed`, at)];
    }
    const out = [];
    for (const [where, target] of targets(config, '')) {
        if (typeof target !== 'string') {
            out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__/* .BREADTH_RULES */ .d.nemoUnreviewedTarget, `${where}._target_ is not a string; what it instantiates cannot be known`, at));
            continue;
        }
        const j = (0,_dotted_target_js__WEBPACK_IMPORTED_MODULE_3__/* .judgeDotted */ .s)(target, policy, TRUSTED);
        if (j.verdict === 'unsafe')
            out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__/* .BREADTH_RULES */ .d.nemoDangerousTarget, `${where}._target_ instantiates ${target}: ${j.reason}`, at, target));
        else if (j.verdict === 'review')
            out.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .finding */ .gk)(_rules_breadth_js__WEBPACK_IMPORTED_MODULE_1__/* .BREADTH_RULES */ .d.nemoUnreviewedTarget, `${where}._target_ instantiates ${target}: ${j.reason}`, at, target));
    }
    return out;
}
//# sourceMappingURL=config.js.map

/***/ })

};
