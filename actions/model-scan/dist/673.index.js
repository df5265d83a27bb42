export const id = 673;
export const ids = [673];
export const modules = {

/***/ 3673:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  judgeMar: () => (/* binding */ judgeMar)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/containers/member-name.js
var member_name = __webpack_require__(4280);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules-breadth.js
var rules_breadth = __webpack_require__(7601);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules.js
var rules = __webpack_require__(7738);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/errors.js
var errors = __webpack_require__(1799);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/python/tokenize.js

const PREFIX = /^(?:[rR][bBfFtT]?|[bBfFtT][rR]?|[uU])?$/;
const OPERATORS = [
    '**=',
    '//=',
    '>>=',
    '<<=',
    '...',
    '->',
    ':=',
    '==',
    '!=',
    '<=',
    '>=',
    '**',
    '//',
    '<<',
    '>>',
    '+=',
    '-=',
    '*=',
    '/=',
    '%=',
    '&=',
    '|=',
    '^=',
    '@=',
    '+',
    '-',
    '*',
    '/',
    '%',
    '@',
    '&',
    '|',
    '^',
    '~',
    '<',
    '>',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    ',',
    ':',
    ';',
    '.',
    '=',
    '!',
];
const CLOSE = { ')': '(', ']': '[', '}': '{' };
const NAME_START = /[\p{L}\p{Nl}_\u1885\u1886\u2118\u212e\u309b\u309c]/u;
const NAME_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_\u00b7\u0387\u1369-\u1371\u19da]/u;
const NUMBER = /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d[\d_]*)?[jJ]?|\d[\d_]*\.)/y;
// A Python file this large is not a handler; the cap also bounds the f-string recursion below.
const MAX_SOURCE = 16 << 20;
const MAX_NESTING = 100;
const SIMPLE_ESCAPES = {
    n: '\n',
    t: '\t',
    r: '\r',
    '0': '\0',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
    '\\': '\\',
    "'": "'",
    '"': '"',
};
/** The value of a non-raw string body: Python's escapes, closely enough to fold names and read payloads. */
function pythonEscapes(body) {
    return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|\r?\n|[\s\S])/g, (m, e) => {
        if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U')
            return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
        if (/^[0-7]+$/.test(e))
            return String.fromCodePoint(Number.parseInt(e, 8));
        if (e === '\n' || e === '\r\n')
            return '';
        return SIMPLE_ESCAPES[e] ?? m;
    });
}
class Tokenizer {
    src;
    depth;
    end;
    i = 0;
    line = 1;
    tokens = [];
    brackets = [];
    constructor(src, depth, end = src.length) {
        this.src = src;
        this.depth = depth;
        this.end = end;
    }
    fail(what) {
        throw (0,errors/* malformed */.Qm)(`line ${this.line}: ${what}`);
    }
    run(startLine) {
        this.line = startLine;
        const { src } = this;
        while (this.i < this.end) {
            const c = src[this.i];
            if (c === '\n' || c === '\r') {
                this.i += c === '\r' && src[this.i + 1] === '\n' ? 2 : 1;
                if (this.brackets.length === 0 && this.tokens.length > 0 && this.tokens.at(-1)?.kind !== 'newline')
                    this.tokens.push({ kind: 'newline', value: '\n', line: this.line });
                this.line++;
            }
            else if (c === ' ' || c === '\t' || c === '\f')
                this.i++;
            else if (c === '\\') {
                const next = src[this.i + 1];
                if (next !== '\n' && next !== '\r')
                    this.fail('a backslash outside a string does not end the line');
                this.i += next === '\r' && src[this.i + 2] === '\n' ? 3 : 2;
                this.line++;
            }
            else if (c === '#') {
                while (this.i < this.end && src[this.i] !== '\n' && src[this.i] !== '\r')
                    this.i++;
            }
            else if (c === '"' || c === "'")
                this.string('');
            else if (NAME_START.test(c) || c.charCodeAt(0) > 0x7f)
                this.nameOrPrefixedString();
            else if (/\d/.test(c) || (c === '.' && /\d/.test(src[this.i + 1] ?? ''))) {
                NUMBER.lastIndex = this.i;
                const m = NUMBER.exec(src);
                if (!m || m[0].length === 0)
                    this.fail('a malformed number');
                this.tokens.push({ kind: 'number', value: m[0], line: this.line });
                this.i += m[0].length;
            }
            else
                this.operator();
        }
        if (this.brackets.length > 0)
            this.fail(`${this.brackets.length} bracket(s) never closed`);
        return this.tokens;
    }
    nameOrPrefixedString() {
        const { src } = this;
        const start = this.i;
        // A surrogate pair is one character of a name.
        const charAt = (at) => String.fromCodePoint(src.codePointAt(at) ?? 0);
        const first = charAt(this.i);
        if (!NAME_START.test(first))
            this.fail(`character ${JSON.stringify(first)} cannot start a name`);
        this.i += first.length;
        while (this.i < this.end) {
            const ch = charAt(this.i);
            if (!NAME_PART.test(ch))
                break;
            this.i += ch.length;
        }
        const raw = src.slice(start, this.i);
        const q = src[this.i];
        if ((q === '"' || q === "'") && PREFIX.test(raw)) {
            this.string(raw.toLowerCase());
            return;
        }
        // Python compares identifiers after NFKC normalisation: a fullwidth `ｅｘｅｃ` is `exec`.
        this.tokens.push({ kind: 'name', value: raw.normalize('NFKC'), line: this.line });
    }
    operator() {
        const { src } = this;
        const op = OPERATORS.find((o) => src.startsWith(o, this.i));
        if (!op)
            this.fail(`unexpected character ${JSON.stringify(src[this.i])}`);
        if (op === '(' || op === '[' || op === '{')
            this.brackets.push(op);
        const open = CLOSE[op];
        if (open !== undefined && this.brackets.pop() !== open)
            this.fail(`${JSON.stringify(op)} closes nothing that is open`);
        this.tokens.push({ kind: 'op', value: op, line: this.line });
        this.i += op.length;
    }
    /** A string literal starting at the quote under `this.i`; f-string fields are tokenized as code. */
    string(prefix) {
        const { src } = this;
        const q = src[this.i];
        const triple = src.startsWith(q.repeat(3), this.i);
        const quote = triple ? q.repeat(3) : q;
        const raw = prefix.includes('r');
        const formatted = prefix.includes('f') || prefix.includes('t');
        const line = this.line;
        const fields = [];
        let j = this.i + quote.length;
        const bodyStart = j;
        for (;;) {
            if (j >= this.end)
                this.fail('a string never ends');
            const ch = src[j];
            if (ch === '\\') {
                if (src[j + 1] === '\n')
                    this.line++;
                j += 2;
            }
            else if (src.startsWith(quote, j))
                break;
            else if (ch === '\n' || ch === '\r') {
                if (!triple)
                    this.fail('a string runs past the end of its line');
                if (!(ch === '\r' && src[j + 1] === '\n'))
                    this.line++;
                j++;
            }
            else if (formatted && ch === '{') {
                if (src[j + 1] === '{')
                    j += 2;
                else
                    j = this.field(j + 1, fields);
            }
            else
                j++;
        }
        const body = src.slice(bodyStart, j);
        this.i = j + quote.length;
        this.tokens.push({ kind: 'string', value: raw ? body : pythonEscapes(body), line, fields });
    }
    /** One replacement field `{expr!r:spec}` from just after its `{`; returns the index after its `}`. */
    field(from, fields) {
        if (this.depth >= MAX_NESTING)
            this.fail('f-strings nested too deeply');
        const { src } = this;
        let j = from;
        let depth = 0;
        const startLine = this.line;
        // The expression ends at a top-level `!` (not `!=`), `:` or `}`; strings inside it are skipped whole.
        for (;;) {
            if (j >= this.end)
                this.fail('an f-string field never closes');
            const ch = src[j];
            if (ch === '"' || ch === "'") {
                j = this.skipString(j);
                continue;
            }
            if (ch === '\n')
                this.line++;
            if (ch === '(' || ch === '[' || ch === '{')
                depth++;
            else if (depth > 0 && (ch === ')' || ch === ']' || ch === '}'))
                depth--;
            else if (depth === 0 && (ch === '}' || ch === ':' || (ch === '!' && src[j + 1] !== '=')))
                break;
            j++;
        }
        fields.push(new Tokenizer(src, this.depth + 1, j).runFrom(from, startLine));
        if (src[j] === '!')
            j += 2;
        if (src[j] === ':')
            for (j++;;) {
                if (j >= this.end)
                    this.fail('an f-string format spec never closes');
                if (src[j] === '}')
                    break;
                j = src[j] === '{' ? this.field(j + 1, fields) : j + 1;
            }
        if (src[j] !== '}')
            this.fail('an f-string field is malformed');
        return j + 1;
    }
    runFrom(from, line) {
        this.i = from;
        return this.run(line);
    }
    /** The index after a string literal inside an f-string field (a quick scan: the field is tokenized later). */
    skipString(at) {
        const { src } = this;
        const q = src[at];
        const quote = src.startsWith(q.repeat(3), at) ? q.repeat(3) : q;
        let j = at + quote.length;
        while (!src.startsWith(quote, j)) {
            if (j >= this.end)
                this.fail('a string inside an f-string never ends');
            j += src[j] === '\\' ? 2 : 1;
        }
        return j + quote.length;
    }
}
/** The tokens of a Python source; throws a malformed-format error where Python's own tokenizer would fail. */
function tokenize(src) {
    if (src.length > MAX_SOURCE)
        throw (0,errors/* malformed */.Qm)(`${src.length} characters is above the ${MAX_SOURCE}-character cap`);
    return new Tokenizer(src, 0).run(1);
}
//# sourceMappingURL=tokenize.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/python/judge.js

