import { ConfigError, type ConfigProblem } from '../errors.js';

// A policy file is a few KiB; these bound the work the YAML parser is ever given (parsing is recursive).
export const YAML_LIMITS = { maxBytes: 1 << 20, maxLineChars: 64 << 10, maxFlowDepth: 64, maxIndent: 256, maxAliases: 64 };

function problem(file: string, line: number, column: number, message: string): never {
  throw new ConfigError('CONFIG_YAML_ERROR', file, [{ line, column, message } satisfies ConfigProblem]);
}

/** Where the first byte that is not UTF-8 is, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length + (n === 0 ? 1 : 0)) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if ((c === 0xe0 && (b[i + 1] as number) < 0xa0) || (c === 0xed && (b[i + 1] as number) > 0x9f)) return i;
    if ((c === 0xf0 && (b[i + 1] as number) < 0x90) || (c === 0xf4 && (b[i + 1] as number) > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

/** Policy bytes as text: UTF-8 only (a replacement character would silently change a key or a glob). */
export function decodePolicyBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length > YAML_LIMITS.maxBytes)
    problem(file, 1, 1, `the file is ${bytes.length} bytes; a policy is at most ${YAML_LIMITS.maxBytes} bytes`);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = bytes.subarray(0, bad);
    const line = before.filter((c) => c === 10).length + 1;
    const column = bad - before.lastIndexOf(10);
    problem(file, line, column, `byte 0x${(bytes[bad] as number).toString(16)} is not UTF-8; save the file as UTF-8`);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Refuse, before parsing, text that would make the YAML parser work without bound: huge files and lines,
 * flow collections nested deeper than any policy needs, block nesting indented past any policy's.
 */
export function guardYamlText(text: string, file: string): void {
  if (text.length > YAML_LIMITS.maxBytes) problem(file, 1, 1, `the file is over ${YAML_LIMITS.maxBytes} characters; a policy is a few KiB`);
  let line = 1;
  let col = 0;
  let depth = 0;
  let quote: string | undefined;
  let comment = false;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    col++;
    if (c === '\n') {
      line++;
      col = 0;
      comment = false;
      lineStart = true;
      indent = 0;
      if (quote === "'" || quote === '"') continue;
      continue;
    }
    if (col > YAML_LIMITS.maxLineChars) problem(file, line, col, `line ${line} is over ${YAML_LIMITS.maxLineChars} characters`);
    if (lineStart) {
      if (c === ' ' || (c === '-' && text[i + 1] === ' ') || (c === '?' && text[i + 1] === ' ')) {
        indent++;
        if (indent > YAML_LIMITS.maxIndent) problem(file, line, col, `nesting is over ${YAML_LIMITS.maxIndent} columns deep`);
        continue;
      }
      lineStart = false;
    }
    if (comment) continue;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) comment = true;
    else if ((c === "'" || c === '"') && depth > 0) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > YAML_LIMITS.maxFlowDepth) problem(file, line, col, `flow collections nested over ${YAML_LIMITS.maxFlowDepth} deep`);
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
}
