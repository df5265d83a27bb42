import xzDecompress from 'xz-decompress';
import { ContainerError } from './limits.js';
import { decodeXzStream } from './xz-stream.js';

// A CommonJS module: its exports arrive as the default import under Node's ESM loader.

/**
 * .xz streams (LZMA2, as Python's lzma and joblib write them): a single plain stream in TypeScript
 * (xz-stream.ts), anything else through xz-embedded compiled to WebAssembly, read chunk by chunk and cancelled as
 * soon as the output passes `cap`.
 */
export async function decodeXz(src: Uint8Array, cap: number): Promise<Uint8Array> {
  return decodeXzStream(src, cap) ?? decodeWithXzEmbedded(src, cap);
}

/** The same through xz-embedded alone. */
export async function decodeWithXzEmbedded(src: Uint8Array, cap: number): Promise<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(src);
      controller.close();
    },
  });
  const reader = new xzDecompress.XzReadableStream(input).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        await reader.cancel();
        throw new ContainerError(`xz stream decompresses past the limit of ${cap} bytes`, 'limit');
      }
      chunks.push(value.slice());
    }
  } catch (e) {
    if (e instanceof ContainerError) throw e;
    throw new ContainerError(`xz stream is corrupt or truncated: ${(e as Error).message ?? String(e)}`, 'parse');
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
