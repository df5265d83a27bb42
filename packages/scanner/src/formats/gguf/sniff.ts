const MAGIC = [0x47, 0x47, 0x55, 0x46];

/** GGUF files open with the ASCII magic `GGUF`. */
export function sniffGguf(head: Uint8Array): boolean {
  return MAGIC.every((b, i) => head[i] === b);
}
