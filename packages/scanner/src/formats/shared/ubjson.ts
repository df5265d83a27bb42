import { malformed, overLimit } from './errors.js';

const MAX_DEPTH = 256;
const SIZES: Record<string, number> = { i: 1, U: 1, I: 2, l: 4, L: 8, d: 4, D: 8, C: 1 };

/**
 * Universal Binary JSON (ubjson.org, as XGBoost writes .ubj models) walked for validity: every length and count is
 * checked against the bytes; values are not built except object keys and strings, which `visit` receives.
 */
export function walkUbjson(b: Uint8Array, visit: (key: string, depth: number) => void = () => {}): void {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (n < 0 || at + n > b.length) throw malformed(`truncated at offset ${at}`);
  };
  const int = (marker: string): number => {
    const n = SIZES[marker];
    if (n === undefined || marker === 'd' || marker === 'D' || marker === 'C') throw malformed(`marker ${marker} is not an integer`);
    need(n);
    const v =
      n === 1
        ? marker === 'U'
          ? view.getUint8(at)
          : view.getInt8(at)
        : n === 2
          ? view.getInt16(at)
          : n === 4
            ? view.getInt32(at)
            : Number(view.getBigInt64(at));
    at += n;
    return v;
  };
  const marker = () => {
    need(1);
    return String.fromCharCode(b[at++] as number);
  };
  const str = () => {
    const n = int(marker());
    need(n);
    at += n;
    return new TextDecoder('utf-8').decode(b.subarray(at - n, at));
  };
  const value = (m: string, depth: number): void => {
    if (depth > MAX_DEPTH) throw overLimit(`UBJSON nested deeper than ${MAX_DEPTH}`);
    if (m === 'Z' || m === 'N' || m === 'T' || m === 'F') return;
    if (m in SIZES) {
      need(SIZES[m] as number);
      at += SIZES[m] as number;
      return;
    }
    if (m === 'S' || m === 'H') return void str();
    if (m !== '[' && m !== '{') throw malformed(`unknown UBJSON marker ${JSON.stringify(m)} at ${at - 1}`);
    const object = m === '{';
    let type: string | undefined;
    let count: number | undefined;
    let next = marker();
    if (next === '$') {
      type = marker();
      next = marker();
      if (next !== '#') throw malformed('a typed container without a count');
    }
    if (next === '#') {
      count = int(marker());
      if (count < 0) throw malformed('negative container count');
      // A typed fixed-size array (XGBoost's weights) is skipped in one step.
      if (!object && type && type in SIZES) {
        need(count * (SIZES[type] as number));
        at += count * (SIZES[type] as number);
        return;
      }
    } else at--;
    for (let i = 0; count === undefined || i < count; i++) {
      if (count === undefined) {
        need(1);
        if (b[at] === (object ? 0x7d : 0x5d)) {
          at++;
          return;
        }
      }
      if (object) visit(str(), depth);
      value(type ?? marker(), depth + 1);
    }
  };
  value(marker(), 0);
  if (at !== b.length) throw malformed(`${b.length - at} bytes follow the UBJSON value`);
}
