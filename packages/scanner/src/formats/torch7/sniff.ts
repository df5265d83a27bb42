/**
 * A binary Torch7 file (torch.save): the first object is a table (3) or a torch object (4) with reference index 1;
 * a torch object then spells its version `V <n>` or a class name.
 */
export function sniffTorch7(head: Uint8Array): boolean {
  if (head.length < 16) return false;
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const type = v.getInt32(0, true);
  if (v.getInt32(4, true) !== 1) return false;
  if (type === 4) {
    const n = v.getInt32(8, true);
    const s = new TextDecoder('latin1').decode(head.subarray(12, 12 + Math.min(n, 32)));
    return n > 0 && n < 256 && (/^V \d+$/.test(s) || /^(torch|nn|cudnn|nngraph)\./.test(s));
  }
  if (type !== 3) return false;
  const size = v.getInt32(8, true);
  const key = v.getInt32(12, true);
  return size >= 0 && size < 1 << 20 && (size === 0 || key === 1 || key === 2);
}
