import { jsonHeadMentions } from '../shared/bytes.js';
import { headFieldNumbers } from '../shared/protowire.js';

// CoreML's Model message: specificationVersion 1, description 2, isUpdatable 10, and a model type at field 200+.
const HEADER_FIELDS = new Set([1, 2, 10]);

/**
 * A CoreML Model protobuf: specificationVersion (1-10) first, then only CoreML top-level fields, with the model
 * type (field 200 or above, never an ONNX ModelProto field) within the head.
 */
export function sniffCoreml(head: Uint8Array): boolean {
  if (head[0] !== 0x08 || (head[1] ?? 0) < 1 || (head[1] ?? 0) > 10) return false;
  for (const n of headFieldNumbers(head)) {
    if (n >= 200) return true;
    if (!HEADER_FIELDS.has(n)) return false;
  }
  return false;
}

/** The Manifest.json of an .mlpackage directory. */
export const sniffMlpackageManifest = (head: Uint8Array) =>
  jsonHeadMentions(head, ['itemInfoEntries']) && jsonHeadMentions(head, ['rootModelIdentifier']);

/** A CoreML ML Program weight file (weights/weight.bin): blob storage version 2, first blob's 0xDEADBEEF sentinel. */
export function sniffMilWeights(head: Uint8Array): boolean {
  if (head.length < 72) return false;
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  return v.getUint32(4, true) === 2 && v.getUint32(64, true) === 0xdeadbeef;
}
