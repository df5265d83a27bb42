import { jsonHeadMentions } from '../shared/bytes.js';

/** MXNet's NDArray list (.params): u64 magic 0x112 and a reserved u64 zero. */
export function sniffMxnetParams(head: Uint8Array): boolean {
  if (head.length < 24) return false;
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  return v.getBigUint64(0, true) === 0x112n && v.getBigUint64(8, true) === 0n;
}

/** An MXNet symbol graph (-symbol.json): a nodes list of {op, name, inputs}. */
export function sniffMxnetSymbol(head: Uint8Array): boolean {
  if (!jsonHeadMentions(head, ['nodes'])) return false;
  const t = new TextDecoder('utf-8').decode(head);
  return /^\s*\{\s*"nodes"\s*:\s*\[/.test(t) && t.includes('"op"') && t.includes('"inputs"');
}
