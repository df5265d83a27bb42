/** A tiny pickle assembler for the corpus and the fuzzer: opcodes as the pickle module defines them, as bytes. */
const te = new TextEncoder();

export type Op = Uint8Array | number[] | string;

function le(n: number, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) => Math.floor(n / 256 ** i) % 256);
}

export function concat(...parts: Op[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? te.encode(p) : p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

export const op = {
  proto: (n: number) => [0x80, n],
  frame: (n: number) => [0x95, ...le(n, 8)],
  global: (module: string, name: string) => `c${module}\n${name}\n`,
  inst: (module: string, name: string) => `i${module}\n${name}\n`,
  unicode: (s: string) => {
    const b = te.encode(s);
    return b.length < 256 ? concat([0x8c, b.length], b) : concat([0x58, ...le(b.length, 4)], b);
  },
  string: (quoted: string) => `S${quoted}\n`,
  bytes: (b: Uint8Array) => (b.length < 256 ? concat([0x43, b.length], b) : concat([0x42, ...le(b.length, 4)], b)),
  int: (text: string) => `I${text}\n`,
  long: (text: string) => `L${text}\n`,
  binint1: (n: number) => [0x4b, n],
  stackGlobal: [0x93],
  mark: '(',
  tuple: 't',
  tuple1: [0x85],
  tuple2: [0x86],
  emptyTuple: ')',
  emptyDict: '}',
  reduce: 'R',
  build: 'b',
  obj: 'o',
  newobj: [0x81],
  newobjEx: [0x92],
  memoize: [0x94],
  binput: (n: number) => [0x71, n],
  binget: (n: number) => [0x68, n],
  pop: '0',
  none: 'N',
  ext1: (n: number) => [0x82, n],
  stop: '.',
};

/** `module.name(*args)` at protocol 4: STACK_GLOBAL, the arguments as a tuple, REDUCE. */
export function call4(module: string, name: string, ...args: Op[]): Uint8Array {
  return concat(op.unicode(module), op.unicode(name), op.stackGlobal, op.mark, ...args, op.tuple, op.reduce);
}

/** A whole protocol-4 pickle of one call. */
export function pickle4(module: string, name: string, ...args: Op[]): Uint8Array {
  return concat(op.proto(4), call4(module, name, ...args), op.stop);
}

/** A whole protocol-0 pickle of one call (GLOBAL + MARK + args + TUPLE + REDUCE). */
export function pickle0(module: string, name: string, ...args: Op[]): Uint8Array {
  return concat(op.global(module, name), op.mark, ...args, op.tuple, op.reduce, op.stop);
}
