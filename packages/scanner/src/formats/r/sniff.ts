const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const WORKSPACE = [ascii('RDX2\n'), ascii('RDX3\n')];

/** Offset of the serialization inside an R file: after `RDX2\n`/`RDX3\n` for a saved workspace (.RData), else 0. */
export function serializationStart(head: Uint8Array): number {
  return WORKSPACE.some((m) => m.every((b, i) => head[i] === b)) ? 5 : 0;
}

/**
 * R's serialize()/saveRDS() output (after gzip, which the scanner core removes): `X\n` (XDR), `A\n` (ASCII) or
 * `B\n` (native binary), then format version 2 or 3 as a 4-byte integer.
 */
export function sniffR(head: Uint8Array): boolean {
  const at = serializationStart(head);
  const kind = head[at];
  if (head[at + 1] !== 0x0a || (kind !== 0x58 && kind !== 0x41 && kind !== 0x42)) return false;
  if (kind === 0x41) return head[at + 2] === 0x32 || head[at + 2] === 0x33;
  const v = kind === 0x58 ? head[at + 5] : head[at + 2];
  return (v === 2 || v === 3) && head.length >= at + 14;
}
