import type { ByteSource } from '../../source.js';
import { malformed, overLimit } from './errors.js';

/** Reads exactly `length` bytes or fails: a short read means the file is truncated. */
export async function readExactly(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw malformed(`truncated: wanted ${length} bytes at offset ${offset}, file has ${source.size}`);
  return bytes;
}

/** The whole source in memory, refused above `cap` bytes (formats that need a full parse: protobuf, HDF5, JSON). */
export async function readWhole(source: ByteSource, cap: number, what: string): Promise<Uint8Array> {
  if (source.size > cap) throw overLimit(`${what} is ${source.size} bytes, above the ${cap}-byte cap for a full parse`);
  return readExactly(source, 0, source.size);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    throw malformed(`${what} is not valid UTF-8`, cause);
  }
}

/** JSON text parsed, with a parse failure as a malformed-format error. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw malformed(`${what} is not valid JSON`, cause);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether the head looks like a JSON object whose first bytes mention one of the marker keys. */
export function jsonHeadMentions(head: Uint8Array, markers: readonly string[]): boolean {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  if (head[i] !== 0x7b) return false;
  const text = new TextDecoder('utf-8').decode(head);
  return markers.some((m) => text.includes(`"${m}"`));
}
