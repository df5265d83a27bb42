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

/** A pickled numpy.dtype: `numpy.dtype('<typestr>', align, copy)` plus state; structured dtypes are not sized. */
function describeDtype(v: Value | undefined): { itemsize: number; object: boolean } | undefined {
  if (v?.k !== 'obj' || v.callee.k !== 'global' || v.callee.name !== 'dtype') return undefined;
  const first = v.args?.k === 'tuple' ? v.args.items?.[0] : undefined;
  if (first?.k !== 'str' || first.v === undefined) return undefined;
  const m = /^([biufcmMOSUV?])(\d*)$/.exec(first.v);
  if (!m) return undefined;
  const kind = m[1] as string;
  if (kind === 'O') return { itemsize: 8, object: true };
  const state = v.state?.k === 'tuple' ? v.state.items : undefined;
  const fields = state?.[3];
  if (fields && fields.k !== 'none') return undefined;
  const n = m[2] === '' ? (kind === '?' ? 1 : Number.NaN) : Number(m[2]);
  const elsize = state?.[5];
  const itemsize =
    kind === 'U' || kind === 'S' || kind === 'V'
      ? elsize?.k === 'int' && elsize.v !== undefined && elsize.v >= 0
        ? elsize.v
        : Number.NaN
      : n;
  return Number.isFinite(itemsize) ? { itemsize, object: false } : undefined;
}