// Modules whose import alone means processes, native code or code objects (a handler uses none of them).
const DANGEROUS_MODULES = new Set([
    'subprocess',
    '_posixsubprocess',
    'pty',
    'ctypes',
    '_ctypes',
    'cffi',
    'marshal',
    'runpy',
    'commands',
    'popen2',
    'telnetlib',
    'paramiko',
    'pexpect',
    'webbrowser',
]);
const PROCESS_MODULES = new Set(['os', 'posix', 'nt']);
const PROCESS_CALLS = /^(?:system|popen[234]?|fork|forkpty|startfile|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)$/;
const DESERIALISERS = new Set(['pickle', 'cPickle', '_pickle', 'dill', 'cloudpickle', 'marshal', 'shelve', 'jsonpickle']);
const NETWORK = new Set([
    'socket.socket',
    'socket.create_connection',
    'socket.create_server',
    'socket.fromfd',
    'socket.socketpair',
    'urllib.request.urlopen',
    'urllib.request.urlretrieve',
    'urllib.urlopen',
    'urllib.urlretrieve',
    'urllib2.urlopen',
    'http.client.HTTPConnection',
    'http.client.HTTPSConnection',
    'ftplib.FTP',
    'telnetlib.Telnet',
    'smtplib.SMTP',
    'torch.hub.download_url_to_file',
    'torch.hub.load_state_dict_from_url',
    'aiohttp.ClientSession',
]);
const NETWORK_MODULES = new Set(['requests', 'httpx', 'urllib3']);
const CODE_LOADERS = new Set([
    'builtins.exec',
    'builtins.eval',
    'builtins.compile',
    'builtins.execfile',
    'builtins.breakpoint',
    'importlib.util.spec_from_file_location',
    'importlib.machinery.SourceFileLoader',
    'imp.load_source',
    'imp.load_module',
    'runpy.run_path',
    'runpy.run_module',
    'code.interact',
    'code.InteractiveConsole',
    'code.InteractiveInterpreter',
    'codeop.compile_command',
    'torch.hub.load',
    'pandas.read_pickle',
]);
const CODE_OBJECTS = new Set(['types.CodeType', 'types.FunctionType', 'types.LambdaType']);
// Builtins resolved by name when no import shadows them.
const BUILTINS = new Set(['exec', 'eval', 'compile', 'execfile', 'breakpoint', '__import__', 'getattr', 'globals', 'locals', 'vars']);
// Attributes that reach the interpreter's internals (sandbox escapes, function globals).
const GADGETS = new Set(['__globals__', '__subclasses__', '__builtins__', '__code__']);
// Names that turn bytes or text back into code: exec(base64.b64decode(...)) and friends.
const DECODERS = new Set([
    'b64decode',
    'b32decode',
    'b16decode',
    'b85decode',
    'a85decode',
    'decodebytes',
    'decodestring',
    'urlsafe_b64decode',
    'unhexlify',
    'a2b_base64',
    'a2b_hex',
    'fromhex',
    'decompress',
    'decode',
    'loads',
    'chr',
    'bytes',
    'bytearray',
    'reversed',
    'join',
    'translate',
    'maketrans',
]);
/** Why calling or referencing a qualified name is dangerous, if it is. */
function dangerous(q) {
    const parts = q.split('.');
    const head = parts[0];
    const last = parts.at(-1);
    if (CODE_LOADERS.has(q))
        return `${q.replace(/^builtins\./, '')} runs code`;
    if (CODE_OBJECTS.has(q))
        return undefined;
    if (PROCESS_MODULES.has(head) && parts.length === 2 && PROCESS_CALLS.test(last))
        return `${q} runs a process`;
    if (head === 'pty' && parts.length === 2)
        return `${q} runs a process`;
    if (head === 'subprocess' && parts.length === 2)
        return `${q} runs a process`;
    if (q === 'asyncio.create_subprocess_exec' || q === 'asyncio.create_subprocess_shell')
        return `${q} runs a process`;
    if (DESERIALISERS.has(head) && /^(?:loads?|Unpickler|open|decode)$/.test(last))
        return `${q} deserialises objects that run code`;
    if (head === 'ctypes' && parts.length >= 2)
        return `${q} loads native code`;
    if (NETWORK.has(q) ||
        (NETWORK_MODULES.has(head) &&
            parts.length === 2 &&
            /^(?:get|post|put|patch|delete|head|request|Session|Client|urlopen|PoolManager)$/.test(last)))
        return `${q} downloads or sends data over the network`;
    return undefined;
}
const OTHER = { kind: 'other' };
const isOp = (t, v) => t?.kind === 'op' && t.value === v;
class Judge {
    t;
    found = [];
    aliases = new Map();
    skip = new Set();
    constructor(t) {
        this.t = t;
    }
    report(kind, what, line) {
        if (!this.found.some((f) => f.line === line && f.what === what))
            this.found.push({ kind, what, line });
    }
    run() {
        this.imports();
        const { t } = this;
        for (let i = 0; i < t.length; i++) {
            const tok = t[i];
            if (tok.kind === 'string')
                for (const field of tok.fields)
                    this.found.push(...new Judge(field).withAliases(this.aliases).run());
            if (isOp(tok, '.') && t[i + 1]?.kind === 'name' && GADGETS.has(t[i + 1].value))
                this.report('obfuscated', `.${t[i + 1].value} reaches the interpreter's internals`, tok.line);
            if (tok.kind !== 'name' || this.skip.has(i) || isOp(t[i - 1], '.'))
                continue;
            const prev = t[i - 1];
            if (prev?.kind === 'name' && (prev.value === 'def' || prev.value === 'class'))
                continue;
            // `eval=True` (a keyword argument) or `compile = ...` (a rebinding) is not a use of the builtin.
            if (isOp(t[i + 1], '='))
                continue;
            this.primary(i);
        }
        return this.found.sort((a, b) => a.line - b.line);
    }
    withAliases(aliases) {
        for (const [k, v] of aliases)
            this.aliases.set(k, v);
        return this;
    }
    /** `import a.b as c`, `from a import b as c`, `from a import *`: the names they bind, and dangerous modules. */
    imports() {
        const { t } = this;
        for (let i = 0; i < t.length; i++) {
            const tok = t[i];
            if (tok.kind !== 'name' || (tok.value !== 'import' && tok.value !== 'from'))
                continue;
            if (tok.value === 'from') {
                let j = i + 1;
                let mod = '';
                while (isOp(t[j], '.') || isOp(t[j], '...') || t[j]?.kind === 'name') {
                    if (t[j].value === 'import')
                        break;
                    mod += t[j].value;
                    j++;
                }
                if (t[j]?.value !== 'import')
                    continue;
                const names = this.nameList(j + 1);
                for (let k = i; k < names.end; k++)
                    this.skip.add(k);
                this.moduleUse(mod, tok.line);
                for (const [name, as] of names.items) {
                    if (name === '*') {
                        if (DANGEROUS_MODULES.has(mod) || PROCESS_MODULES.has(mod) || DESERIALISERS.has(mod) || mod === 'builtins')
                            this.report('exec', `from ${mod} import * brings its process and code calls into scope`, tok.line);
                        continue;
                    }
                    const q = mod.startsWith('.') ? mod : `${mod}.${name}`;
                    this.aliases.set(as, q);
                    this.moduleUse(q, tok.line);
                    const why = dangerous(q);
                    if (why)
                        this.report('exec', `imports ${q}: ${why}`, tok.line);
                }
                i = names.end - 1;
            }
            else {
                const names = this.nameList(i + 1, true);
                for (let k = i; k < names.end; k++)
                    this.skip.add(k);
                for (const [name, as] of names.items) {
                    // `import os.path` binds `os`; `import os.path as p` binds p to os.path.
                    this.aliases.set(as, as === name ? name.split('.')[0] : name);
                    this.moduleUse(name, tok.line);
                }
                i = names.end - 1;
            }
        }
    }
    moduleUse(mod, line) {
        const top = mod.split('.')[0];
        if (DANGEROUS_MODULES.has(top) || mod === 'asyncio.subprocess')
            this.report('exec', `imports ${mod}`, line);
    }
    /** `a.b as c, d` (or parenthesised), up to the end of the statement. */
    nameList(from, dotted = false) {
        const { t } = this;
        const items = [];
        let j = from;
        const paren = isOp(t[j], '(');
        if (paren)
            j++;
        while (j < t.length) {
            const tok = t[j];
            if (tok.kind === 'newline' || isOp(tok, ';') || isOp(tok, ')'))
                break;
            if (isOp(tok, ',')) {
                j++;
                continue;
            }
            let name = tok.value;
            j++;
            while (dotted && isOp(t[j], '.') && t[j + 1]?.kind === 'name') {
                name += `.${t[j + 1].value}`;
                j += 2;
            }
            let as = name;
            if (t[j]?.kind === 'name' && t[j]?.value === 'as') {
                as = t[j + 1]?.value ?? name;
                j += 2;
            }
            items.push([name, as]);
        }
        if (paren && isOp(t[j], ')'))
            j++;
        return { items, end: j };
    }
    resolveName(n) {
        const alias = this.aliases.get(n);
        if (alias !== undefined)
            return { kind: 'ref', q: alias, known: true };
        if (n === '__builtins__' || n === 'builtins')
            return { kind: 'ref', q: 'builtins', known: true };
        if (BUILTINS.has(n))
            return { kind: 'ref', q: `builtins.${n}`, known: true };
        // An unimported name still resolves: `os.system` in a file that imports os some other way is still os.system.
        return { kind: 'ref', q: n, known: false };
    }
    /** The index of the bracket closing the one at `open`. */
    close(open) {
        let depth = 0;
        for (let j = open; j < this.t.length; j++) {
            const tok = this.t[j];
            if (tok.kind !== 'op')
                continue;
            if (tok.value === '(' || tok.value === '[' || tok.value === '{')
                depth++;
            else if (tok.value === ')' || tok.value === ']' || tok.value === '}')
                if (--depth === 0)
                    return j;
        }
        return this.t.length;
    }
    /** Top-level comma-separated ranges [start, end) between `from` and `to`. */
    args(from, to) {
        const out = [];
        let start = from;
        for (let j = from; j < to; j++) {
            const tok = this.t[j];
            if (tok.kind === 'op' && (tok.value === '(' || tok.value === '[' || tok.value === '{'))
                j = this.close(j);
            else if (isOp(tok, ',')) {
                out.push([start, j]);
                start = j + 1;
            }
        }
        if (start < to)
            out.push([start, to]);
        return out;
    }
    /** A string built from literals only (`'sys' + 'tem'`, `'metsys'[::-1]`), and how many pieces it took. */
    fold(range) {
        if (!range)
            return undefined;
        let [from, to] = range;
        while (isOp(this.t[from], '(') && this.close(from) === to - 1) {
            from++;
            to--;
        }
        let reverse = false;
        const tail = this.t.slice(to - 6, to).map((x) => x.value);
        if (to - from > 6 && tail.join('') === '[::-1]') {
            reverse = true;
            to -= 6;
        }
        let value = '';
        let pieces = 0;
        let expectString = true;
        for (let j = from; j < to; j++) {
            const tok = this.t[j];
            if (tok.kind === 'string' && tok.fields.length === 0) {
                value += tok.value;
                pieces++;
                expectString = false;
            }
            else if (isOp(tok, '+') && !expectString)
                expectString = true;
            else
                return undefined;
        }
        if (pieces === 0 || expectString)
            return undefined;
        return { value: reverse ? [...value].reverse().join('') : value, pieces: pieces + (reverse ? 1 : 0) };
    }
    /** A name with its trailers (`.attr`, `(args)`, `[key]`), reporting what each step resolves to. */
    primary(start) {
        const { t } = this;
        const head = t[start];
        let value = this.resolveName(head.value);
        this.check(value, head.line);
        let j = start + 1;
        for (;;) {
            const tok = t[j];
            if (isOp(tok, '.') && t[j + 1]?.kind === 'name') {
                const attr = t[j + 1].value;
                value = value.kind === 'ref' ? { ...value, q: `${value.q}.${attr}` } : OTHER;
                this.check(value, tok.line);
                j += 2;
            }
            else if (isOp(tok, '(')) {
                const end = this.close(j);
                value = this.call(value, this.args(j + 1, end), tok.line);
                j = end + 1;
            }
            else if (isOp(tok, '[')) {
                const end = this.close(j);
                value = this.subscript(value, [j + 1, end], tok.line);
                j = end + 1;
            }
            else
                break;
        }
        return { value, end: j };
    }
    check(value, line) {
        if (value.kind !== 'ref')
            return;
        const why = dangerous(value.q);
        if (why)
            this.report('exec', why, line);
        if (CODE_OBJECTS.has(value.q))
            this.report('obfuscated', `${value.q} builds a code object by hand`, line);
    }
    /** The value of a range that is exactly one primary (`os`, `__import__('os')`), else unknown. */
    valueOf(range) {
        if (!range || this.t[range[0]]?.kind !== 'name')
            return OTHER;
        const p = this.primary(range[0]);
        return p.end === range[1] ? p.value : OTHER;
    }
    call(callee, args, line) {
        if (callee.kind !== 'ref')
            return OTHER;
        const q = callee.q;
        if (q === 'builtins.__import__' || q === 'importlib.import_module' || q === 'importlib.__import__') {
            const name = this.fold(args[0]);
            if (q === 'builtins.__import__')
                this.report('exec', '__import__ imports a module outside an import statement', line);
            if (!name) {
                this.report(q === 'builtins.__import__' ? 'obfuscated' : 'exec', `${q.replace(/^builtins\./, '')} imports a module named at run time`, line);
                return OTHER;
            }
            if (name.pieces > 1)
                this.report('obfuscated', `imports ${JSON.stringify(name.value)} by a name built from pieces`, line);
            this.moduleUse(name.value, line);
            return { kind: 'ref', q: name.value, known: true };
        }
        if (q === 'builtins.getattr') {
            const target = this.valueOf(args[0]);
            const name = this.fold(args[1]);
            if (name && GADGETS.has(name.value))
                this.report('obfuscated', `getattr reaches ${name.value}`, line);
            // getattr(self, 'post' + 'process') on a local object is ordinary dispatch; on a module it hides a call.
            if (target.kind === 'other' || (target.kind === 'ref' && !target.known))
                return OTHER;
            const where = target.kind === 'ref' ? target.q : 'globals()';
            if (!name) {
                this.report('obfuscated', `getattr on ${where} with a name computed at run time`, line);
                return OTHER;
            }
            if (name.pieces > 1)
                this.report('obfuscated', `getattr on ${where} with a name built from pieces (${JSON.stringify(name.value)})`, line);
            const v = target.kind === 'ref' ? { ...target, q: `${target.q}.${name.value}` } : this.resolveName(name.value);
            this.check(v, line);
            return v;
        }
        if (q === 'builtins.globals' || q === 'builtins.locals' || (q === 'builtins.vars' && args.length === 0))
            return { kind: 'ns' };
        if (q === 'builtins.vars') {
            const target = this.valueOf(args[0]);
            return target.kind === 'ref' ? { ...target, q: `${target.q}.__dict__` } : OTHER;
        }
        if (q === 'builtins.exec' || q === 'builtins.eval' || q === 'builtins.compile') {
            const [from, to] = [args[0]?.[0] ?? 0, args.at(-1)?.[1] ?? 0];
            const decoded = this.t.slice(from, to).some((x) => x.kind === 'name' && DECODERS.has(x.value));
            const reversed = this.t
                .slice(from, to)
                .map((x) => x.value)
                .join('')
                .includes('[::-1]');
            if (decoded || reversed)
                this.report('obfuscated', `${q.slice('builtins.'.length)} runs code decoded at run time`, line);
        }
        return OTHER;
    }
    subscript(target, range, line) {
        const namespace = target.kind === 'ns' || (target.kind === 'ref' && target.known && (target.q === 'builtins' || target.q.endsWith('__dict__')));
        const modules = target.kind === 'ref' && target.q === 'sys.modules';
        if (!namespace && !modules)
            return OTHER;
        const key = this.fold(range);
        const where = target.kind === 'ref' ? target.q : 'globals()';
        if (!key) {
            this.report('obfuscated', `${where}[...] looks a name up by a key computed at run time`, line);
            return OTHER;
        }
        if (key.pieces > 1)
            this.report('obfuscated', `${where}[...] looks up ${JSON.stringify(key.value)} by a key built from pieces`, line);
        let v;
        if (modules)
            v = { kind: 'ref', q: key.value, known: true };
        else if (target.kind === 'ref' && target.q.endsWith('.__dict__') && target.q !== 'builtins.__dict__')
            v = { ...target, q: `${target.q.slice(0, -'.__dict__'.length)}.${key.value}` };
        else
            v = this.resolveName(key.value);
        this.check(v, line);
        return v;
    }
}
/**
 * The dangerous imports and calls of a Python source, with line numbers, from its tokens: a name inside a string
 * or comment is not a call, and a call reached through getattr, __import__, globals() or sys.modules is resolved
 * (or, when its name is computed, reported as obfuscation). Throws where the source does not tokenize.
 */
