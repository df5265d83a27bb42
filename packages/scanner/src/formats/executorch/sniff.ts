import { hasFileIdentifier } from '../shared/flatbuffer.js';

/** ExecuTorch programs are flatbuffers with file identifier `ET` + a two-digit schema version (`ET12`). */
export function sniffExecutorch(head: Uint8Array): boolean {
  return hasFileIdentifier(head, 'ET') && /^\d\d$/.test(String.fromCharCode(head[6] ?? 0, head[7] ?? 0));
}
