import type { Finding } from '@trustgate/core/base';
import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { FILE_OPS, PYTHON_OPS } from '../savedmodel/ops.js';
import { FlatTable } from '../shared/flatbuffer.js';
import { readWhole } from '../shared/bytes.js';
import { malformed } from '../shared/errors.js';
import { judgedFormat } from '../shared/judged.js';
import { sniffTflite } from './sniff.js';

// tensorflow/lite/schema/schema.fbs: Model.operator_codes = field 1; OperatorCode: deprecated_builtin_code 0,
// custom_code 1, builtin_code 3; BuiltinOperator CUSTOM = 32.
const CUSTOM = 32;
const CAP = 2 ** 31 - 1;

/** TFLite: custom ops (native code the app registers) and Flex ops (TensorFlow ops, judged like a GraphDef's). */
export const tfliteAnalyser: FormatAnalyser = {
  format: 'tflite',
  sniff: sniffTflite,
  analyse: ({ source }) =>
    judgedFormat('tflite', R.tfliteUnreadable, source, async () => {
      const model = FlatTable.root(await readWhole(source, CAP, 'TFLite model'));
      const findings: Finding[] = [];
      const codes = model.tables(1);
      for (const code of codes) {
        const builtin = Math.max(code.int(0, 1), code.int(3, 4));
        if (builtin !== CUSTOM) continue;
        const name = code.string(1) ?? '';
        const at = { path: source.name };
        if (name.startsWith('Flex')) {
          const op = name.slice(4);
          if (PYTHON_OPS.has(op) || FILE_OPS.has(op))
            findings.push(finding(R.tfliteFlexDangerous, `Flex op ${name} runs TensorFlow's ${op}`, at, name));
          else findings.push(finding(R.tfliteCustomOp, `Flex op ${name} needs the TensorFlow Flex delegate`, at, name));
        } else
          findings.push(finding(R.tfliteCustomOp, `custom op ${JSON.stringify(name)} is native code the application registers`, at, name));
      }
      if (model.tables(2).length === 0) throw malformed('the model has no subgraphs');
      return {
        findings,
        metadata: { framework: 'tflite', formatVersion: String(model.int(0, 4)), properties: { operatorCodes: String(codes.length) } },
      };
    }),
};
