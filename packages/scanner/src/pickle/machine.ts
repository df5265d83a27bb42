import type { Finding } from '@trustgate/core/base';
import { finding, RULES, type ScannerRule } from '../rules.js';
import { type GlobalsPolicy, judgeGlobal, NESTED_LOADERS } from './globals-policy.js';
import { PickleError } from './error.js';
import { NeedBytes, type PickleInput, PickleTruncated } from './input.js';
import { HIGHEST_PROTOCOL, OPCODES } from './opcodes.js';
import { decodeEscapedString, decodeRawUnicodeEscape, decodeUtf8, latin1 } from './strings.js';
import {
  BUFFER,
  EMPTY_TUPLE,
  globalName,
  int,
  LIST,
  NONE,
  PERSISTENT,
  SCALAR,
  SET,
  str,
  TRACKED_ITEMS,
  tuple,
  UNKNOWN,
  type Value,
} from './values.js';

export interface MachineLimits {
  maxOpcodes: number;
  /** Stack plus memo entries; bounds memory on hostile streams. */
  maxItems: number;
}

export const DEFAULT_MACHINE_LIMITS: MachineLimits = { maxOpcodes: 50_000_000, maxItems: 4_000_000 };

/** Called after each BUILD; joblib uses it to step over the array bytes it writes into the stream. */
export type BuildHook = (target: Value, machine: PickleMachine) => Promise<void>;

export interface MachineOptions {
  policy: GlobalsPolicy;
  limits: MachineLimits;
  /** Display path for finding locations. */
  path: string;
  onBuild?: BuildHook;
  /** Sees each BINPERSID id (legacy torch sizes its raw storages from them). */
  onPersistentId?: (pid: Value) => void;
  /** Shared across pickles of one file so a global is reported once. */
  findings?: FindingSink;
}

/** A call that hands a value from the pickle to a loader (`torch.storage._load_from_bytes(b)`, `pickle.loads(b)`). */
export interface NestedCall {
  loader: string;
  arg: Value | undefined;
  at: number;
}

// Loaders whose argument is itself a file to analyse; all but NESTED_LOADERS are unsafe on their own too.
const LOADERS = new Set([
  ...NESTED_LOADERS,
  'pickle.loads',
  '_pickle.loads',
  'cPickle.loads',
  'pickle._loads',
  'dill.loads',
  'dill._dill.loads',
  'cloudpickle.loads',
  'torch.load',
  'torch.serialization.load',
  'joblib.load',
  'joblib.numpy_pickle.load',
  'numpy.load',
  'marshal.loads',
]);
const MAX_NESTED_CALLS = 64;

/** Collects findings, one per (rule, subject), keeping the first offset and counting repeats. */
export class FindingSink {
  readonly findings: Finding[] = [];
  readonly nested: NestedCall[] = [];
  readonly globals = new Map<string, number>();
  private seen = new Map<string, Finding>();
  private counts = new Map<string, number>();
  opcodes = 0;

  add(rule: ScannerRule, key: string, message: string, path: string, offset: number, evidence?: string): void {
    const id = `${rule.id}\u0000${key}`;
    const n = (this.counts.get(id) ?? 0) + 1;
    this.counts.set(id, n);
    const prior = this.seen.get(id);
    if (prior) {
      prior.evidence = `${n} occurrences`;
      return;
    }
    const f = finding(rule, message, { path, offset }, evidence);
    this.seen.set(id, f);
    this.findings.push(f);
  }
}

const MAX_LINE = 1 << 20;
const STOP = 0x2e;
// Memo indices below this live in an array (writers number them densely from 0); others in a map.
const DENSE_MEMO = 1 << 22;
const MAX_KEPT_STRING = 4096;

/**
 * Simulates the unpickler over one pickle (up to STOP) without executing anything: a stack, the mark stack and
 * the memo, with every GLOBAL / STACK_GLOBAL / INST resolved and judged, and every call site checked.
 * Throws PickleError on anything the real unpickler would reject, or on limits; findings made before the
 * break stay in the sink (the nullifAI case: a payload runs before the stream breaks).
 */
