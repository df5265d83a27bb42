import { type Token, tokenize } from './tokenize.js';

/** What a Python source does that a model handler needs none of, with its line. */
export interface PythonFinding {
  /** `exec`: runs processes or code, loads pickles or native code, talks to the network; `obfuscated`: hides what it calls. */
  kind: 'exec' | 'obfuscated';
  what: string;
  line: number;
}

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
function dangerous(q: string): string | undefined {
  const parts = q.split('.');
  const head = parts[0] as string;
  const last = parts.at(-1) as string;
  if (CODE_LOADERS.has(q)) return `${q.replace(/^builtins\./, '')} runs code`;
  if (CODE_OBJECTS.has(q)) return undefined;
  if (PROCESS_MODULES.has(head) && parts.length === 2 && PROCESS_CALLS.test(last)) return `${q} runs a process`;
  if (head === 'pty' && parts.length === 2) return `${q} runs a process`;
  if (head === 'subprocess' && parts.length === 2) return `${q} runs a process`;
  if (q === 'asyncio.create_subprocess_exec' || q === 'asyncio.create_subprocess_shell') return `${q} runs a process`;
  if (DESERIALISERS.has(head) && /^(?:loads?|Unpickler|open|decode)$/.test(last)) return `${q} deserialises objects that run code`;
  if (head === 'ctypes' && parts.length >= 2) return `${q} loads native code`;
  if (
    NETWORK.has(q) ||
    (NETWORK_MODULES.has(head) &&
      parts.length === 2 &&
      /^(?:get|post|put|patch|delete|head|request|Session|Client|urlopen|PoolManager)$/.test(last))
  )
    return `${q} downloads or sends data over the network`;
  return undefined;
}

// `known`: the name was imported or is a builtin (not a local variable that happens to be called `os`).
type Value = { kind: 'ref'; q: string; known: boolean } | { kind: 'ns' } | { kind: 'other' };
const OTHER: Value = { kind: 'other' };

const isOp = (t: Token | undefined, v: string) => t?.kind === 'op' && t.value === v;

class Judge {
  readonly found: PythonFinding[] = [];
  private readonly aliases = new Map<string, string>();
  private readonly skip = new Set<number>();

  constructor(private readonly t: readonly Token[]) {}

  private report(kind: PythonFinding['kind'], what: string, line: number): void {
    if (!this.found.some((f) => f.line === line && f.what === what)) this.found.push({ kind, what, line });
  }

  run(): PythonFinding[] {
    this.imports();
    const { t } = this;
    for (let i = 0; i < t.length; i++) {
      const tok = t[i] as Token;
      if (tok.kind === 'string') for (const field of tok.fields) this.found.push(...new Judge(field).withAliases(this.aliases).run());
      if (isOp(tok, '.') && t[i + 1]?.kind === 'name' && GADGETS.has((t[i + 1] as Token).value))
        this.report('obfuscated', `.${(t[i + 1] as Token).value} reaches the interpreter's internals`, tok.line);
      if (tok.kind !== 'name' || this.skip.has(i) || isOp(t[i - 1], '.')) continue;
      const prev = t[i - 1];
      if (prev?.kind === 'name' && (prev.value === 'def' || prev.value === 'class')) continue;
      // `eval=True` (a keyword argument) or `compile = ...` (a rebinding) is not a use of the builtin.
      if (isOp(t[i + 1], '=')) continue;
      this.primary(i);
    }
    return this.found.sort((a, b) => a.line - b.line);
  }

  private withAliases(aliases: ReadonlyMap<string, string>): this {
    for (const [k, v] of aliases) this.aliases.set(k, v);
    return this;
  }

