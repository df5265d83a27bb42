/** What the simulated unpickler knows about a stack value: enough to resolve globals, not the data itself. */
export type Value =
  // `at`/`n`: where the raw bytes of a binary string or bytes argument are in the source (nested payloads).
  | { k: 'str'; v: string | undefined; at?: number; n?: number }
  | { k: 'bytes'; at?: number; n?: number }
  | { k: 'int'; v: number | undefined }
  | { k: 'tuple'; items: Value[] | undefined }
  | { k: 'dict'; entries: Map<string, Value> | undefined; full: boolean }
  // `full`: `module.name`, made once when the global is resolved (calls look it up per REDUCE).
  | { k: 'global'; module: string; name: string; full: string }
  | { k: 'obj'; callee: Value; args: Value | undefined; state: Value | undefined }
  | { k: 'scalar' | 'list' | 'set' | 'none' | 'persistent' | 'buffer' | 'unknown' };

// Containers remember their items only while small: enough for shapes, dtypes and joblib's wrapper state.
export const TRACKED_ITEMS = 32;

export const SCALAR: Value = { k: 'scalar' };
export const NONE: Value = { k: 'none' };
export const BYTES: Value = { k: 'bytes' };
export const UNKNOWN: Value = { k: 'unknown' };
// Values without contents are shared (nothing mutates them; BUILD only sets the state of an `obj`).
export const LIST: Value = { k: 'list' };
export const SET: Value = { k: 'set' };
export const BUFFER: Value = { k: 'buffer' };
export const PERSISTENT: Value = { k: 'persistent' };
export const EMPTY_TUPLE: Value = { k: 'tuple', items: [] };

export function str(v: string | undefined): Value {
  return { k: 'str', v };
}

// Small ints are shared: checkpoints are mostly sizes, strides and offsets.
const SMALL_INTS: Value[] = Array.from({ length: 1024 }, (_, v) => ({ k: 'int', v }));
const UNKNOWN_INT: Value = { k: 'int', v: undefined };

export function int(v: number | undefined): Value {
  if (v === undefined) return UNKNOWN_INT;
  return v >= 0 && v < 1024 && Number.isInteger(v) ? (SMALL_INTS[v] as Value) : { k: 'int', v };
}

export function tuple(items: Value[]): Value {
  return { k: 'tuple', items: items.length <= TRACKED_ITEMS ? items : undefined };
}

export function globalName(v: Value): string | undefined {
  return v.k === 'global' ? v.full : undefined;
}
