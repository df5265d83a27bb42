/** Container and stream kinds recognised by their leading bytes (never by file name). */
export type Magic = 'zip' | 'gzip' | 'bzip2' | 'xz' | 'lzma' | 'zlib' | 'lz4' | 'zstd' | '7z' | 'rar' | 'npy' | 'tar';

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[at + i] !== bytes[i]) return false;
  return true;
}

/** The archive or stream format the head announces, if any. */
export function sniffMagic(head: Uint8Array): Magic | undefined {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x42, 0x5a, 0x68]) && (head[3] ?? 0) >= 0x31 && (head[3] ?? 0) <= 0x39) return 'bzip2';
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (startsWith(head, [0x04, 0x22, 0x4d, 0x18])) return 'lz4';
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(head, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (startsWith(head, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])) return 'npy';
  if (isTarHeader(head)) return 'tar';
  if (isZlibHeader(head)) return 'zlib';
  // Raw .lzma (LZMA-alone): properties byte 0x5d and a 64-bit size, as Python's lzma.FORMAT_ALONE writes.
  if (startsWith(head, [0x5d, 0x00, 0x00]) && head.length >= 13) return 'lzma';
  return undefined;
}

function isZlibHeader(head: Uint8Array): boolean {
  if (head.length < 2) return false;
  const cmf = head[0] as number;
  const flg = head[1] as number;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** A tar header block: its checksum (bytes 148-155, octal) matches the header with that field as spaces. */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.length < 512) return false;
  const field = new TextDecoder('latin1').decode(block.subarray(148, 156)).replace(/\0.*$/, '').trim();
  if (!/^[0-7]+$/.test(field)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] as number);
  return sum === Number.parseInt(field, 8) && sum !== 256;
}

// Control bytes text files carry: tab, newline, vertical tab, form feed, carriage return, escape.
const TEXT_CONTROLS = new Set([9, 10, 11, 12, 13, 27]);

/** UTF-8 text without NUL or other control bytes (reported as plain text, never as a model). */
export function isPlainText(bytes: Uint8Array): boolean {
  let ascii = true;
  for (const b of bytes) {
    if (b < 0x20 && !TEXT_CONTROLS.has(b)) return false;
    if (b >= 0x80) ascii = false;
  }
  // ASCII is UTF-8; the decoder (costly to create) is only needed for the rest.
  if (ascii) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // A multi-byte character cut by the end of the head is still text.
    if (bytes.length < 4) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - 3));
      return true;
    } catch {
      return false;
    }
  }
}
