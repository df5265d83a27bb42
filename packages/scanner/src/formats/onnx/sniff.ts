// ModelProto opens with ir_version (field 1, varint) followed by another top-level field.
const NEXT_TAGS = new Set([0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42, 0x72]);

export function sniffOnnx(head: Uint8Array): boolean {
  return head[0] === 0x08 && head[1] !== undefined && head[1] >= 3 && head[1] <= 30 && NEXT_TAGS.has(head[2] ?? 0);
}
