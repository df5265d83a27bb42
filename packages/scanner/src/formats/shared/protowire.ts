import { malformed } from './errors.js';

/** One protobuf field as it sits on the wire: varints as numbers (exact to 2^53), length-delimited as bytes. */
export type WireField =
  | { field: number; wire: 0; value: number }
  | { field: number; wire: 2; bytes: Uint8Array }
  | { field: number; wire: 1 | 5 };

function varint(b: Uint8Array, at: number): [number, number] {
  let v = 0;
  let mul = 1;
  for (let i = at; i < at + 10; i++) {
    const byte = b[i];
    if (byte === undefined) throw malformed(`varint at ${at} runs past the end`);
    v += (byte & 0x7f) * mul;
    mul *= 128;
    if ((byte & 0x80) === 0) return [v, i + 1];
  }
  throw malformed(`varint at ${at} is longer than 10 bytes`);
}

/**
 * The fields of one protobuf message, without a schema: enough to walk the few fields a judge needs (the custom
 * layer of a CoreML model, the op type of a PaddlePaddle op). Throws on a truncated or invalid encoding.
 */
export function* wireFields(b: Uint8Array): Generator<WireField> {
  let at = 0;
  while (at < b.length) {
    const [key, next] = varint(b, at);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (field === 0) throw malformed(`field number 0 at ${at}`);
    at = next;
    if (wire === 0) {
      const [value, after] = varint(b, at);
      at = after;
      yield { field, wire, value };
    } else if (wire === 2) {
      const [len, after] = varint(b, at);
      if (after + len > b.length) throw malformed(`field ${field} at ${at} runs past the end`);
      at = after + len;
      yield { field, wire, bytes: b.subarray(after, at) };
    } else if (wire === 1 || wire === 5) {
      at += wire === 1 ? 8 : 4;
      if (at > b.length) throw malformed(`field ${field} runs past the end`);
      yield { field, wire };
    } else throw malformed(`wire type ${wire} at ${at} is not used by proto3`);
  }
}

/** Field numbers of a message's head in order, stopping quietly where the head cuts a field (for sniffing). */
export function* headFieldNumbers(b: Uint8Array): Generator<number> {
  let at = 0;
  try {
    while (at < b.length) {
      const [key, next] = varint(b, at);
      yield Math.floor(key / 8);
      const wire = key & 7;
      if (wire === 0) at = varint(b, next)[1];
      else if (wire === 2) {
        const [len, after] = varint(b, next);
        at = after + len;
      } else if (wire === 1 || wire === 5) at = next + (wire === 1 ? 8 : 4);
      else return;
    }
  } catch {
    // The head ends inside a varint.
  }
}

/** The length-delimited values of field `n` of a message. */
export function submessages(b: Uint8Array, n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of wireFields(b)) if (f.field === n && f.wire === 2) out.push(f.bytes);
  return out;
}

export function text(b: Uint8Array): string {
  return new TextDecoder('utf-8').decode(b);
}