export class PickleMachine {
  readonly sink: FindingSink;
  private stack: Value[] = [];
  private marks: number[] = [];
  private memoDense: (Value | undefined)[] = [];
  private memoSparse = new Map<number, Value>();
  private memoSize = 0;
  private frameEnd: number | null = null;
  private op = 0;
  // The limits as fields: they are checked after every opcode.
  private readonly maxOpcodes: number;
  private readonly maxItems: number;
  proto = 0;

  constructor(
    readonly input: PickleInput,
    readonly options: MachineOptions,
  ) {
    this.sink = options.findings ?? new FindingSink();
    this.maxOpcodes = options.limits.maxOpcodes;
    this.maxItems = options.limits.maxItems;
  }

  /** A pickle read from the same stream in the middle of this one (joblib object arrays). */
  nested(): PickleMachine {
    return new PickleMachine(this.input, { ...this.options, findings: this.sink });
  }

  get inFrame(): boolean {
    return this.frameEnd !== null && this.input.pos < this.frameEnd;
  }

  /** Run to STOP; returns the unpickled value's description. */
  async run(): Promise<Value> {
    const input = this.input;
    for (;;) {
      const at = input.pos;
      let result: Value | Promise<void> | undefined;
      try {
        result = this.step(at);
      } catch (e) {
        if (e instanceof PickleTruncated) throw new PickleError(e.message, at);
        if (!(e instanceof NeedBytes)) throw e;
        // Opcodes read all their arguments before changing any state, so one can be re-run after a refill.
        input.pos = at;
        if (!(await input.ensure(e.n))) throw new PickleError('stream ends inside an argument (truncated pickle)', at);
        continue;
      }
      if (result === undefined) continue;
      if (result instanceof Promise) await result;
      else return result;
    }
  }

  /** One opcode, synchronously; a Promise only for BUILD hooks that read ahead (joblib). */
  private step(at: number): Value | Promise<void> | undefined {
    const input = this.input;
    if (this.frameEnd !== null && at >= this.frameEnd) this.frameEnd = null;
    input.need(1, 'the stream before STOP');
    const code = input.at(0);
    const op = OPCODES[code];
    if (!op) throw new PickleError(`invalid opcode 0x${code.toString(16).padStart(2, '0')}`, at);
    const fixed = op.fixed;
    if (fixed > 0) input.need(1 + fixed, op.argument);
    if (this.frameEnd !== null) this.checkFrame(at, 1 + fixed, op.name);
    this.op = at;
    const arg = this.fixedArg(op.arg);
    input.skip(1 + fixed);
    const result = code === STOP ? this.pop() : this.execute(code, op.name, op.arg, arg, at);
    if (++this.sink.opcodes > this.maxOpcodes) throw new PickleError(`more than ${this.maxOpcodes} opcodes`, at, RULES.limit);
    if (this.stack.length + this.memoSize > this.maxItems)
      throw new PickleError(`more than ${this.maxItems} stack and memo entries`, at, RULES.limit);
    return result;
  }

  // CPython 3.8+ rejects an opcode that straddles a frame end; older unpicklers read on across it, so the
  // analysis reads on too (what they would run is reported) and the straddle is a parse finding.
  private checkFrame(at: number, n: number, what: string): void {
    if (this.frameEnd !== null && at + n > this.frameEnd) {
      this.sink.add(
        RULES.parseError,
        'frame-straddle',
        `${what} straddles the end of a FRAME (CPython 3.8+ rejects this, older versions read on)`,
        this.options.path,
        at,
      );
      this.frameEnd = null;
    }
  }

  private fixedArg(kind: string): number {
    const i = this.input;
    switch (kind) {
      case 'u1':
      case 'bytes1':
        return i.at(1);
      case 'u2':
        return i.at(1) | (i.at(2) << 8);
      case 'i4':
      case 'bytes4signed':
        return i.at(1) | (i.at(2) << 8) | (i.at(3) << 16) | (i.at(4) << 24);
      case 'u4':
      case 'bytes4':
        return (i.at(1) | (i.at(2) << 8) | (i.at(3) << 16) | (i.at(4) << 24)) >>> 0;
      case 'u8':
      case 'bytes8': {
        const lo = (i.at(1) | (i.at(2) << 8) | (i.at(3) << 16) | (i.at(4) << 24)) >>> 0;
        const hi = (i.at(5) | (i.at(6) << 8) | (i.at(7) << 16) | (i.at(8) << 24)) >>> 0;
        return hi > 0x1fffff ? Number.MAX_SAFE_INTEGER : hi * 2 ** 32 + lo;
      }
      default:
        return 0;
    }
  }

