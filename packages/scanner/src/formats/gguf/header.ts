import { malformed, overLimit } from '../shared/errors.js';
import { decodeUtf8 } from '../shared/bytes.js';
import type { SequentialReader } from './reader.js';

/** Hard caps: beyond these a GGUF file is crafted, not large (llama.cpp's GGUF CVEs were all unchecked counts). */
export const GGUF_LIMITS = {
  kvCount: 1 << 16,
  tensorCount: 1 << 20,
  keyBytes: 1 << 16,
  stringBytes: 64 * 1024 * 1024,
  arrayCount: 1 << 26,
  arrayDepth: 2,
  dims: 8,
} as const;

/** Scalar strings up to this size are kept (chat templates); longer ones are only skipped. */
const KEEP_STRING_BYTES = 4 * 1024 * 1024;

export type GgufValue = string | number | bigint | boolean | { array: number; count: number } | undefined;

export interface GgufHeader {
  version: number;
  tensorCount: number;
  kv: Map<string, GgufValue>;
}

const KEPT_KEYS = /^(general\.|tokenizer\.chat_template|tokenizer\.ggml\.model$)/;

const SCALAR_BYTES: Readonly<Record<number, number>> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

async function count(r: SequentialReader, version: number, cap: number, what: string): Promise<number> {
  const n = version === 1 ? BigInt(await r.u32()) : await r.u64();
  if (n > BigInt(cap)) throw overLimit(`${what} ${n} exceeds the cap of ${cap}`);
  return Number(n);
}

export async function readString(r: SequentialReader, version: number, cap: number, keep: boolean): Promise<string | undefined> {
  const n = await count(r, version, cap, 'string length');
  if (!keep || n > KEEP_STRING_BYTES) {
    await r.skip(n);
    return undefined;
  }
  return decodeUtf8(await r.bytes(n), 'a GGUF string');
}

async function scalar(r: SequentialReader, type: number): Promise<GgufValue> {
  const bytes = await r.bytes(SCALAR_BYTES[type]!);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  switch (type) {
    case 0:
      return view.getUint8(0);
    case 1:
      return view.getInt8(0);
    case 2:
      return view.getUint16(0, true);
    case 3:
      return view.getInt16(0, true);
    case 4:
      return view.getUint32(0, true);
    case 5:
      return view.getInt32(0, true);
    case 6:
      return view.getFloat32(0, true);
    case 7:
      return view.getUint8(0) !== 0;
    case 10:
      return view.getBigUint64(0, true);
    case 11:
      return view.getBigInt64(0, true);
    default:
      return view.getFloat64(0, true);
  }
}

async function value(r: SequentialReader, version: number, type: number, depth: number, keep: boolean): Promise<GgufValue> {
  if (type in SCALAR_BYTES) return scalar(r, type);
  if (type === STRING) return readString(r, version, GGUF_LIMITS.stringBytes, keep);
  if (type !== ARRAY) throw malformed(`unknown metadata value type ${type}`);
  if (depth >= GGUF_LIMITS.arrayDepth) throw overLimit(`arrays nested deeper than ${GGUF_LIMITS.arrayDepth}`);
  const itemType = await r.u32();
  const n = await count(r, version, GGUF_LIMITS.arrayCount, 'array length');
  const size = SCALAR_BYTES[itemType];
  if (size !== undefined) await r.skip(n * size);
  else for (let i = 0; i < n; i++) await value(r, version, itemType, depth + 1, false);
  return { array: itemType, count: n };
}

/** Magic, version, counts and the metadata key-value table; leaves the reader at the tensor table. */
export async function readHeader(r: SequentialReader): Promise<GgufHeader> {
  const magic = await r.bytes(4);
  if (decodeUtf8(magic, 'the GGUF magic') !== 'GGUF') throw malformed('missing GGUF magic');
  const version = await r.u32();
  if (version < 1 || version > 3) throw malformed(`unsupported GGUF version ${version} (big-endian files are not supported)`);
  const tensorCount = await count(r, version, GGUF_LIMITS.tensorCount, 'tensor count');
  const kvCount = await count(r, version, GGUF_LIMITS.kvCount, 'metadata key count');
  const kv = new Map<string, GgufValue>();
  let kept = 0;
  for (let i = 0; i < kvCount; i++) {
    const key = await readString(r, version, GGUF_LIMITS.keyBytes, true);
    if (key === undefined) throw malformed(`metadata key ${i} is unreadable`);
    if (kv.has(key)) throw malformed(`duplicate metadata key "${key}"`);
    // Only the strings we analyse or report are kept in memory, within a budget.
    const v = await value(r, version, await r.u32(), 0, KEPT_KEYS.test(key));
    if (typeof v === 'string') kept += v.length;
    if (kept > KEEP_STRING_BYTES * 4) throw overLimit(`metadata strings exceed ${KEEP_STRING_BYTES * 4} bytes`);
    kv.set(key, v);
  }
  return { version, tensorCount, kv };
}
