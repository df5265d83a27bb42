import { PickleError } from '../pickle/error.js';
import type { BuildHook } from '../pickle/machine.js';
import type { Value } from '../pickle/values.js';

const WRAPPER = 'joblib.numpy_pickle.NumpyArrayWrapper';

/**
 * joblib writes each non-object array's bytes straight into the pickle stream right after the BUILD of its
 * NumpyArrayWrapper (after an alignment padding byte), and an object array as a nested pickle. Step over the
 * raw bytes exactly as joblib's reader does and keep analysing what follows; analyse nested pickles.
 */
export const joblibArrays: BuildHook = async (target, machine) => {
  if (target.k !== 'obj' || target.callee.k !== 'global' || `${target.callee.module}.${target.callee.name}` !== WRAPPER) return;
  const at = machine.input.pos;
  if (machine.inFrame) throw new PickleError('joblib array data starts inside a pickle frame', at);
  const state = target.state;
  if (state?.k !== 'dict' || !state.entries) throw new PickleError('joblib array wrapper without a readable state', at);
  const dtype = describeDtype(state.entries.get('dtype'));
  if (!dtype) throw new PickleError('joblib array wrapper with a dtype this scanner cannot size', at);
  if (dtype.object) {
    await machine.nested().run();
    return;
  }
  const shape = state.entries.get('shape');
  if (shape?.k !== 'tuple' || !shape.items) throw new PickleError('joblib array wrapper without a readable shape', at);
  let count = 1;
  for (const d of shape.items) {
    if (d.k !== 'int' || d.v === undefined || d.v < 0) throw new PickleError('joblib array shape is not a tuple of sizes', at);
    count *= d.v;
  }
  let skip = count * dtype.itemsize;
  const align = state.entries.get('numpy_array_alignment_bytes');
  if (align && align.k === 'int') {
    if (!(await machine.input.ensure(1))) throw new PickleError('stream ends inside joblib array padding', at);
    skip += 1 + machine.input.at(0);
  }
  if (!Number.isSafeInteger(skip) || at + skip > machine.input.size)
    throw new PickleError(`joblib array of ${skip} bytes runs past the end of the file (truncated)`, at);
  machine.input.skip(skip);
};

/**
 * A pickled numpy.dtype: `numpy.dtype('<typestr>', align, copy)` plus the state tuple
 * (version, byteorder, subarray, names, fields, elsize, alignment, flags). Flexible and structured dtypes take
 * their size from `elsize`; bit 0 of `flags` (NPY_ITEM_REFCOUNT) says the items hold Python objects.
 */
function describeDtype(v: Value | undefined): { itemsize: number; object: boolean } | undefined {
  if (v?.k !== 'obj' || v.callee.k !== 'global' || v.callee.name !== 'dtype') return undefined;
  const first = v.args?.k === 'tuple' ? v.args.items?.[0] : undefined;
  if (first?.k !== 'str' || first.v === undefined) return undefined;
  const m = /^([biufcmMOSUV?])(\d*)$/.exec(first.v);
  if (!m) return undefined;
  const kind = m[1] as string;
  const state = v.state?.k === 'tuple' ? v.state.items : undefined;
  const flags = state?.[7];
  if (kind === 'O' || (flags?.k === 'int' && flags.v !== undefined && (flags.v & 1) !== 0)) return { itemsize: 8, object: true };
  if (state && flags?.k !== 'int') return undefined;
  const elsize = state?.[5];
  const flexible = kind === 'U' || kind === 'S' || kind === 'V';
  const n = m[2] === '' ? (kind === '?' ? 1 : Number.NaN) : Number(m[2]);
  const itemsize = flexible ? (elsize?.k === 'int' && elsize.v !== undefined && elsize.v >= 0 ? elsize.v : Number.NaN) : n;
  return Number.isFinite(itemsize) ? { itemsize, object: false } : undefined;
}
