import { malformed, overLimit } from '../shared/errors.js';

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
} as const;

const SINGLETONS = new Set<number>([T.NILVALUE, T.EMPTYENV, T.BASEENV, T.GLOBALENV, T.UNBOUNDVALUE, T.MISSINGARG, T.BASENAMESPACE]);
const PAIRLISTS = new Set<number>([T.LIST, T.LANG, T.CLO, T.PROM, T.DOT, T.ATTRLANG, T.ATTRLIST]);
const MAX_DEPTH = 3000;

/** The little of an R object the judge needs: symbols by name, pairlist cells with their head, everything else opaque. */
export type RValue = { sym: string } | { cell: number; tag: RValue | undefined; car: RValue; cdr: RValue } | { other: number };

/** What the reader met that can run code; the judge decides what it means. */
export interface RObserver {
  promise(offset: number): void;
  closure(kind: 'closure' | 'bytecode', offset: number): void;
  call(fn: string, offset: number): void;
  altrep(cls: string, pkg: string, offset: number): void;
  binding(name: string, value: RValue, offset: number): void;
}

const NIL: RValue = { other: T.NIL };

/** The function a call cell names: `f(...)`, `pkg::f(...)`, `pkg:::f(...)`. */
export function calledName(car: RValue): string | undefined {
  if ('sym' in car) return car.sym;
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
export class RReader {
  private off: number;
  private readonly view: DataView;
  private readonly refs: RValue[] = [];
  private depth = 0;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly seen: RObserver,
  ) {
    this.off = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Header (`X\n`, versions, native encoding) then the one top-level object. */
  read(): RValue {
    if (this.bytes[this.off] !== 0x58) throw malformed('only the XDR serialization is read');
    this.off += 2;
    const version = this.int();
    this.int();
    this.int();
    if (version === 3) this.skip(this.int());
    else if (version !== 2) throw malformed(`serialization format ${version} is not 2 or 3`);
    const top = this.item();
    if (this.off !== this.bytes.length) throw malformed(`${this.bytes.length - this.off} bytes follow the serialized object`);
    return top;
  }

  private int(): number {
    if (this.off + 4 > this.bytes.length) throw malformed(`truncated at offset ${this.off}`);
    const v = this.view.getInt32(this.off, false);
    this.off += 4;
    return v;
  }

  private skip(n: number): void {
    if (n < 0 || this.off + n > this.bytes.length) throw malformed(`truncated: ${n} bytes wanted at offset ${this.off}`);
    this.off += n;
  }

  private length(): number {
    const n = this.int();
    if (n !== -1) {
      if (n < 0) throw malformed(`negative length at offset ${this.off}`);
      return n;
    }
    return this.int() * 2 ** 32 + (this.int() >>> 0);
  }

  private string(n: number): string {
    const at = this.off;
    this.skip(n);
    return new TextDecoder('utf-8').decode(this.bytes.subarray(at, at + n));
  }

  private ref(v: RValue): RValue {
    this.refs.push(v);
    return v;
  }

  private item(): RValue {
    if (++this.depth > MAX_DEPTH) throw overLimit(`objects nested deeper than ${MAX_DEPTH}`);
    try {
      return this.body(this.int());
    } finally {
      this.depth--;
    }
  }

  private stringVec(): void {
    if (this.int() !== 0) throw malformed('string vector without its leading zero');
    for (let n = this.int(); n > 0; n--) this.item();
  }

  private body(flags: number): RValue {
    const at = this.off - 4;
    const type = flags & 0xff;
    const hasAttr = (flags & (1 << 9)) !== 0;
    const hasTag = (flags & (1 << 10)) !== 0;
    if (SINGLETONS.has(type)) return { other: type };
    switch (type) {
      case T.REF: {
        const i = flags >> 8 || this.int();
        const v = this.refs[i - 1];
        if (!v) throw malformed(`reference ${i} before its object at offset ${at}`);
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
        for (let i = 0; i < 4; i++) this.item();
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
    if (PAIRLISTS.has(type)) return this.pairlist(flags, at);
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
        for (let n = this.length(); n > 0; n--) this.item();
        break;
      case T.BCODE:
        this.seen.closure('bytecode', at);
        this.bytecode(new Array<RValue>(Math.max(0, this.int())));
        break;
      case T.S4:
        break;
      default:
        throw malformed(`unknown SEXP type ${type} at offset ${at}`);
    }
    if (hasAttr) this.item();
    if (hasTag) throw malformed(`a tag on a non-pairlist at offset ${at}`);
    return { other: type };
  }

  // Pairlists are read cell by cell along the CDR (as R does) so a long list is not a deep recursion.
  private pairlist(flags: number, at: number): RValue {
    const head: { cell: number; tag: RValue | undefined; car: RValue; cdr: RValue } = { cell: 0, tag: undefined, car: NIL, cdr: NIL };
    let last = head;
    let f = flags;
    let where = at;
    for (;;) {
      const type = f & 0xff;
      const cell = {
        cell: type === T.ATTRLANG ? T.LANG : type === T.ATTRLIST ? T.LIST : type,
        tag: undefined as RValue | undefined,
        car: NIL,
        cdr: NIL,
      };
      if ((f & (1 << 9)) !== 0 || type === T.ATTRLANG || type === T.ATTRLIST) this.item();
      if ((f & (1 << 10)) !== 0) cell.tag = this.item();
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

  private observe(cell: { cell: number; tag: RValue | undefined; car: RValue }, at: number): void {
    if (cell.cell === T.PROM) this.seen.promise(at);
    if (cell.cell === T.CLO) this.seen.closure('closure', at);
    if (cell.cell === T.LANG) {
      const fn = calledName(cell.car);
      if (fn !== undefined) this.seen.call(fn, at);
    }
    if (cell.cell === T.LIST && cell.tag && 'sym' in cell.tag) this.seen.binding(cell.tag.sym, cell.car, at);
  }

  private bytecode(reps: RValue[]): void {
    this.item();
    for (let n = this.int(); n > 0; n--) {
      const type = this.int();
      if (type === T.BCODE) this.bytecode(reps);
      else if ([T.LANG, T.LIST, T.BCREPDEF, T.BCREPREF, T.ATTRLANG, T.ATTRLIST].includes(type as 2)) this.bcLang(type, reps);
      else this.item();
    }
  }

  private bcLang(kind: number, reps: RValue[]): RValue {
    if (++this.depth > MAX_DEPTH) throw overLimit(`byte code nested deeper than ${MAX_DEPTH}`);
    try {
      let type = kind;
      if (type === T.BCREPREF) return reps[this.int()] ?? NIL;
      if (![T.BCREPDEF, T.LANG, T.LIST, T.ATTRLANG, T.ATTRLIST].includes(type as 2)) return this.item();
      const at = this.off;
      let pos = -1;
      if (type === T.BCREPDEF) {
        pos = this.int();
        type = this.int();
      }
      const cell = {
        cell: type === T.ATTRLANG ? T.LANG : type === T.ATTRLIST ? T.LIST : type,
        tag: undefined as RValue | undefined,
        car: NIL,
        cdr: NIL,
      };
      if (pos >= 0) reps[pos] = cell;
      if (type === T.ATTRLANG || type === T.ATTRLIST) this.item();
      cell.tag = this.item();
      cell.car = this.bcLang(this.int(), reps);
      cell.cdr = this.bcLang(this.int(), reps);
      this.observe(cell, at);
      return cell;
    } finally {
      this.depth--;
    }
  }
}
