import { type MsgValue, msgText, readMsgpack } from './walk.js';

/** Whether a msgpack map is a msgpack-numpy array (`{nd: true, type, kind, shape, data}`). */
export function isNumpyMap(v: MsgValue): v is Extract<MsgValue, { t: 'map' }> {
  return v.t === 'map' && v.entries.some(([k, x]) => msgText(k) === 'nd' && x.t === 'bool' && x.v);
}

/**
 * A msgpack checkpoint: a top-level map whose head holds Flax's array extension types (1-3) or a msgpack-numpy
 * array. Plain msgpack without either is not claimed (nothing marks it as a model).
 */
export function sniffMsgpackCheckpoint(head: Uint8Array): boolean {
  const first = head[0] ?? 0;
  if (!((first >= 0x80 && first <= 0x8f) || first === 0xde || first === 0xdf)) return false;
  let marked = false;
  try {
    readMsgpack(
      head,
      (v) => {
        if (isNumpyMap(v)) marked = true;
      },
      (code) => {
        if (code >= 1 && code <= 3) marked = true;
      },
    );
  } catch {
    // The head ends mid-value (or is not msgpack): what was seen decides.
  }
  return marked;
}
