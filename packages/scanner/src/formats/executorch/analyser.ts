import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { readWhole } from '../shared/bytes.js';
import { FlatTable } from '../shared/flatbuffer.js';
import { malformed } from '../shared/errors.js';
import { judgedFormat } from '../shared/judged.js';
import { sniffExecutorch } from './sniff.js';

// executorch/schema/program.fbs: Program.execution_plan = 1; ExecutionPlan.operators = 6, delegates = 7;
// Operator.name = 0, overload = 1; BackendDelegate.id = 0.
const KERNEL_NAMESPACES = new Set(['aten', 'executorch_prim', 'dim_order_ops', 'quantized_decomposed', 'quantized']);
const CAP = 2 ** 31 - 1;

/** ExecuTorch: operators outside the ATen/ExecuTorch kernel namespaces, and backend delegates, recorded. */
export const executorchAnalyser: FormatAnalyser = {
  format: 'executorch',
  sniff: sniffExecutorch,
  analyse: ({ source }) =>
    judgedFormat('executorch', R.pteUnreadable, source, async () => {
      const program = FlatTable.root(await readWhole(source, CAP, 'ExecuTorch program'));
      const plans = program.tables(1);
      if (plans.length === 0) throw malformed('the program has no execution plan');
      const findings: Finding[] = [];
      const at = { path: source.name };
      const custom = new Set<string>();
      const delegates = new Set<string>();
      for (const plan of plans) {
        for (const op of plan.tables(6)) {
          const name = op.string(0) ?? '';
          if (!KERNEL_NAMESPACES.has(name.split('::')[0] ?? '')) custom.add(name);
        }
        for (const d of plan.tables(7)) delegates.add(d.string(0) ?? '?');
      }
      for (const name of custom) findings.push(finding(R.pteCustomOp, `operator ${JSON.stringify(name)} needs a custom kernel`, at, name));
      for (const id of delegates)
        findings.push(finding(R.pteDelegate, `backend delegate ${id} runs an opaque part of the program`, at, id));
      return { findings, metadata: { framework: 'executorch', properties: { plans: String(plans.length) } } };
    }),
};