function judgePython(source) {
    return new Judge(tokenize(source)).run();
}
//# sourceMappingURL=judge.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/python/source.js

// PEP 263: a coding declaration in a comment on line 1 or 2.
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const UTF8 = new Set(['utf-8', 'utf8', 'utf-8-sig', 'utf8-sig', 'ascii', 'us-ascii']);
const LATIN1 = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'iso-latin-1', 'cp1252', 'windows-1252']);
// Codecs that turn escapes into characters: `#\x0aos.system(...)` is a comment to a reader and code to Python.
const HIDING = new Set(['unicode-escape', 'raw-unicode-escape', 'utf-7', 'utf7', 'rot13', 'rot-13', 'punycode', 'idna']);
/**
 * A Python source as Python reads it: UTF-8 (BOM allowed) unless line 1 or 2 declares Latin-1. A declared codec
 * that rewrites the text (unicode_escape, utf-7) is `hidden`: what runs is not what the bytes show. Any other
 * codec, or bytes that do not decode, throw (the file cannot be judged).
 */
function pythonText(bytes) {
    let b = bytes;
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
        b = b.subarray(3);
    const head = new TextDecoder('latin1').decode(b.subarray(0, 512)).split(/\r\n|\r|\n/, 2);
    const line1 = head[0] ?? '';
    const declared = COOKIE.exec(line1)?.[1] ?? (/^[ \t\f]*(?:#.*)?$/.test(line1) ? COOKIE.exec(head[1] ?? '')?.[1] : undefined);
    const codec = declared?.toLowerCase().replace(/_/g, '-');
    if (codec !== undefined && HIDING.has(codec))
        return { hidden: declared };
    if (codec !== undefined && LATIN1.has(codec))
        return { text: new TextDecoder('latin1').decode(b) };
    if (codec !== undefined && !UTF8.has(codec))
        throw (0,errors/* malformed */.Qm)(`it declares source encoding ${JSON.stringify(declared)}, which the scanner does not decode`);
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(b) };
    }
    catch (cause) {
        throw (0,errors/* malformed */.Qm)('it is not valid UTF-8 and declares no other encoding', cause);
    }
}
//# sourceMappingURL=source.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/shared/bytes.js
var bytes = __webpack_require__(6089);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/zip-archive.js
var zip_archive = __webpack_require__(1034);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/torchserve/judge.js








