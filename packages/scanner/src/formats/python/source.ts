import { malformed } from '../shared/errors.js';

// PEP 263: a coding declaration in a comment on line 1 or 2.
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const UTF8 = new Set(['utf-8', 'utf8', 'utf-8-sig', 'utf8-sig', 'ascii', 'us-ascii']);
const LATIN1 = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'iso-latin-1', 'cp1252', 'windows-1252']);
// Codecs that turn escapes into characters: `#\x0aos.system(...)` is a comment to a reader and code to Python.
const HIDING = new Set(['unicode-escape', 'raw-unicode-escape', 'utf-7', 'utf7', 'rot13', 'rot-13', 'punycode', 'idna']);

export type PythonText = { text: string } | { hidden: string };

/**
 * A Python source as Python reads it: UTF-8 (BOM allowed) unless line 1 or 2 declares Latin-1. A declared codec
 * that rewrites the text (unicode_escape, utf-7) is `hidden`: what runs is not what the bytes show. Any other
 * codec, or bytes that do not decode, throw (the file cannot be judged).
 */
export function pythonText(bytes: Uint8Array): PythonText {
  let b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  const head = new TextDecoder('latin1').decode(b.subarray(0, 512)).split(/\r\n|\r|\n/, 2);
  const line1 = head[0] ?? '';
  const declared = COOKIE.exec(line1)?.[1] ?? (/^[ \t\f]*(?:#.*)?$/.test(line1) ? COOKIE.exec(head[1] ?? '')?.[1] : undefined);
  const codec = declared?.toLowerCase().replace(/_/g, '-');
  if (codec !== undefined && HIDING.has(codec)) return { hidden: declared as string };
  if (codec !== undefined && LATIN1.has(codec)) return { text: new TextDecoder('latin1').decode(b) };
  if (codec !== undefined && !UTF8.has(codec))
    throw malformed(`it declares source encoding ${JSON.stringify(declared)}, which the scanner does not decode`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b) };
  } catch (cause) {
    throw malformed('it is not valid UTF-8 and declares no other encoding', cause);
  }
}