  /** Counted data after the length prefix: kept when short and wanted, else skipped by seeking. */
  private counted(n: number, keep: boolean, at: number, name: string): Uint8Array | undefined {
    if (n < 0) throw new PickleError(`${name} has a negative length`, at);
    const i = this.input;
    if (i.pos + n > i.size) throw new PickleError(`stream ends inside the ${n}-byte argument of ${name} (truncated pickle)`, at);
    this.checkFrame(i.pos, n, name);
    if (keep && n <= MAX_KEPT_STRING) {
      i.need(n, name);
      // A view, not a copy: callers decode it before the buffer can be refilled.
      const out = i.view(n);
      i.skip(n);
      return out;
    }
    i.skip(n);
    return undefined;
  }

  /** A counted UTF-8 string decoded straight from the buffer (no view): most strings are short keys. */
  private countedText(n: number, at: number, name: string): string | undefined {
    if (n < 0 || n > MAX_KEPT_STRING) {
      this.counted(n, false, at, name);
      return undefined;
    }
    const i = this.input;
    if (i.pos + n > i.size) throw new PickleError(`stream ends inside the ${n}-byte argument of ${name} (truncated pickle)`, at);
    this.checkFrame(i.pos, n, name);
    i.need(n, name);
    const text = i.text(n);
    i.skip(n);
    return text;
  }

  private line(_at: number, name: string): Uint8Array {
    const start = this.input.pos;
    const bytes = this.input.lineSync(MAX_LINE, `the line argument of ${name}`);
    this.checkFrame(start, this.input.pos - start, name);
    return bytes;
  }

  private push(v: Value): void {
    this.stack.push(v);
  }

  private fence(): number {
    return this.marks.length > 0 ? (this.marks[this.marks.length - 1] as number) : 0;
  }

  private pop(): Value {
    if (this.stack.length <= this.fence()) throw new PickleError('unpickling stack underflow', this.op);
    return this.stack.pop() as Value;
  }

  private top(): Value {
    if (this.stack.length <= this.fence()) throw new PickleError('unpickling stack underflow', this.op);
    return this.stack[this.stack.length - 1] as Value;
  }

  private popMark(): Value[] {
    const m = this.marks.pop();
    if (m === undefined) throw new PickleError('could not find MARK', this.op);
    // slice and truncate: V8's splice is several times slower for the short runs pickles build.
    const items = this.stack.slice(m);
    this.stack.length = m;
    return items;
  }

  /** popMark for opcodes that do not keep the items (no array is made). */
  private dropMark(): void {
    const m = this.marks.pop();
    if (m === undefined) throw new PickleError('could not find MARK', this.op);
    this.stack.length = m;
  }

  private memoGet(idx: number): Value {
    const v = idx < DENSE_MEMO ? this.memoDense[idx] : this.memoSparse.get(idx);
    if (v === undefined) throw new PickleError(`memo key ${idx} was never stored (memo miss)`, this.op);
    return v;
  }

  private memoPut(idx: number): void {
    if (idx < 0) throw new PickleError('negative memo index', this.op);
    if (this.stack.length === 0) throw new PickleError('PUT with an empty stack', this.op);
    const v = this.stack[this.stack.length - 1] as Value;
    if (idx < DENSE_MEMO) {
      if (this.memoDense[idx] === undefined) this.memoSize++;
      while (this.memoDense.length < idx) this.memoDense.push(undefined);
      this.memoDense[idx] = v;
    } else {
      if (!this.memoSparse.has(idx)) this.memoSize++;
      this.memoSparse.set(idx, v);
    }
  }

  /** Judge an imported name and report it; returns the global value pushed on the stack. */
  private resolveGlobal(module: string, name: string, at: number): Value {
    const full = `${module}.${name}`;
    this.sink.globals.set(full, (this.sink.globals.get(full) ?? 0) + 1);
    const j = judgeGlobal(module, name, this.options.policy);
    if (j.verdict === 'unsafe') this.sink.add(RULES.dangerousGlobal, full, `imports ${full}: ${j.reason}`, this.options.path, at, full);
    else if (j.verdict === 'review')
      this.sink.add(RULES.unknownGlobal, full, `imports ${full}, which is not on the safe list`, this.options.path, at, full);
    return { k: 'global', module, name, full };
  }

