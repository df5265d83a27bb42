import { PickleError } from './error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function latin1(b: Uint8Array): string {
  let s = '';
  // Short lines (protocol 0's INT, STRING, GLOBAL) char by char; a spread of a typed array walks its iterator.
  if (b.length <= 64) {
    for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i] as number);
    return s;
  }
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** UTF-8 as the unpickler decodes names; undefined when invalid (then the value is unknown, never guessed). */
export function decodeUtf8(b: Uint8Array, start = 0, end = b.length): string | undefined {
  // Names and keys are short ASCII; TextDecoder's per-call cost (and a view to hand it) dominates for them.
  if (end - start <= 64) {
    let ascii = '';
    for (let i = start; i < end; i++) {
      const c = b[i] as number;
      if (c >= 0x80) return decodeUtf8Slow(b.subarray(start, end));
      ascii += String.fromCharCode(c);
    }
    return ascii;
  }
  return decodeUtf8Slow(b.subarray(start, end));
}

function decodeUtf8Slow(b: Uint8Array): string | undefined {
  try {
    return utf8.decode(b);
  } catch {
    return undefined;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
};

/**
 * The STRING opcode's quoted argument, decoded like `codecs.escape_decode` so `'o\x73'` is seen as `os`.
 * Python rejects an unquoted argument; so do we.
 */
export function decodeEscapedString(b: Uint8Array, at: number): string | undefined {
  const raw = latin1(b);
  const q = raw[0];
  if (raw.length < 2 || (q !== "'" && q !== '"') || raw[raw.length - 1] !== q)
    throw new PickleError('the STRING opcode argument must be quoted', at);
  const s = raw.slice(1, -1);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[i + 1];
    if (n === undefined) throw new PickleError('STRING argument ends with a lone backslash', at);
    if (n in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[n];
      i++;
    } else if (n === 'x') {
      const hex = s.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new PickleError('invalid \\x escape in STRING argument', at);
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 3;
    } else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))?.[0] ?? n;
      out += String.fromCharCode(Number.parseInt(oct, 8) & 0xff);
      i += oct.length;
    } else {
      out += `\\${n}`;
      i++;
    }
  }
  return out;
}

/** The UNICODE opcode's raw-unicode-escape argument: only \uXXXX and \UXXXXXXXX are escapes. */
export function decodeRawUnicodeEscape(b: Uint8Array): string | undefined {
  const raw = latin1(b);
  let invalid = false;
  const out = raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[uU])/g, (_m, g: string) => {
    if (g.length === 1) {
      invalid = true;
      return '';
    }
    const cp = Number.parseInt(g.slice(1), 16);
    if (cp > 0x10ffff) {
      invalid = true;
      return '';
    }
    return String.fromCodePoint(cp);
  });
  return invalid ? undefined : out;
}
