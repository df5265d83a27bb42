export const id = 32;
export const ids = [32];
export const modules = {

/***/ 8032:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  boosterAnalyser: () => (/* binding */ boosterAnalyser)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/rules-breadth.js
var rules_breadth = __webpack_require__(7601);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var shared_bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/judged.js
var judged = __webpack_require__(8105);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/shared/ubjson.js

const MAX_DEPTH = 256;
const SIZES = { i: 1, U: 1, I: 2, l: 4, L: 8, d: 4, D: 8, C: 1 };
/**
 * Universal Binary JSON (ubjson.org, as XGBoost writes .ubj models) walked for validity: every length and count is
 * checked against the bytes; values are not built except object keys and strings, which `visit` receives.
 */
function walkUbjson(b, visit = () => { }) {
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let at = 0;
    const need = (n) => {
        if (n < 0 || at + n > b.length)
            throw (0,errors/* malformed */.Qm)(`truncated at offset ${at}`);
    };
    const int = (marker) => {
        const n = SIZES[marker];
        if (n === undefined || marker === 'd' || marker === 'D' || marker === 'C')
            throw (0,errors/* malformed */.Qm)(`marker ${marker} is not an integer`);
        need(n);
        const v = n === 1
            ? marker === 'U'
                ? view.getUint8(at)
                : view.getInt8(at)
            : n === 2
                ? view.getInt16(at)
                : n === 4
                    ? view.getInt32(at)
                    : Number(view.getBigInt64(at));
        at += n;
        return v;
    };
    const marker = () => {
        need(1);
        return String.fromCharCode(b[at++]);
    };
    const str = () => {
        const n = int(marker());
        need(n);
        at += n;
        return new TextDecoder('utf-8').decode(b.subarray(at - n, at));
    };
    const value = (m, depth) => {
        if (depth > MAX_DEPTH)
            throw (0,errors/* overLimit */.W1)(`UBJSON nested deeper than ${MAX_DEPTH}`);
        if (m === 'Z' || m === 'N' || m === 'T' || m === 'F')
            return;
        if (m in SIZES) {
            need(SIZES[m]);
            at += SIZES[m];
            return;
        }
        if (m === 'S' || m === 'H')
            return void str();
        if (m !== '[' && m !== '{')
            throw (0,errors/* malformed */.Qm)(`unknown UBJSON marker ${JSON.stringify(m)} at ${at - 1}`);
        const object = m === '{';
        let type;
        let count;
        let next = marker();
        if (next === '$') {
            type = marker();
            next = marker();
            if (next !== '#')
                throw (0,errors/* malformed */.Qm)('a typed container without a count');
        }
        if (next === '#') {
            count = int(marker());
            if (count < 0)
                throw (0,errors/* malformed */.Qm)('negative container count');
            // A typed fixed-size array (XGBoost's weights) is skipped in one step.
            if (!object && type && type in SIZES) {
                need(count * SIZES[type]);
                at += count * SIZES[type];
                return;
            }
        }
        else
            at--;
        for (let i = 0; count === undefined || i < count; i++) {
            if (count === undefined) {
                need(1);
                if (b[at] === (object ? 0x7d : 0x5d)) {
                    at++;
                    return;
                }
            }
            if (object)
                visit(str(), depth);
            value(type ?? marker(), depth + 1);
        }
    };
    value(marker(), 0);
    if (at !== b.length)
        throw (0,errors/* malformed */.Qm)(`${b.length - at} bytes follow the UBJSON value`);
}
//# sourceMappingURL=ubjson.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/boosters/sniff.js
var sniff = __webpack_require__(5470);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/boosters/analyser.js






const CAP = 1 << 30;
const FRAMEWORK = {
    'xgboost-json': 'xgboost',
    'xgboost-ubj': 'xgboost',
    'xgboost-binary': 'xgboost',
    lightgbm: 'lightgbm',
    catboost: 'catboost',
};
/**
 * The file must be the whole model its format describes (a cut file is `error`). These formats are data: trees,
 * thresholds and parameters; no loader of them imports or runs code, so a complete file is `safe`.
 */
async function validate(kind, source) {
    const bytes = await (0,shared_bytes/* readWhole */.oD)(source, CAP, 'model');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (kind === 'xgboost-json') {
        const model = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        if (!(0,shared_bytes/* isRecord */.u4)(model) || !(0,shared_bytes/* isRecord */.u4)(model.learner) || !(0,shared_bytes/* isRecord */.u4)(model.learner.gradient_booster))
            throw (0,errors/* malformed */.Qm)('no learner.gradient_booster');
    }
    else if (kind === 'xgboost-ubj') {
        let booster = false;
        walkUbjson(bytes, (key) => {
            if (key === 'gradient_booster')
                booster = true;
        });
        if (!booster)
            throw (0,errors/* malformed */.Qm)('no learner.gradient_booster');
    }
    else if (kind === 'xgboost-binary') {
        // "binf", LearnerModelParam (136 bytes), then the objective and booster names as u64-length strings.
        let at = 4 + 136;
        const names = [];
        for (let i = 0; i < 2; i++) {
            if (at + 8 > bytes.length)
                throw (0,errors/* malformed */.Qm)('truncated learner header');
            const n = Number(view.getBigUint64(at, true));
            if (at + 8 + n > bytes.length || n > 256)
                throw (0,errors/* malformed */.Qm)('truncated learner header');
            names.push(new TextDecoder('latin1').decode(bytes.subarray(at + 8, at + 8 + n)));
            at += 8 + n;
        }
        if (!['gbtree', 'gblinear', 'dart'].includes(names[1] ?? ''))
            throw (0,errors/* malformed */.Qm)(`booster ${JSON.stringify(names[1])} is not gbtree, gblinear or dart`);
    }
    else if (kind === 'lightgbm') {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        if (!text.includes('\nend of trees\n'))
            throw (0,errors/* malformed */.Qm)('no "end of trees" line: the model text is cut');
    }
    else {
        // CBM1, then the u32 size of the model core flatbuffer, which must fit in the file.
        if (bytes.length < 8 || 8 + view.getUint32(4, true) > bytes.length)
            throw (0,errors/* malformed */.Qm)('the model core runs past the end');
    }
}
const boosterAnalyser = {
    format: 'booster',
    sniff: (head) => (0,sniff/* boosterKind */.f)(head) !== undefined,
    async analyse({ source }) {
        const kind = (0,sniff/* boosterKind */.f)(await source.read(0, 4096)) ?? 'xgboost-json';
        return (0,judged/* judgedFormat */.V)(kind, rules_breadth/* BREADTH_RULES */.d.boosterUnreadable, source, async () => {
            await validate(kind, source);
            return { findings: [], metadata: { framework: FRAMEWORK[kind] } };
        });
    },
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