  private dynamicGlobal(what: string, at: number): Value {
    this.sink.add(RULES.dynamicGlobal, what, `resolves a global from ${what}`, this.options.path, at);
    return UNKNOWN;
  }

  /** A call (REDUCE, OBJ, INST, NEWOBJ): the callee must be a plain global to be judged. */
  private call(callee: Value, args: Value | undefined, at: number, how: string): Value {
    const name = globalName(callee);
    if (name !== undefined && LOADERS.has(name) && this.sink.nested.length < MAX_NESTED_CALLS)
      this.sink.nested.push({ loader: name, arg: args?.k === 'tuple' ? args.items?.[0] : undefined, at });
    if (callee.k !== 'global') {
      const what = callee.k === 'obj' ? `the result of calling ${globalName(callee.callee) ?? 'a computed value'}` : `a ${callee.k} value`;
      this.sink.add(RULES.computedCall, `${how}:${what}`, `${how} calls ${what}, not an imported global`, this.options.path, at);
    }
    return { k: 'obj', callee, args, state: undefined };
  }

  /** Mutating an imported module, class or function rewires code (BUILD/SETITEM/APPEND onto a global). */
  private mutate(target: Value, how: string, at: number): void {
    const name = globalName(target);
    if (name)
      this.sink.add(RULES.attributeOverwrite, `${how}:${name}`, `${how} modifies the imported ${name} itself`, this.options.path, at, name);
  }

