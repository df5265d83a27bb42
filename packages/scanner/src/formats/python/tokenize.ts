import { malformed } from '../shared/errors.js';

/**
 * A Python token. Strings carry their decoded value (for folding `'sys' + 'tem'`) and, for f-strings, the token
 * streams of their replacement fields (code that runs when the string is built). Comments are dropped; NEWLINE
 * ends a logical line (never inside brackets or after a backslash continuation).
 */
export type Token =
  | { kind: 'name' | 'number' | 'op' | 'newline'; value: string; line: number }
  | { kind: 'string'; value: string; line: number; fields: Token[][] };

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
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const NAME_START = /[\p{L}\p{Nl}_\u1885\u1886\u2118\u212e\u309b\u309c]/u;
const NAME_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_\u00b7\u0387\u1369-\u1371\u19da]/u;
const NUMBER = /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d[\d_]*)?[jJ]?|\d[\d_]*\.)/y;
// A Python file this large is not a handler; the cap also bounds the f-string recursion below.
const MAX_SOURCE = 16 << 20;
const MAX_NESTING = 100;

const SIMPLE_ESCAPES: Record<string, string> = {
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
function pythonEscapes(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|\r?\n|[\s\S])/g, (m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCodePoint(Number.parseInt(e, 8));
    if (e === '\n' || e === '\r\n') return '';
    return SIMPLE_ESCAPES[e] ?? m;
  });
}

class Tokenizer {
  private i = 0;
  private line = 1;
  readonly tokens: Token[] = [];
  private readonly brackets: string[] = [];

  constructor(
    private readonly src: string,
    private readonly depth: number,
    private readonly end = src.length,
  ) {}

  private fail(what: string): never {
    throw malformed(`line ${this.line}: ${what}`);
  }

  run(startLine: number): Token[] {
    this.line = startLine;
    const { src } = this;
    while (this.i < this.end) {
      const c = src[this.i] as string;
      if (c === '\n' || c === '\r') {
        this.i += c === '\r' && src[this.i + 1] === '\n' ? 2 : 1;
        if (this.brackets.length === 0 && this.tokens.length > 0 && this.tokens.at(-1)?.kind !== 'newline')
          this.tokens.push({ kind: 'newline', value: '\n', line: this.line });
        this.line++;
      } else if (c === ' ' || c === '\t' || c === '\f') this.i++;
      else if (c === '\\') {
        const next = src[this.i + 1];
        if (next !== '\n' && next !== '\r') this.fail('a backslash outside a string does not end the line');
        this.i += next === '\r' && src[this.i + 2] === '\n' ? 3 : 2;
        this.line++;
      } else if (c === '#') {
        while (this.i < this.end && src[this.i] !== '\n' && src[this.i] !== '\r') this.i++;
      } else if (c === '"' || c === "'") this.string('');
      else if (NAME_START.test(c) || c.charCodeAt(0) > 0x7f) this.nameOrPrefixedString();
      else if (/\d/.test(c) || (c === '.' && /\d/.test(src[this.i + 1] ?? ''))) {
        NUMBER.lastIndex = this.i;
        const m = NUMBER.exec(src);
        if (!m || m[0].length === 0) this.fail('a malformed number');
        this.tokens.push({ kind: 'number', value: m[0], line: this.line });
        this.i += m[0].length;
      } else this.operator();
    }
    if (this.brackets.length > 0) this.fail(`${this.brackets.length} bracket(s) never closed`);
    return this.tokens;
  }

