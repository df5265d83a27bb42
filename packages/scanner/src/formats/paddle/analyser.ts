import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { readWhole } from '../shared/bytes.js';
import { judgedFormat } from '../shared/judged.js';
import { submessages, text } from '../shared/protowire.js';
import { sniffPaddleProgram } from './sniff.js';

const CAP = 2 ** 31 - 1;
// paddle/fluid/framework/framework.proto: ProgramDesc.blocks = 1; BlockDesc.ops = 4; OpDesc.type = 3, attrs = 4;
// OpDesc.Attr name = 1, s = 5.
const FILE_OPS = new Set(['save', 'load', 'save_combine', 'load_combine']);

/** A PaddlePaddle program: py_func ops (Python callbacks) and file ops with a path baked into the program. */
export const paddleAnalyser: FormatAnalyser = {
  format: 'paddle-program',
  sniff: sniffPaddleProgram,
  analyse: ({ source }) =>
    judgedFormat('paddle-program', R.paddleUnreadable, source, async () => {
      const program = await readWhole(source, CAP, 'PaddlePaddle program');
      const findings: Finding[] = [];
      const at = { path: source.name };
      let ops = 0;
      for (const [b, block] of submessages(program, 1).entries())
        for (const op of submessages(block, 4)) {
          ops++;
          const type = text(submessages(op, 3)[0] ?? new Uint8Array());
          if (type === 'py_func') findings.push(finding(R.paddlePyFunc, `block ${b}: py_func calls back into Python`, at, type));
          if (FILE_OPS.has(type)) {
            const path = submessages(op, 4)
              .filter((a) => text(submessages(a, 1)[0] ?? new Uint8Array()) === 'file_path')
              .map((a) => text(submessages(a, 5)[0] ?? new Uint8Array()))[0];
            findings.push(finding(R.paddleFileOp, `block ${b}: ${type} op on ${JSON.stringify(path ?? '?')}`, at, path));
          }
        }
      return { findings, metadata: { framework: 'paddlepaddle', properties: { ops: String(ops) } } };
    }),
};