  // Dispatched on the opcode byte (a jump table; a switch over names compares strings one by one).
  private execute(code: number, name: string, kind: string, arg: number, at: number): Promise<void> | undefined {
    switch (code) {
      case 0x28: // MARK
        this.marks.push(this.stack.length);
        return;
      case 0x30: // POP
        if (this.marks.length > 0 && this.marks[this.marks.length - 1] === this.stack.length) this.marks.pop();
        else this.pop();
        return;
      case 0x31: // POP_MARK
        this.dropMark();
        return;
      case 0x32: // DUP
        this.push(this.top());
        return;
      case 0x46: // FLOAT
        parseFloatLine(this.line(at, name), at);
        this.push(SCALAR);
        return;
      case 0x47: // BINFLOAT
      case 0x88: // NEWTRUE
      case 0x89: // NEWFALSE
        this.push(SCALAR);
        return;
      case 0x49: // INT
      case 0x4c: // LONG
        this.push(int(parseIntLine(this.line(at, name), name, at)));
        return;
      case 0x4a: // BININT
      case 0x4b: // BININT1
      case 0x4d: // BININT2
        this.push(int(arg));
        return;
      case 0x8a: // LONG1
      case 0x8b: {
        // LONG4
        const b = this.counted(arg, true, at, name);
        this.push(int(b ? littleSigned(b) : undefined));
        return;
      }
      case 0x4e: // NONE
        this.push(NONE);
        return;
      case 0x50: // PERSID
        this.line(at, name);
        this.push(PERSISTENT);
        return;
      case 0x51: // BINPERSID
        this.options.onPersistentId?.(this.pop());
        this.push(PERSISTENT);
        return;
      case 0x52: {
        // REDUCE
        const args = this.pop();
        const callee = this.pop();
        this.push(this.call(callee, args, at, 'REDUCE'));
        return;
      }
      case 0x53: // STRING
        this.push(str(decodeEscapedString(this.line(at, name), at)));
        return;
      case 0x54: // BINSTRING
      case 0x55: {
        // SHORT_BINSTRING
        const b = this.counted(arg, true, at, name);
        this.push(str(b ? latin1(b) : undefined));
        return;
      }
      case 0x56: // UNICODE
        this.push(str(decodeRawUnicodeEscape(this.line(at, name))));
        return;
      case 0x58: // BINUNICODE
      case 0x8c: // SHORT_BINUNICODE
      case 0x8d: {
        // BINUNICODE8
        const from = this.input.pos;
        this.push({ k: 'str', v: this.countedText(arg, at, name), at: from, n: arg });
        return;
      }
      case 0x42: // BINBYTES
      case 0x43: // SHORT_BINBYTES
      case 0x8e: // BINBYTES8
      case 0x96: {
        // BYTEARRAY8
        const from = this.input.pos;
        this.counted(arg, false, at, name);
        this.push({ k: 'bytes', at: from, n: arg });
        return;
      }
      case 0x61: {
        // APPEND
        this.pop();
        this.mutate(this.top(), 'APPEND', at);
        return;
      }
      case 0x65: // APPENDS
      case 0x90: {
        // ADDITEMS
        this.dropMark();
        this.mutate(this.top(), name, at);
        return;
      }
      case 0x62: {
        // BUILD
        const state = this.pop();
        const target = this.top();
        this.mutate(target, 'BUILD', at);
        if (target.k === 'obj') target.state = state;
        return this.options.onBuild?.(target, this);
      }
      case 0x63: // GLOBAL
      case 0x69: {
        // INST
        const module = decodeUtf8(this.line(at, name));
        const attr = decodeUtf8(this.line(at, name));
        if (module === undefined || attr === undefined) {
          const g = this.dynamicGlobal(`a ${name} operand that is not valid UTF-8`, at);
          if (name === 'INST') this.dropMark();
          this.push(g);
          return;
        }
        const g = this.resolveGlobal(module, attr, at);
        if (name === 'INST') this.push(this.call(g, tuple(this.popMark()), at, 'INST'));
        else this.push(g);
        return;
      }
      case 0x93: {
        // STACK_GLOBAL
        const attr = this.pop();
        const module = this.pop();
        if (module.k === 'str' && attr.k === 'str' && module.v !== undefined && attr.v !== undefined)
          this.push(this.resolveGlobal(module.v, attr.v, at));
        else this.push(this.dynamicGlobal(`non-string or unknown operands (${module.k}, ${attr.k})`, at));
        return;
      }
      case 0x64: {
        // DICT
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new PickleError('DICT with an odd number of items', at);
        this.push(dictOf(items));
        return;
      }
      case 0x7d: // EMPTY_DICT
        this.push({ k: 'dict', entries: undefined, full: false });
        return;
      case 0x73: {
        // SETITEM
        const v = this.pop();
        const key = this.pop();
        const d = this.top();
        this.mutate(d, 'SETITEM', at);
        setEntries(d, [key, v]);
        return;
      }
      case 0x75: {
        // SETITEMS
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new PickleError('SETITEMS with an odd number of items', at);
        const d = this.top();
        this.mutate(d, 'SETITEMS', at);
        setEntries(d, items);
        return;
      }
      case 0x67: // GET
        this.push(this.memoGet(parseIntLine(this.line(at, name), name, at) ?? -1));
        return;
      case 0x68: // BINGET
      case 0x6a: // LONG_BINGET
        this.push(this.memoGet(arg));
        return;
      case 0x70: // PUT
        this.memoPut(parseIntLine(this.line(at, name), name, at) ?? -1);
        return;
      case 0x71: // BINPUT
      case 0x72: // LONG_BINPUT
        this.memoPut(arg);
        return;
      case 0x94: // MEMOIZE
        this.memoPut(this.memoSize);
        return;
      case 0x6c: // LIST
        this.dropMark();
        this.push(LIST);
        return;
      case 0x5d: // EMPTY_LIST
        this.push(LIST);
        return;
      case 0x74: // TUPLE
        this.push(tuple(this.popMark()));
        return;
      case 0x29: // EMPTY_TUPLE
        this.push(EMPTY_TUPLE);
        return;
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: {
        // TUPLE3
        const n = code - 0x84; // TUPLE1..TUPLE3 are 0x85..0x87
        const items: Value[] = new Array(n);
        for (let j = n - 1; j >= 0; j--) items[j] = this.pop();
        this.push(tuple(items));
        return;
      }
      case 0x8f: // EMPTY_SET
        this.push(SET);
        return;
      case 0x91: // FROZENSET
        this.dropMark();
        this.push(SET);
        return;
      case 0x6f: {
        // OBJ
        const items = this.popMark();
        const cls = items.shift();
        if (!cls) throw new PickleError('OBJ without a class', at);
        this.push(this.call(cls, tuple(items), at, 'OBJ'));
        return;
      }
      case 0x81: {
        // NEWOBJ
        const args = this.pop();
        const cls = this.pop();
        this.push(this.call(cls, args, at, 'NEWOBJ'));
        return;
      }
      case 0x92: {
        // NEWOBJ_EX
        this.pop();
        const args = this.pop();
        const cls = this.pop();
        this.push(this.call(cls, args, at, 'NEWOBJ_EX'));
        return;
      }
      case 0x80: // PROTO
        if (arg > HIGHEST_PROTOCOL) throw new PickleError(`unsupported pickle protocol ${arg}`, at);
        this.proto = arg;
        return;
      case 0x82: // EXT1
      case 0x83: // EXT2
      case 0x84: // EXT4
        this.sink.add(
          RULES.extension,
          `${name}:${arg}`,
          `${name} ${arg} imports a global through the copyreg extension registry`,
          this.options.path,
          at,
        );
        this.push(UNKNOWN);
        return;
      case 0x95: // FRAME
        if (this.frameEnd !== null && this.input.pos < this.frameEnd)
          throw new PickleError('a new FRAME begins before the end of the current frame', at);
        if (this.input.pos + arg > this.input.size) throw new PickleError('FRAME is longer than the rest of the stream', at);
        this.frameEnd = this.input.pos + arg;
        return;
      case 0x97: // NEXT_BUFFER
        this.push(BUFFER);
        return;
      case 0x98: // READONLY_BUFFER
        this.top();
        return;
      default:
        throw new PickleError(`opcode ${name} (${kind}) is not handled`, at);
    }
  }
}

