import { jsonHeadMentions } from '../shared/bytes.js';

const ascii = (head: Uint8Array, s: string, at = 0) => [...s].every((c, i) => head[at + i] === c.charCodeAt(0));

export type BoosterKind = 'xgboost-json' | 'xgboost-ubj' | 'xgboost-binary' | 'lightgbm' | 'catboost';

/** Gradient-boosting model files: XGBoost JSON/UBJSON/legacy `binf`, LightGBM text, CatBoost `CBM1`. */
export function boosterKind(head: Uint8Array): BoosterKind | undefined {
  if (ascii(head, 'binf')) return 'xgboost-binary';
  if (ascii(head, 'CBM1')) return 'catboost';
  if (ascii(head, 'tree\nversion=v')) return 'lightgbm';
  // UBJSON object whose first key is "learner": `{` `L` int64 7 `learner`, or a smaller integer marker.
  if (
    head[0] === 0x7b &&
    [0x4c, 0x6c, 0x49, 0x55, 0x69].includes(head[1] ?? 0) &&
    new TextDecoder('latin1').decode(head.subarray(0, 24)).includes('learner')
  )
    return 'xgboost-ubj';
  if (jsonHeadMentions(head, ['learner']) && new TextDecoder('utf-8').decode(head).includes('"learner"')) return 'xgboost-json';
  return undefined;
}

export const sniffBooster = (head: Uint8Array) => boosterKind(head) !== undefined;
