import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { type Cursor, cursor } from '../shared/cursor.js';
import { malformed, overLimit } from '../shared/errors.js';
import { judgedFormat } from '../shared/judged.js';
import { sniffTorch7 } from './sniff.js';

// torch7 File.lua: object type tags.
const NIL = 0;
const NUMBER = 1;
const STRING = 2;
const TABLE = 3;
const TORCH = 4;
const BOOLEAN = 5;
const FUNCTION = 6;
const LEGACY_RECUR_FUNCTION = 7;
const RECUR_FUNCTION = 8;
const TRUSTED = /^(torch|nn|cudnn|cunn|nngraph|optim)\./;
const STORAGE_SIZE: Record<string, number> = {
  Byte: 1,
  Char: 1,
  Short: 2,
  Int: 4,
  Long: 8,
  Float: 4,
  Double: 8,
  Half: 2,
  Cuda: 4,
  CudaHalf: 2,
  CudaDouble: 8,
};
const MAX_DEPTH = 1000;
const MAX_STRING = 64 << 20;

interface Seen {
  functions: number;
  classes: Set<string>;
  refs: Set<number>;
}

async function string(c: Cursor): Promise<string> {
  const n = await c.i32();
  if (n < 0 || n > MAX_STRING) throw malformed(`string length ${n}`);
  return new TextDecoder('latin1').decode(await c.bytes(n));
}

/** torch.*Tensor (ndim, sizes, strides, offset, storage) and torch.*Storage (size, raw data) as torch7's C code writes them. */
async function readTorchBody(c: Cursor, cls: string, seen: Seen, depth: number): Promise<void> {
  const tensor = /^torch\.(Cuda)?(\w*)Tensor$/.exec(cls);
  if (tensor) {
    const ndim = await c.i32();
    if (ndim < 0 || ndim > 64) throw malformed(`tensor ndim ${ndim}`);
    c.skip(16 * ndim + 8);
    return readObject(c, seen, depth + 1);
  }
  const storage = /^torch\.(Cuda)?(\w*)Storage$/.exec(cls);
  if (storage) {
    const kind = storage[1] && !storage[2] ? 'Cuda' : (storage[2] ?? '');
    const size = STORAGE_SIZE[kind];
    if (size === undefined) throw malformed(`unknown storage ${cls}`);
    c.skip((await c.i64()) * size);
    return;
  }
  return readObject(c, seen, depth + 1);
}

async function readObject(c: Cursor, seen: Seen, depth: number): Promise<void> {
  if (depth > MAX_DEPTH) throw overLimit(`objects nested deeper than ${MAX_DEPTH}`);
  const type = await c.i32();
  if (type === NIL) return;
  if (type === NUMBER) return c.skip(8);
  if (type === BOOLEAN) return c.skip(4);
  if (type === STRING) return void (await string(c));
  if (type === FUNCTION) {
    seen.functions++;
    await string(c);
    return readObject(c, seen, depth + 1);
  }
  if (type !== TABLE && type !== TORCH && type !== RECUR_FUNCTION && type !== LEGACY_RECUR_FUNCTION)
    throw malformed(`unknown object type ${type} at ${c.offset() - 4}`);
  const index = await c.i32();
  if (seen.refs.has(index)) return;
  seen.refs.add(index);
  if (type === RECUR_FUNCTION || type === LEGACY_RECUR_FUNCTION) {
    seen.functions++;
    await string(c);
    return readObject(c, seen, depth + 1);
  }
  if (type === TORCH) {
    const version = await string(c);
    const cls = /^V \d+$/.test(version) ? await string(c) : version;
    seen.classes.add(cls);
    return readTorchBody(c, cls, seen, depth);
  }
  const size = await c.i32();
  if (size < 0) throw malformed(`table size ${size}`);
  for (let i = 0; i < size; i++) {
    await readObject(c, seen, depth + 1);
    await readObject(c, seen, depth + 1);
  }
}

/** Torch7 (.t7): serialized Lua functions and class names outside torch/nn judged; tensor data is skipped. */
export const torch7Analyser: FormatAnalyser = {
  format: 'torch7',
  sniff: sniffTorch7,
  analyse: ({ source }) =>
    judgedFormat('torch7', R.t7Unreadable, source, async () => {
      const c = cursor(source);
      const seen: Seen = { functions: 0, classes: new Set(), refs: new Set() };
      await readObject(c, seen, 0);
      if (!c.done()) throw malformed('bytes follow the serialized object');
      const at = { path: source.name };
      const findings: Finding[] = [];
      if (seen.functions > 0)
        findings.push(finding(R.t7Function, `${seen.functions} serialized Lua function(s) are loaded with loadstring`, at));
      for (const cls of seen.classes)
        if (!TRUSTED.test(cls)) findings.push(finding(R.t7Class, `class ${cls} is constructed and its read method runs`, at, cls));
      return { findings, metadata: { framework: 'torch7' } };
    }),
};
