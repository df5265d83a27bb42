import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { isRecord, readWhole } from '../shared/bytes.js';
import { type Cursor, cursor } from '../shared/cursor.js';
import { malformed } from '../shared/errors.js';
import { judgedFormat } from '../shared/judged.js';
import { sniffMxnetParams, sniffMxnetSymbol } from './sniff.js';

// mshadow type flags -> element size (float32, float64, float16, uint8, int32, int8, int64, bool, ..., bfloat16).
const DTYPE_SIZE: Record<number, number> = { 0: 4, 1: 8, 2: 2, 3: 1, 4: 4, 5: 1, 6: 8, 7: 1, 12: 2 };
const V1 = 0xf993fac8;
const V2 = 0xf993fac9;
const V3 = 0xf993faca;
const MAX_ARRAYS = 1_000_000;

/** NDArray::Save (src/ndarray/ndarray.cc): magic, storage type, shape, context, dtype, then the raw data. */
async function skipArray(c: Cursor): Promise<void> {
  const magic = await c.u32();
  if (magic !== V1 && magic !== V2 && magic !== V3) throw malformed(`NDArray magic 0x${magic.toString(16)} is not MXNet's`);
  if (magic !== V1 && (await c.i32()) !== 0) throw malformed('sparse NDArrays are not read');
  const ndim = await c.i32();
  if (ndim < 0 || ndim > 32) throw malformed(`ndim ${ndim}`);
  let count = 1;
  for (let i = 0; i < ndim; i++) {
    const d = await c.i64();
    if (d < 0) throw malformed(`dimension ${d}`);
    count *= d;
  }
  if (ndim === 0) return;
  await c.i32();
  await c.i32();
  const size = DTYPE_SIZE[await c.i32()];
  if (size === undefined) throw malformed('unknown dtype');
  c.skip(count * size);
}

export const mxnetParamsAnalyser: FormatAnalyser = {
  format: 'mxnet-params',
  sniff: sniffMxnetParams,
  analyse: ({ source }) =>
    judgedFormat('mxnet-params', R.mxnetUnreadable, source, async () => {
      const c = cursor(source, 16);
      const n = await c.u64();
      if (n > MAX_ARRAYS) throw malformed(`${n} arrays`);
      for (let i = 0; i < n; i++) await skipArray(c);
      const names = await c.u64();
      if (names !== n && names !== 0) throw malformed(`${names} names for ${n} arrays`);
      for (let i = 0; i < names; i++) c.skip(await c.u64());
      if (!c.done()) throw malformed('bytes follow the name list');
      return { findings: [], metadata: { framework: 'mxnet', properties: { arrays: String(n) } } };
    }),
};

/** A symbol graph: Custom ops (Python CustomOp of the loading process) and _Native/_NDArray (raw callback pointers). */
export const mxnetSymbolAnalyser: FormatAnalyser = {
  format: 'mxnet-symbol',
  sniff: sniffMxnetSymbol,
  analyse: ({ source }) =>
    judgedFormat('mxnet-symbol', R.mxnetUnreadable, source, async () => {
      const graph: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readWhole(source, 1 << 30, 'symbol graph')));
      if (!isRecord(graph) || !Array.isArray(graph.nodes)) throw malformed('no nodes list');
      const findings: Finding[] = [];
      const at = { path: source.name };
      for (const node of graph.nodes) {
        if (!isRecord(node) || typeof node.op !== 'string') throw malformed('a node without an op');
        const attrs = isRecord(node.attrs) ? node.attrs : isRecord(node.attr) ? node.attr : {};
        if (node.op === 'Custom')
          findings.push(
            finding(R.mxnetCustomOp, `node ${String(node.name)} runs Custom op_type ${String(attrs.op_type)}`, at, String(attrs.op_type)),
          );
        if (node.op === '_Native' || node.op === '_NDArray')
          findings.push(
            finding(R.mxnetNative, `node ${String(node.name)} is ${node.op} with callback pointer ${String(attrs.info)}`, at, node.op),
          );
      }
      return { findings, metadata: { framework: 'mxnet', properties: { nodes: String(graph.nodes.length) } } };
    }),
};