function dictOf(items: Value[]): Value {
  const d: Value = { k: 'dict', entries: undefined, full: false };
  setEntries(d, items);
  return d;
}

/** Remember string-keyed entries while the dict is small (the map is made on first use: most dicts stay empty). */
function setEntries(d: Value, items: Value[]): void {
  if (d.k !== 'dict' || d.full) return;
  for (let j = 0; j + 1 < items.length; j += 2) {
    const key = items[j] as Value;
    if (key.k !== 'str' || key.v === undefined) continue;
    d.entries ??= new Map();
    if (d.entries.size >= TRACKED_ITEMS) {
      d.full = true;
      return;
    }
    d.entries.set(key.v, items[j + 1] as Value);
  }
}

// INT and LONG are read with int(text, 0) (base prefixes, underscores); GET and PUT with int(text).
const BASE0_INT = /^[+-]?(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|0(_?0)*|[1-9](_?\d)*)$/;
const BASE10_INT = /^[+-]?\d(_?\d)*$/;

function parseIntLine(b: Uint8Array, name: string, at: number): number | undefined {
  const raw = latin1(b).trim();
  const text = name === 'LONG' ? raw.replace(/L$/, '') : raw;
  // INT's "00" and "01" are protocol 0's False and True.
  const ok = name === 'INT' || name === 'LONG' ? BASE0_INT.test(text) || text === '01' : BASE10_INT.test(text);
  if (!ok) throw new PickleError(`${name} argument "${text.slice(0, 40)}" is not an integer`, at);
  const clean = text.replace(/_/g, '');
  const sign = clean.startsWith('-') ? -1 : 1;
  const body = clean.replace(/^[+-]/, '');
  const n = /^0[xXoObB]/.test(body) ? Number(body.toLowerCase()) : Number(body);
  return Number.isSafeInteger(n) ? sign * n : undefined;
}

function parseFloatLine(b: Uint8Array, at: number): void {
  const text = latin1(b).trim();
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|nan|infinity)$/i.test(text))
    throw new PickleError(`FLOAT argument "${text.slice(0, 40)}" is not a number`, at);
}

function littleSigned(b: Uint8Array): number | undefined {
  if (b.length === 0) return 0;
  if (b.length > 6) return undefined;
  let v = 0;
  for (let j = b.length - 1; j >= 0; j--) v = v * 256 + (b[j] as number);
  if ((b[b.length - 1] as number) & 0x80) v -= 256 ** b.length;
  return v;
}
