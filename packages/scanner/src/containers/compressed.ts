import * as zlib from 'node:zlib';
import type { Magic } from '../sniff/magic.js';
import type { ByteSource } from '../source.js';
import { ContainerError, type DecompressionBudget, IN_MEMORY_CAP, outputCap, SPENT, type ScanLimits } from './limits.js';

type Inflate = (buf: Uint8Array, options: zlib.ZlibOptions) => Uint8Array | Promise<Uint8Array>;

const zstd = (zlib as unknown as { zstdDecompressSync?: Inflate }).zstdDecompressSync;

// The pure-JS decoders are imported when a stream of their kind is met, not at start-up.
const lz4: Inflate = async (buf, options) => (await import('./lz4.js')).decodeLz4Frame(buf, options.maxOutputLength ?? IN_MEMORY_CAP);

const bzip2: Inflate = async (buf, options) => (await import('./bzip2.js')).decodeBzip2(buf, options.maxOutputLength ?? IN_MEMORY_CAP);

const xz: Inflate = async (buf, options) => (await import('./xz.js')).decodeXz(buf, options.maxOutputLength ?? IN_MEMORY_CAP);

// LZMA-alone (joblib's `compress='lzma'`, Python's lzma.FORMAT_ALONE): 7-Zip in WebAssembly, output capped inside it.
const lzma: Inflate = async (buf, options) =>
  (await import('./sevenzip.js')).decodeLzmaAlone(buf, options.maxOutputLength ?? IN_MEMORY_CAP);

const DECODERS: Partial<Record<Magic, Inflate>> = {
  gzip: zlib.gunzipSync,
  xz,
  lzma,
  lz4,
  bzip2,
  zlib: zlib.inflateSync,
  ...(zstd ? { zstd } : {}),
};

export function canDecompress(kind: Magic): boolean {
  return DECODERS[kind] !== undefined;
}

/** The whole decompressed stream, bounded by the policy's size and ratio limits. */
export async function decompress(kind: Magic, source: ByteSource, limits: ScanLimits, budget: DecompressionBudget): Promise<Uint8Array> {
  const decode = DECODERS[kind];
  if (!decode) throw new ContainerError(`${kind} streams are not supported`, 'unsupported');
  if (source.size > IN_MEMORY_CAP)
    throw new ContainerError(`${kind} stream of ${source.size} bytes is too large to decompress in memory`, 'limit');
  const cap = outputCap(source.size, limits, budget);
  if (cap === 0) throw new ContainerError(SPENT, 'limit');
  const raw = await source.read(0, source.size);
  try {
    const out = await decode(raw, { maxOutputLength: cap });
    budget.take(out.length);
    return out;
  } catch (cause) {
    if (cause instanceof ContainerError) throw cause;
    const msg = (cause as Error).message;
    if (/maxOutputLength|Cannot create a Buffer|buffer/i.test(msg))
      throw new ContainerError(`${kind} stream decompresses past the limit of ${cap} bytes (ratio ${limits.maxCompressionRatio})`, 'limit');
    throw new ContainerError(`${kind} stream is corrupt or truncated: ${msg}`, 'parse');
  }
}
