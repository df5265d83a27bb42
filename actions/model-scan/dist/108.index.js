export const id = 108;
export const ids = [108];
export const modules = {

/***/ 7108:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rAnalyser: () => (/* reexport */ rAnalyser)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/rules-breadth.js
var rules_breadth = __webpack_require__(7601);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules.js
var rules = __webpack_require__(7738);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var shared_bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/judged.js
var judged = __webpack_require__(8105);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/r/reader.js

/** SEXP type codes of R's serialize.c and Rinternals.h. */
const T = {
    NIL: 0,
    SYM: 1,
    LIST: 2,
    CLO: 3,
    ENV: 4,
    PROM: 5,
    LANG: 6,
    SPECIAL: 7,
    BUILTIN: 8,
    CHAR: 9,
    LGL: 10,
    INT: 13,
    REAL: 14,
    CPLX: 15,
    STR: 16,
    DOT: 17,
    VEC: 19,
    EXPR: 20,
    BCODE: 21,
    EXTPTR: 22,
    WEAKREF: 23,
    RAW: 24,
    S4: 25,
    BCREPREF: 243,
    BCREPDEF: 244,
    GENERICREF: 245,
    CLASSREF: 246,
    PERSIST: 247,
    PACKAGE: 248,
    NAMESPACE: 249,
    BASENAMESPACE: 250,
    MISSINGARG: 251,
    UNBOUNDVALUE: 252,
    GLOBALENV: 253,
    NILVALUE: 254,
    REF: 255,
    BASEENV: 241,
    EMPTYENV: 242,
    ATTRLANG: 240,
    ATTRLIST: 239,
    ALTREP: 238,
};
const SINGLETONS = new Set([T.NILVALUE, T.EMPTYENV, T.BASEENV, T.GLOBALENV, T.UNBOUNDVALUE, T.MISSINGARG, T.BASENAMESPACE]);
const PAIRLISTS = new Set([T.LIST, T.LANG, T.CLO, T.PROM, T.DOT, T.ATTRLANG, T.ATTRLIST]);
const MAX_DEPTH = 3000;
const NIL = { other: T.NIL };
/** The function a call cell names: `f(...)`, `pkg::f(...)`, `pkg:::f(...)`. */
function calledName(car) {
    if ('sym' in car)
        return car.sym;
    if ('cell' in car && 'sym' in car.car && (car.car.sym === '::' || car.car.sym === ':::')) {
        const third = 'cell' in car.cdr && 'cell' in car.cdr.cdr ? car.cdr.cdr.car : undefined;
        return third && 'sym' in third ? third.sym : undefined;
    }
    return undefined;
}
/**
 * R's XDR serialization (format 2 and 3) read as `unserialize` reads it (serialize.c ReadItem/ReadBC), without
 * building vectors: lengths are checked against the bytes and skipped. Throws ModelFormatError.
 */
class RReader {
    bytes;
    seen;
    off;
    view;
    refs = [];
    depth = 0;
    constructor(bytes, start, seen) {
        this.bytes = bytes;
        this.seen = seen;
        this.off = start;
        this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    /** Header (`X\n`, versions, native encoding) then the one top-level object. */
    read() {
        if (this.bytes[this.off] !== 0x58)
            throw (0,errors/* malformed */.Qm)('only the XDR serialization is read');
        this.off += 2;
        const version = this.int();
        this.int();
        this.int();
        if (version === 3)
            this.skip(this.int());
        else if (version !== 2)
            throw (0,errors/* malformed */.Qm)(`serialization format ${version} is not 2 or 3`);
        const top = this.item();
        if (this.off !== this.bytes.length)
            throw (0,errors/* malformed */.Qm)(`${this.bytes.length - this.off} bytes follow the serialized object`);
        return top;
    }
    int() {
        if (this.off + 4 > this.bytes.length)
            throw (0,errors/* malformed */.Qm)(`truncated at offset ${this.off}`);
        const v = this.view.getInt32(this.off, false);
        this.off += 4;
        return v;
    }
    skip(n) {
        if (n < 0 || this.off + n > this.bytes.length)
            throw (0,errors/* malformed */.Qm)(`truncated: ${n} bytes wanted at offset ${this.off}`);
        this.off += n;
    }
    length() {
        const n = this.int();
        if (n !== -1) {
            if (n < 0)
                throw (0,errors/* malformed */.Qm)(`negative length at offset ${this.off}`);
            return n;
        }
        return this.int() * 2 ** 32 + (this.int() >>> 0);
    }
    string(n) {
        const at = this.off;
        this.skip(n);
        return new TextDecoder('utf-8').decode(this.bytes.subarray(at, at + n));
    }
    ref(v) {
        this.refs.push(v);
        return v;
    }
    item() {
        if (++this.depth > MAX_DEPTH)
            throw (0,errors/* overLimit */.W1)(`objects nested deeper than ${MAX_DEPTH}`);
        try {
            return this.body(this.int());
        }
        finally {
            this.depth--;
        }
    }
    stringVec() {
        if (this.int() !== 0)
            throw (0,errors/* malformed */.Qm)('string vector without its leading zero');
        for (let n = this.int(); n > 0; n--)
            this.item();
    }
    body(flags) {
        const at = this.off - 4;
        const type = flags & 0xff;
        const hasAttr = (flags & (1 << 9)) !== 0;
        const hasTag = (flags & (1 << 10)) !== 0;
        if (SINGLETONS.has(type))
            return { other: type };
        switch (type) {
            case T.REF: {
                const i = flags >> 8 || this.int();
                const v = this.refs[i - 1];
                if (!v)
                    throw (0,errors/* malformed */.Qm)(`reference ${i} before its object at offset ${at}`);
                return v;
            }
            case T.PERSIST:
            case T.PACKAGE:
            case T.NAMESPACE:
                this.stringVec();
                return this.ref({ other: type });
            case T.SYM: {
                const name = this.item();
                return this.ref({ sym: 'sym' in name ? name.sym : '' });
            }
            case T.ENV: {
                this.int();
                const env = this.ref({ other: T.ENV });
                for (let i = 0; i < 4; i++)
                    this.item();
                return env;
            }
            case T.ALTREP: {
                const info = this.item();
                const cls = 'cell' in info && 'sym' in info.car ? info.car.sym : '?';
                const pkg = 'cell' in info && 'cell' in info.cdr && 'sym' in info.cdr.car ? info.cdr.car.sym : '?';
                this.seen.altrep(cls, pkg, at);
                this.item();
                this.item();
                return { other: T.ALTREP };
            }
            case T.CHAR: {
                const n = this.int();
                return n === -1 ? NIL : { sym: this.string(n) };
            }
        }
        if (PAIRLISTS.has(type))
            return this.pairlist(flags, at);
        switch (type) {
            case T.EXTPTR:
                this.ref({ other: type });
                this.item();
                this.item();
                break;
            case T.WEAKREF:
                this.ref({ other: type });
                break;
            case T.SPECIAL:
            case T.BUILTIN:
                this.skip(this.int());
                break;
            case T.LGL:
            case T.INT:
                this.skip(this.length() * 4);
                break;
            case T.REAL:
                this.skip(this.length() * 8);
                break;
            case T.CPLX:
                this.skip(this.length() * 16);
                break;
            case T.RAW:
                this.skip(this.length());
                break;
            case T.STR:
            case T.VEC:
            case T.EXPR:
                for (let n = this.length(); n > 0; n--)
                    this.item();
                break;
            case T.BCODE:
                this.seen.closure('bytecode', at);
                this.bytecode(new Array(Math.max(0, this.int())));
                break;
            case T.S4:
                break;
            default:
                throw (0,errors/* malformed */.Qm)(`unknown SEXP type ${type} at offset ${at}`);
        }
        if (hasAttr)
            this.item();
        if (hasTag)
            throw (0,errors/* malformed */.Qm)(`a tag on a non-pairlist at offset ${at}`);
        return { other: type };
    }
    // Pairlists are read cell by cell along the CDR (as R does) so a long list is not a deep recursion.
    pairlist(flags, at) {
        const head = { cell: 0, tag: undefined, car: NIL, cdr: NIL };
        let last = head;
        let f = flags;
        let where = at;
        for (;;) {
            const type = f & 0xff;
            const cell = {
                cell: type === T.ATTRLANG ? T.LANG : type === T.ATTRLIST ? T.LIST : type,
                tag: undefined,
                car: NIL,
                cdr: NIL,
            };
            if ((f & (1 << 9)) !== 0 || type === T.ATTRLANG || type === T.ATTRLIST)
                this.item();
            if ((f & (1 << 10)) !== 0)
                cell.tag = this.item();
            cell.car = this.item();
            this.observe(cell, where);
            last.cdr = cell;
            last = cell;
            where = this.off;
            f = this.int();
            if (!PAIRLISTS.has(f & 0xff)) {
                last.cdr = this.body(f);
                return head.cdr;
            }
        }
    }
    observe(cell, at) {
        if (cell.cell === T.PROM)
            this.seen.promise(at);
        if (cell.cell === T.CLO)
            this.seen.closure('closure', at);
        if (cell.cell === T.LANG) {
            const fn = calledName(cell.car);
            if (fn !== undefined)
                this.seen.call(fn, at);
        }
        if (cell.cell === T.LIST && cell.tag && 'sym' in cell.tag)
            this.seen.binding(cell.tag.sym, cell.car, at);
    }
    bytecode(reps) {
        this.item();
        for (let n = this.int(); n > 0; n--) {
            const type = this.int();
            if (type === T.BCODE)
                this.bytecode(reps);
            else if ([T.LANG, T.LIST, T.BCREPDEF, T.BCREPREF, T.ATTRLANG, T.ATTRLIST].includes(type))
                this.bcLang(type, reps);
            else
                this.item();
        }
    }
    bcLang(kind, reps) {
        if (++this.depth > MAX_DEPTH)
            throw (0,errors/* overLimit */.W1)(`byte code nested deeper than ${MAX_DEPTH}`);
        try {
            let type = kind;
            if (type === T.BCREPREF)
                return reps[this.int()] ?? NIL;
            if (![T.BCREPDEF, T.LANG, T.LIST, T.ATTRLANG, T.ATTRLIST].includes(type))
                return this.item();
            const at = this.off;
            let pos = -1;
            if (type === T.BCREPDEF) {
                pos = this.int();
                type = this.int();
            }
            const cell = {
                cell: type === T.ATTRLANG ? T.LANG : type === T.ATTRLIST ? T.LIST : type,
                tag: undefined,
                car: NIL,
                cdr: NIL,
            };
            if (pos >= 0)
                reps[pos] = cell;
            if (type === T.ATTRLANG || type === T.ATTRLIST)
                this.item();
            cell.tag = this.item();
            cell.car = this.bcLang(this.int(), reps);
            cell.cdr = this.bcLang(this.int(), reps);
            this.observe(cell, at);
            return cell;
        }
        finally {
            this.depth--;
        }
    }
}
//# sourceMappingURL=reader.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/r/sniff.js
var sniff = __webpack_require__(7463);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/r/analyser.js






const CAP = 1 << 30;
// Functions whose call in saved R code runs programs, evaluates text, loads native code or opens connections.
const DANGEROUS = new Set([
    'system',
    'system2',
    'shell',
    'shell.exec',
    'pipe',
    'eval',
    'evalq',
    'parse',
    'str2lang',
    'str2expression',
    'source',
    'sys.source',
    'download.file',
    'url',
    'socketConnection',
    'dyn.load',
    'library.dynam',
    '.Call',
    '.External',
    '.C',
    '.Fortran',
    '.Internal',
    '.Primitive',
    'Sys.setenv',
    'unlink',
    'file.remove',
    'do.call',
    'match.fun',
    'get',
    'getExportedValue',
]);
// ALTREP classes base R registers itself (altclasses.c): their unserialize hooks load no package.
const BASE_ALTREP = new Set([
    'compact_intseq',
    'compact_realseq',
    'deferred_string',
    'wrap_integer',
    'wrap_logical',
    'wrap_real',
    'wrap_complex',
    'wrap_raw',
    'wrap_string',
    'wrap_list',
    'mmap_integer',
    'mmap_real',
]);
// A saved workspace restored at R start-up runs these (R's Startup docs).
const STARTUP_HOOKS = new Set(['.First', '.Last', '.First.sys']);
const isClosure = (v) => 'cell' in v && v.cell === 3;
/** R serializations (.rds, .RData, serialize()): promises, code and ALTREP hooks judged; nothing is evaluated. */
const rAnalyser = {
    format: 'r-serialization',
    sniff: sniff/* sniffR */.X,
    analyse: ({ source }) => (0,judged/* judgedFormat */.V)('r-serialization', rules_breadth/* BREADTH_RULES */.d.rUnreadable, source, async () => {
        const bytes = await (0,shared_bytes/* readWhole */.oD)(source, CAP, 'R serialization');
        const start = (0,sniff/* serializationStart */.f)(bytes);
        const at = (offset) => ({ path: source.name, offset });
        if (bytes[start] !== 0x58)
            return {
                findings: [
                    (0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.notAnalysable, 'format R serialization recognised, not analysable: only the XDR form (saveRDS default) is read, not ASCII or native binary', {
                        path: source.name,
                    }),
                ],
            };
        const findings = [];
        const calls = new Map();
        let code;
        new RReader(bytes, start, {
            promise: (o) => findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.rPromise, 'a promise (PROMSXP) is evaluated when the loaded object is first used', at(o))),
            closure: (kind, o) => {
                code ??= { kind, offset: o, count: 0 };
                code.count++;
            },
            call: (fn, o) => {
                if (DANGEROUS.has(fn) && !calls.has(fn))
                    calls.set(fn, o);
            },
            altrep: (cls, pkg, o) => {
                if (!(pkg === 'base' && BASE_ALTREP.has(cls)))
                    findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.rAltrep, `ALTREP class ${cls} of package ${pkg}: unserialize loads the package and runs its hook`, at(o), `${pkg}::${cls}`));
            },
            binding: (name, value, o) => {
                if (STARTUP_HOOKS.has(name) && isClosure(value))
                    findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.rDangerousCall, `the workspace defines ${name}, which R runs when it restores the workspace`, at(o), name));
            },
        }).read();
        for (const [fn, o] of calls)
            findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.rDangerousCall, `saved R code calls ${fn}()`, at(o), fn));
        if (code)
            findings.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.rClosure, `${code.count} saved function(s) (${code.kind} first); they run when called`, at(code.offset)));
        return { findings, metadata: { framework: 'r' } };
    }),
};
//# sourceMappingURL=analyser.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/r/index.js

//# sourceMappingURL=index.js.map

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