// TorchServe's built-in handlers (ts/torch_handler): named in the manifest, shipped with TorchServe itself.
const BUILTIN_HANDLERS = new Set(['image_classifier', 'image_segmenter', 'object_detector', 'text_classifier', 'base_handler']);
// Host modules a manifest could name as its handler that run processes or code when TorchServe calls into them.
const HOST_DANGEROUS = new Set([
    'os',
    'posix',
    'nt',
    'subprocess',
    'builtins',
    'pty',
    'runpy',
    'code',
    'pickle',
    'marshal',
    'importlib',
    'sys',
    'shutil',
    'ctypes',
    'socket',
]);
// Code Python imports without a source to read: compiled modules and native extensions.
const COMPILED = /\.(?:pyc|pyo|so|pyd|dylib|dll)$/i;
// Findings per Python member, so a generated file cannot flood the report.
const MAX_PER_FILE = 50;
function parseManifest(raw) {
    try {
        return raw ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) : undefined;
    }
    catch {
        return undefined;
    }
}
/** The manifest's references: the handler (a member, a built-in, or a host module) and the files it names. */
function judgeReferences(archive, model, names) {
    const at = { path: archive };
    const out = [];
    const handler = String(model.handler);
    const file = handler.split(':')[0];
    const problem = (0,member_name/* memberNameProblem */.f)(file);
    if (problem)
        return [
            (0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marManifestEscape, `the handler ${JSON.stringify(handler)} ${problem}: TorchServe would load code from outside the archive`, at, handler),
        ];
    const module = file.endsWith('.py') ? file.slice(0, -3) : file;
    const path = module.replace(/\./g, '/');
    const inArchive = names.has(`${path}.py`) || names.has(`${path}/__init__.py`) || names.has(file);
    if (!inArchive && file.endsWith('.py'))
        out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marManifest, `the handler ${JSON.stringify(handler)} is not in the archive; what TorchServe would run is unknown`, at, handler));
    else if (!inArchive && !BUILTIN_HANDLERS.has(module)) {
        const top = module.split('.')[0];
        if (HOST_DANGEROUS.has(top))
            out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marManifestEscape, `the handler ${JSON.stringify(handler)} names the host module ${top}, which runs processes or code when TorchServe calls it`, at, handler));
        else
            out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marHandler, `the handler ${JSON.stringify(handler)} is not in the archive: TorchServe imports it from the serving host's Python path`, at, handler));
    }
    for (const key of ['serializedFile', 'modelFile', 'requirementsFile', 'configFile']) {
        const ref = model[key];
        if (ref === undefined || ref === null || ref === '')
            continue;
        if (typeof ref !== 'string') {
            out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marManifest, `model.${key} is not a file name`, at));
            continue;
        }
        const bad = (0,member_name/* memberNameProblem */.f)(ref);
        if (bad)
            out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marManifestEscape, `model.${key} ${JSON.stringify(ref)} ${bad}`, at, ref));
        else if (!names.has(ref))
            out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marManifest, `model.${key} names ${JSON.stringify(ref)}, which is not in the archive`, at, ref));
    }
    return out;
}
/** One Python member: its dangerous imports and calls by line, or why it could not be read. */
function judgeCode(archive, name, bytes) {
    const at = { path: `${archive}!/${name}` };
    if (bytes === undefined)
        return [(0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marCodeUnreadable, `${name} is too large to read whole; its code was not judged`, at)];
    try {
        const source = pythonText(bytes);
        if ('hidden' in source)
            return [
                (0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marObfuscated, `${name} declares source encoding ${JSON.stringify(source.hidden)}, which turns escapes in comments and strings into code`, { ...at, line: 1 }),
            ];
        const found = judgePython(source.text);
        const out = found
            .slice(0, MAX_PER_FILE)
            .map((f) => (0,rules/* finding */.gk)(f.kind === 'obfuscated' ? rules_breadth/* BREADTH_RULES */.d.marObfuscated : rules_breadth/* BREADTH_RULES */.d.marExec, `${name} line ${f.line}: ${f.what}`, { ...at, line: f.line }, f.what));
        if (found.length > MAX_PER_FILE)
            out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marExec, `${name}: ${found.length - MAX_PER_FILE} more dangerous constructs not listed`, at));
        return out;
    }
    catch (e) {
        const why = e instanceof errors/* ModelFormatError */.xG ? e.message : 'the tokenizer could not follow it';
        return [(0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marCodeUnreadable, `${name} could not be tokenized as Python (${why}); its code was not judged`, at)];
    }
}
/**
 * What a TorchServe archive runs on load: its manifest's handler and the files it names, every Python member
 * (TorchServe puts the archive on sys.path, so any of them can be imported) parsed and judged, compiled modules
 * and the requirements TorchServe may pip-install. The other members are analysed by the zip reader as usual.
 */
