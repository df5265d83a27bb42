export const id = 219;
export const ids = [219];
export const modules = {

/***/ 219:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   analyseSevenZip: () => (/* binding */ analyseSevenZip)
/* harmony export */ });
/* harmony import */ var _containers_member_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4280);
/* harmony import */ var _conclude_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9368);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7738);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5648);
/* harmony import */ var _container_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2809);





/** A 7z archive: read (sevenzip.ts: TypeScript for the common case, else 7-Zip) under the file's budget, every member sniffed and analysed. */
async function analyseSevenZip(ctx) {
    const { source } = ctx;
    const { readSevenZip } = await __webpack_require__.e(/* import() */ 448).then(__webpack_require__.bind(__webpack_require__, 4448));
    let members;
    try {
        members = await readSevenZip(source, ctx.policy.limits, ctx.budget);
    }
    catch (e) {
        return (0,_conclude_js__WEBPACK_IMPORTED_MODULE_0__/* .conclude */ .Ep)('7z', [(0,_container_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .containerFinding */ .Z)(e, source.name, _rules_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES */ .y0.archiveParse)], [], undefined, 'failed');
    }
    const findings = [];
    const nested = [];
    for (const m of members) {
        const path = `${source.name}!/${m.name}`;
        const problem = (0,_containers_member_name_js__WEBPACK_IMPORTED_MODULE_3__/* .memberNameProblem */ .f)(m.name);
        if (problem)
            findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES */ .y0.memberName, `member name ${JSON.stringify(m.name)} ${problem}`, { path: source.name }));
        if (m.directory)
            continue;
        if (m.encrypted) {
            findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES */ .y0.encrypted, `member ${JSON.stringify(m.name)} is encrypted; its content was not analysed`, { path }));
            continue;
        }
        if (!m.bytes) {
            findings.push((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .RULES */ .y0.archiveParse, `member ${JSON.stringify(m.name)} could not be extracted; not analysed`, { path }));
            continue;
        }
        const a = await ctx.scanNested((0,_source_js__WEBPACK_IMPORTED_MODULE_4__/* .bufferSource */ .k)(path, m.bytes));
        (0,_conclude_js__WEBPACK_IMPORTED_MODULE_0__/* .absorb */ .eE)(findings, a, path);
        nested.push(a);
    }
    return (0,_conclude_js__WEBPACK_IMPORTED_MODULE_0__/* .conclude */ .Ep)('7z', findings, nested, { properties: { members: String(members.length) } });
}
//# sourceMappingURL=sevenzip-archive.js.map

/***/ })

};
