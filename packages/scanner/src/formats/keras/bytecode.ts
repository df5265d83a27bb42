/**
 * Strings a marshalled Python code object carries (co_names, constants), read by scanning for marshal's string
 * records rather than decoding the code object: the layout of code objects changes with every Python version.
 */
const SHORT = new Set([0x7a, 0x5a]); // 'z' short ascii, 'Z' short ascii interned: 1-byte length
const LONG = new Set([0x61, 0x41, 0x75, 0x74]); // 'a', 'A', 'u', 't': 4-byte length
const MAX_NAMES = 64;
const MAX_STRING = 512;

function printable(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes.every((b) => b >= 0x20 && b < 0x7f);
}

export function bytecodeNames(code: Uint8Array): string[] {
  const names = new Set<string>();
  for (let i = 0; i < code.length && names.size < MAX_NAMES; i++) {
    const type = code[i]! & 0x7f; // the high bit is marshal's FLAG_REF
    let start: number;
    let length: number;
    if (SHORT.has(type) && i + 1 < code.length) {
      length = code[i + 1]!;
      start = i + 2;
    } else if (LONG.has(type) && i + 4 < code.length) {
      length = new DataView(code.buffer, code.byteOffset + i + 1, 4).getUint32(0, true);
      start = i + 5;
    } else continue;
    if (length > MAX_STRING || start + length > code.length) continue;
    const bytes = code.subarray(start, start + length);
    if (printable(bytes)) {
      names.add(new TextDecoder().decode(bytes));
      i = start + length - 1;
    }
  }
  return [...names];
}

export function decodeBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, 'base64'));
}