  private nameOrPrefixedString(): void {
    const { src } = this;
    const start = this.i;
    // A surrogate pair is one character of a name.
    const charAt = (at: number) => String.fromCodePoint(src.codePointAt(at) ?? 0);
    const first = charAt(this.i);
    if (!NAME_START.test(first)) this.fail(`character ${JSON.stringify(first)} cannot start a name`);
    this.i += first.length;
    while (this.i < this.end) {
      const ch = charAt(this.i);
      if (!NAME_PART.test(ch)) break;
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

  private operator(): void {
    const { src } = this;
    const op = OPERATORS.find((o) => src.startsWith(o, this.i));
    if (!op) this.fail(`unexpected character ${JSON.stringify(src[this.i])}`);
    if (op === '(' || op === '[' || op === '{') this.brackets.push(op);
    const open = CLOSE[op];
    if (open !== undefined && this.brackets.pop() !== open) this.fail(`${JSON.stringify(op)} closes nothing that is open`);
    this.tokens.push({ kind: 'op', value: op, line: this.line });
    this.i += op.length;
  }

  /** A string literal starting at the quote under `this.i`; f-string fields are tokenized as code. */
  private string(prefix: string): void {
    const { src } = this;
    const q = src[this.i] as string;
    const triple = src.startsWith(q.repeat(3), this.i);
    const quote = triple ? q.repeat(3) : q;
    const raw = prefix.includes('r');
    const formatted = prefix.includes('f') || prefix.includes('t');
    const line = this.line;
    const fields: Token[][] = [];
    let j = this.i + quote.length;
    const bodyStart = j;
    for (;;) {
      if (j >= this.end) this.fail('a string never ends');
      const ch = src[j] as string;
      if (ch === '\\') {
        if (src[j + 1] === '\n') this.line++;
        j += 2;
      } else if (src.startsWith(quote, j)) break;
      else if (ch === '\n' || ch === '\r') {
        if (!triple) this.fail('a string runs past the end of its line');
        if (!(ch === '\r' && src[j + 1] === '\n')) this.line++;
        j++;
      } else if (formatted && ch === '{') {
        if (src[j + 1] === '{') j += 2;
        else j = this.field(j + 1, fields);
      } else j++;
    }
    const body = src.slice(bodyStart, j);
    this.i = j + quote.length;
    this.tokens.push({ kind: 'string', value: raw ? body : pythonEscapes(body), line, fields });
  }

  /** One replacement field `{expr!r:spec}` from just after its `{`; returns the index after its `}`. */
  private field(from: number, fields: Token[][]): number {
    if (this.depth >= MAX_NESTING) this.fail('f-strings nested too deeply');
    const { src } = this;
    let j = from;
    let depth = 0;
    const startLine = this.line;
    // The expression ends at a top-level `!` (not `!=`), `:` or `}`; strings inside it are skipped whole.
    for (;;) {
      if (j >= this.end) this.fail('an f-string field never closes');
      const ch = src[j] as string;
      if (ch === '"' || ch === "'") {
        j = this.skipString(j);
        continue;
      }
      if (ch === '\n') this.line++;
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (depth > 0 && (ch === ')' || ch === ']' || ch === '}')) depth--;
      else if (depth === 0 && (ch === '}' || ch === ':' || (ch === '!' && src[j + 1] !== '='))) break;
      j++;
    }
    fields.push(new Tokenizer(src, this.depth + 1, j).runFrom(from, startLine));
    if (src[j] === '!') j += 2;
    if (src[j] === ':')
      for (j++; ; ) {
        if (j >= this.end) this.fail('an f-string format spec never closes');
        if (src[j] === '}') break;
        j = src[j] === '{' ? this.field(j + 1, fields) : j + 1;
      }
    if (src[j] !== '}') this.fail('an f-string field is malformed');
    return j + 1;
  }

  private runFrom(from: number, line: number): Token[] {
    this.i = from;
    return this.run(line);
  }

  /** The index after a string literal inside an f-string field (a quick scan: the field is tokenized later). */
  private skipString(at: number): number {
    const { src } = this;
    const q = src[at] as string;
    const quote = src.startsWith(q.repeat(3), at) ? q.repeat(3) : q;
    let j = at + quote.length;
    while (!src.startsWith(quote, j)) {
      if (j >= this.end) this.fail('a string inside an f-string never ends');
      j += src[j] === '\\' ? 2 : 1;
    }
    return j + quote.length;
  }
}

/** The tokens of a Python source; throws a malformed-format error where Python's own tokenizer would fail. */
export function tokenize(src: string): Token[] {
  if (src.length > MAX_SOURCE) throw malformed(`${src.length} characters is above the ${MAX_SOURCE}-character cap`);
  return new Tokenizer(src, 0).run(1);
}
