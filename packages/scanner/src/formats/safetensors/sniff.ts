/** The 8-byte little-endian header length safetensors files open with. */
export function declaredLength(head: Uint8Array): bigint | undefined {
  if (head.length < 8) return undefined;
  return new DataView(head.buffer, head.byteOffset, 8).getBigUint64(0, true);
}

/** An 8-byte little-endian header length followed by a JSON object. */
export function sniffSafetensors(head: Uint8Array): boolean {
  const n = declaredLength(head);
  return n !== undefined && n >= 2n && head.length > 8 && head[8] === 0x7b;
}