function judgeMar(archive, members) {
    const at = { path: archive };
    const manifest = parseManifest(members.read.get(zip_archive/* MAR_MANIFEST */.Pl));
    const model = (0,bytes/* isRecord */.u4)(manifest) ? manifest.model : undefined;
    if (!(0,bytes/* isRecord */.u4)(model) || typeof model.handler !== 'string')
        return [(0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marManifest, `${zip_archive/* MAR_MANIFEST */.Pl} is missing, not JSON or names no model.handler; what the archive runs is unknown`, at)];
    const names = new Set(members.names);
    const out = judgeReferences(archive, model, names);
    const code = members.names.filter((n) => n.endsWith('.py'));
    if (code.length > 0)
        out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marHandler, `handler ${JSON.stringify(model.handler)} with ${code.length} Python member(s) (${code.slice(0, 5).join(', ')}) is imported by TorchServe when the model loads`, at));
    for (const name of members.names.filter((n) => COMPILED.test(n)))
        out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marCodeUnreadable, `${name} is compiled code Python can import; it cannot be read`, { path: `${archive}!/${name}` }));
    for (const name of code)
        out.push(...judgeCode(archive, name, members.read.get(name)));
    const requirements = typeof model.requirementsFile === 'string' ? model.requirementsFile : undefined;
    if (requirements && names.has(requirements)) {
        const raw = members.read.get(requirements);
        const wanted = new TextDecoder('utf-8')
            .decode(raw ?? new Uint8Array())
            .split(/\r?\n/)
            .map((l) => l.replace(/#.*/, '').trim())
            .filter((l) => l.length > 0);
        out.push((0,rules/* finding */.gk)(rules_breadth/* BREADTH_RULES */.d.marRequirements, raw === undefined
            ? `${requirements} asks TorchServe to pip-install its requirements (not read: not a .txt member or too large)`
            : `${requirements} asks TorchServe to pip-install ${wanted.length} requirement(s)${wanted.length ? ` (${wanted.slice(0, 5).join(', ')})` : ''}`, { path: `${archive}!/${requirements}` }, wanted.join('\n')));
    }
    return out;
}
//# sourceMappingURL=judge.js.map

/***/ })

};
