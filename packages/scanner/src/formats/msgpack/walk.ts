import { malformed, overLimit } from '../shared/errors.js';

export type MsgValue =
  | { t: 'map'; entries: [MsgValue, MsgValue][] }
  | { t: 'arr'; items: MsgValue[] }
  | { t: 'str' | 'bin'; bytes: Uint8Array }
  | { t: 'ext'; code: number; bytes: Uint8Array }
  | { t: 'bool'; v: boolean }
  | { t: 'scalar' };

/** The bytes ran out: in a sniff this is the end of the head, in an analysis a cut file. */
export class MsgpackTruncated extends Error {}

const MAX_DEPTH = 512;
const MAX_ITEMS = 50_000_000;

/**
 * One msgpack value (github.com/msgpack/msgpack/blob/master/spec.md) with its strings, binaries and extension
 * payloads as views of the input (no copies); lengths are checked against the bytes.
 */
export function readMsgpack(
  b: Uint8Array,
  onValue: (v: MsgValue) => void = () => {},
  onExtCode: (code: number) => void = () => {},
): { value: MsgValue; end: number } {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 0;
  let items = 0;
  const need = (n: number) => {
    if (at + n > b.length) throw new MsgpackTruncated(`truncated at offset ${at}`);
  };
  const uint = (n: 1 | 2 | 4) => {
    need(n);
    const v = n === 1 ? view.getUint8(at) : n === 2 ? view.getUint16(at) : view.getUint32(at);
    at += n;
    return v;
  };
  const raw = (t: 'str' | 'bin', n: number): MsgValue => {
    need(n);
    at += n;
    return { t, bytes: b.subarray(at - n, at) };
  };
  const ext = (n: number): MsgValue => {
    need(1);
    const code = view.getInt8(at);
    onExtCode(code);
    need(1 + n);
    at += 1 + n;
    return { t: 'ext', code, bytes: b.subarray(at - n, at) };
  };
  const value = (depth: number): MsgValue => {
    if (depth > MAX_DEPTH) throw overLimit(`msgpack nested deeper than ${MAX_DEPTH}`);
    if (++items > MAX_ITEMS) throw overLimit(`more than ${MAX_ITEMS} msgpack values`);
    const m = uint(1);
    const list = (n: number): MsgValue => ({ t: 'arr', items: Array.from({ length: n }, () => value(depth + 1)) });
    const map = (n: number): MsgValue => ({
      t: 'map',
      entries: Array.from({ length: n }, () => [value(depth + 1), value(depth + 1)] as [MsgValue, MsgValue]),
    });
    let v: MsgValue;
    if (m <= 0x7f || m >= 0xe0) v = { t: 'scalar' };
    else if (m <= 0x8f) v = map(m & 0x0f);
    else if (m <= 0x9f) v = list(m & 0x0f);
    else if (m <= 0xbf) v = raw('str', m & 0x1f);
    else if (m === 0xc0) v = { t: 'scalar' };
    else if (m === 0xc2 || m === 0xc3) v = { t: 'bool', v: m === 0xc3 };
    else if (m >= 0xc4 && m <= 0xc6) v = raw('bin', uint(m === 0xc4 ? 1 : m === 0xc5 ? 2 : 4));
    else if (m >= 0xc7 && m <= 0xc9) v = ext(uint(m === 0xc7 ? 1 : m === 0xc8 ? 2 : 4));
    else if (m >= 0xca && m <= 0xd3) {
      const n = [4, 8, 1, 2, 4, 8, 1, 2, 4, 8][m - 0xca] as number;
      need(n);
      at += n;
      v = { t: 'scalar' };
    } else if (m >= 0xd4 && m <= 0xd8) v = ext(1 << (m - 0xd4));
    else if (m >= 0xd9 && m <= 0xdb) v = raw('str', uint(m === 0xd9 ? 1 : m === 0xda ? 2 : 4));
    else if (m === 0xdc || m === 0xdd) v = list(uint(m === 0xdc ? 2 : 4));
    else if (m === 0xde || m === 0xdf) v = map(uint(m === 0xde ? 2 : 4));
    else throw malformed(`byte 0x${m.toString(16)} at ${at - 1} is not a msgpack type`);
    onValue(v);
    return v;
  };
  const v = value(0);
  return { value: v, end: at };
}

export function msgText(v: MsgValue | undefined): string | undefined {
  return v && (v.t === 'str' || v.t === 'bin') ? new TextDecoder('latin1').decode(v.bytes) : undefined;
}