  /** `import a.b as c`, `from a import b as c`, `from a import *`: the names they bind, and dangerous modules. */
  private imports(): void {
    const { t } = this;
    for (let i = 0; i < t.length; i++) {
      const tok = t[i] as Token;
      if (tok.kind !== 'name' || (tok.value !== 'import' && tok.value !== 'from')) continue;
      if (tok.value === 'from') {
        let j = i + 1;
        let mod = '';
        while (isOp(t[j], '.') || isOp(t[j], '...') || t[j]?.kind === 'name') {
          if ((t[j] as Token).value === 'import') break;
          mod += (t[j] as Token).value;
          j++;
        }
        if (t[j]?.value !== 'import') continue;
        const names = this.nameList(j + 1);
        for (let k = i; k < names.end; k++) this.skip.add(k);
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
          if (why) this.report('exec', `imports ${q}: ${why}`, tok.line);
        }
        i = names.end - 1;
      } else {
        const names = this.nameList(i + 1, true);
        for (let k = i; k < names.end; k++) this.skip.add(k);
        for (const [name, as] of names.items) {
          // `import os.path` binds `os`; `import os.path as p` binds p to os.path.
          this.aliases.set(as, as === name ? (name.split('.')[0] as string) : name);
          this.moduleUse(name, tok.line);
        }
        i = names.end - 1;
      }
    }
  }

  private moduleUse(mod: string, line: number): void {
    const top = mod.split('.')[0] as string;
    if (DANGEROUS_MODULES.has(top) || mod === 'asyncio.subprocess') this.report('exec', `imports ${mod}`, line);
  }

  /** `a.b as c, d` (or parenthesised), up to the end of the statement. */
  private nameList(from: number, dotted = false): { items: [string, string][]; end: number } {
    const { t } = this;
    const items: [string, string][] = [];
    let j = from;
    const paren = isOp(t[j], '(');
    if (paren) j++;
    while (j < t.length) {
      const tok = t[j] as Token;
      if (tok.kind === 'newline' || isOp(tok, ';') || isOp(tok, ')')) break;
      if (isOp(tok, ',')) {
        j++;
        continue;
      }
      let name = tok.value;
      j++;
      while (dotted && isOp(t[j], '.') && t[j + 1]?.kind === 'name') {
        name += `.${(t[j + 1] as Token).value}`;
        j += 2;
      }
      let as = name;
      if (t[j]?.kind === 'name' && t[j]?.value === 'as') {
        as = (t[j + 1] as Token | undefined)?.value ?? name;
        j += 2;
      }
      items.push([name, as]);
    }
    if (paren && isOp(t[j], ')')) j++;
    return { items, end: j };
  }

  private resolveName(n: string): Value {
    const alias = this.aliases.get(n);
    if (alias !== undefined) return { kind: 'ref', q: alias, known: true };
    if (n === '__builtins__' || n === 'builtins') return { kind: 'ref', q: 'builtins', known: true };
    if (BUILTINS.has(n)) return { kind: 'ref', q: `builtins.${n}`, known: true };
    // An unimported name still resolves: `os.system` in a file that imports os some other way is still os.system.
    return { kind: 'ref', q: n, known: false };
  }

  /** The index of the bracket closing the one at `open`. */
  private close(open: number): number {
    let depth = 0;
    for (let j = open; j < this.t.length; j++) {
      const tok = this.t[j] as Token;
      if (tok.kind !== 'op') continue;
      if (tok.value === '(' || tok.value === '[' || tok.value === '{') depth++;
      else if (tok.value === ')' || tok.value === ']' || tok.value === '}') if (--depth === 0) return j;
    }
    return this.t.length;
  }

  /** Top-level comma-separated ranges [start, end) between `from` and `to`. */
  private args(from: number, to: number): [number, number][] {
    const out: [number, number][] = [];
    let start = from;
    for (let j = from; j < to; j++) {
      const tok = this.t[j] as Token;
      if (tok.kind === 'op' && (tok.value === '(' || tok.value === '[' || tok.value === '{')) j = this.close(j);
      else if (isOp(tok, ',')) {
        out.push([start, j]);
        start = j + 1;
      }
    }
    if (start < to) out.push([start, to]);
    return out;
  }

  /** A string built from literals only (`'sys' + 'tem'`, `'metsys'[::-1]`), and how many pieces it took. */
  private fold(range: [number, number] | undefined): { value: string; pieces: number } | undefined {
    if (!range) return undefined;
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
      const tok = this.t[j] as Token;
      if (tok.kind === 'string' && tok.fields.length === 0) {
        value += tok.value;
        pieces++;
        expectString = false;
      } else if (isOp(tok, '+') && !expectString) expectString = true;
      else return undefined;
    }
    if (pieces === 0 || expectString) return undefined;
    return { value: reverse ? [...value].reverse().join('') : value, pieces: pieces + (reverse ? 1 : 0) };
  }

  /** A name with its trailers (`.attr`, `(args)`, `[key]`), reporting what each step resolves to. */
  private primary(start: number): { value: Value; end: number } {
    const { t } = this;
    const head = t[start] as Token;
    let value = this.resolveName(head.value);
    this.check(value, head.line);
    let j = start + 1;
    for (;;) {
      const tok = t[j];
      if (isOp(tok, '.') && t[j + 1]?.kind === 'name') {
        const attr = (t[j + 1] as Token).value;
        value = value.kind === 'ref' ? { ...value, q: `${value.q}.${attr}` } : OTHER;
        this.check(value, (tok as Token).line);
        j += 2;
      } else if (isOp(tok, '(')) {
        const end = this.close(j);
        value = this.call(value, this.args(j + 1, end), (tok as Token).line);
        j = end + 1;
      } else if (isOp(tok, '[')) {
        const end = this.close(j);
        value = this.subscript(value, [j + 1, end], (tok as Token).line);
        j = end + 1;
      } else break;
    }
    return { value, end: j };
  }

  private check(value: Value, line: number): void {
    if (value.kind !== 'ref') return;
    const why = dangerous(value.q);
    if (why) this.report('exec', why, line);
    if (CODE_OBJECTS.has(value.q)) this.report('obfuscated', `${value.q} builds a code object by hand`, line);
  }

  /** The value of a range that is exactly one primary (`os`, `__import__('os')`), else unknown. */
  private valueOf(range: [number, number] | undefined): Value {
    if (!range || this.t[range[0]]?.kind !== 'name') return OTHER;
    const p = this.primary(range[0]);
    return p.end === range[1] ? p.value : OTHER;
  }

  private call(callee: Value, args: [number, number][], line: number): Value {
    if (callee.kind !== 'ref') return OTHER;
    const q = callee.q;
    if (q === 'builtins.__import__' || q === 'importlib.import_module' || q === 'importlib.__import__') {
      const name = this.fold(args[0]);
      if (q === 'builtins.__import__') this.report('exec', '__import__ imports a module outside an import statement', line);
      if (!name) {
        this.report(
          q === 'builtins.__import__' ? 'obfuscated' : 'exec',
          `${q.replace(/^builtins\./, '')} imports a module named at run time`,
          line,
        );
        return OTHER;
      }
      if (name.pieces > 1) this.report('obfuscated', `imports ${JSON.stringify(name.value)} by a name built from pieces`, line);
      this.moduleUse(name.value, line);
      return { kind: 'ref', q: name.value, known: true };
    }
    if (q === 'builtins.getattr') {
      const target = this.valueOf(args[0]);
      const name = this.fold(args[1]);
      if (name && GADGETS.has(name.value)) this.report('obfuscated', `getattr reaches ${name.value}`, line);
      // getattr(self, 'post' + 'process') on a local object is ordinary dispatch; on a module it hides a call.
      if (target.kind === 'other' || (target.kind === 'ref' && !target.known)) return OTHER;
      const where = target.kind === 'ref' ? target.q : 'globals()';
      if (!name) {
        this.report('obfuscated', `getattr on ${where} with a name computed at run time`, line);
        return OTHER;
      }
      if (name.pieces > 1)
        this.report('obfuscated', `getattr on ${where} with a name built from pieces (${JSON.stringify(name.value)})`, line);
      const v: Value = target.kind === 'ref' ? { ...target, q: `${target.q}.${name.value}` } : this.resolveName(name.value);
      this.check(v, line);
      return v;
    }
    if (q === 'builtins.globals' || q === 'builtins.locals' || (q === 'builtins.vars' && args.length === 0)) return { kind: 'ns' };
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
      if (decoded || reversed) this.report('obfuscated', `${q.slice('builtins.'.length)} runs code decoded at run time`, line);
    }
    return OTHER;
  }

  private subscript(target: Value, range: [number, number], line: number): Value {
    const namespace =
      target.kind === 'ns' || (target.kind === 'ref' && target.known && (target.q === 'builtins' || target.q.endsWith('__dict__')));
    const modules = target.kind === 'ref' && target.q === 'sys.modules';
    if (!namespace && !modules) return OTHER;
    const key = this.fold(range);
    const where = target.kind === 'ref' ? target.q : 'globals()';
    if (!key) {
      this.report('obfuscated', `${where}[...] looks a name up by a key computed at run time`, line);
      return OTHER;
    }
    if (key.pieces > 1) this.report('obfuscated', `${where}[...] looks up ${JSON.stringify(key.value)} by a key built from pieces`, line);
    let v: Value;
    if (modules) v = { kind: 'ref', q: key.value, known: true };
    else if (target.kind === 'ref' && target.q.endsWith('.__dict__') && target.q !== 'builtins.__dict__')
      v = { ...target, q: `${target.q.slice(0, -'.__dict__'.length)}.${key.value}` };
    else v = this.resolveName(key.value);
    this.check(v, line);
    return v;
  }
}

/**
 * The dangerous imports and calls of a Python source, with line numbers, from its tokens: a name inside a string
 * or comment is not a call, and a call reached through getattr, __import__, globals() or sys.modules is resolved
 * (or, when its name is computed, reported as obfuscation). Throws where the source does not tokenize.
 */
export function judgePython(source: string): PythonFinding[] {
  return new Judge(tokenize(source)).run();
}
