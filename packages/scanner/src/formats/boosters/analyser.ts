import type { FormatAnalyser } from '../../analyser.js';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import type { ByteSource } from '../../source.js';
import { isRecord, readWhole } from '../shared/bytes.js';
import { malformed } from '../shared/errors.js';
import { judgedFormat } from '../shared/judged.js';
import { walkUbjson } from '../shared/ubjson.js';
import { boosterKind } from './sniff.js';

const CAP = 1 << 30;
const FRAMEWORK = {
  'xgboost-json': 'xgboost',
  'xgboost-ubj': 'xgboost',
  'xgboost-binary': 'xgboost',
  lightgbm: 'lightgbm',
  catboost: 'catboost',
};

/**
 * The file must be the whole model its format describes (a cut file is `error`). These formats are data: trees,
 * thresholds and parameters; no loader of them imports or runs code, so a complete file is `safe`.
 */
async function validate(kind: NonNullable<ReturnType<typeof boosterKind>>, source: ByteSource): Promise<void> {
  const bytes = await readWhole(source, CAP, 'model');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'xgboost-json') {
    const model: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!isRecord(model) || !isRecord(model.learner) || !isRecord(model.learner.gradient_booster))
      throw malformed('no learner.gradient_booster');
  } else if (kind === 'xgboost-ubj') {
    let booster = false;
    walkUbjson(bytes, (key) => {
      if (key === 'gradient_booster') booster = true;
    });
    if (!booster) throw malformed('no learner.gradient_booster');
  } else if (kind === 'xgboost-binary') {
    // "binf", LearnerModelParam (136 bytes), then the objective and booster names as u64-length strings.
    let at = 4 + 136;
    const names: string[] = [];
    for (let i = 0; i < 2; i++) {
      if (at + 8 > bytes.length) throw malformed('truncated learner header');
      const n = Number(view.getBigUint64(at, true));
      if (at + 8 + n > bytes.length || n > 256) throw malformed('truncated learner header');
      names.push(new TextDecoder('latin1').decode(bytes.subarray(at + 8, at + 8 + n)));
      at += 8 + n;
    }
    if (!['gbtree', 'gblinear', 'dart'].includes(names[1] ?? ''))
      throw malformed(`booster ${JSON.stringify(names[1])} is not gbtree, gblinear or dart`);
  } else if (kind === 'lightgbm') {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.includes('\nend of trees\n')) throw malformed('no "end of trees" line: the model text is cut');
  } else {
    // CBM1, then the u32 size of the model core flatbuffer, which must fit in the file.
    if (bytes.length < 8 || 8 + view.getUint32(4, true) > bytes.length) throw malformed('the model core runs past the end');
  }
}

export const boosterAnalyser: FormatAnalyser = {
  format: 'booster',
  sniff: (head) => boosterKind(head) !== undefined,
  async analyse({ source }) {
    const kind = boosterKind(await source.read(0, 4096)) ?? 'xgboost-json';
    return judgedFormat(kind, R.boosterUnreadable, source, async () => {
      await validate(kind, source);
      return { findings: [], metadata: { framework: FRAMEWORK[kind] } };
    });
  },
};
