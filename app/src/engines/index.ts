import { classifyByLabels } from './labels.js';
import { decideWithoutGateEngine } from './promotion.js';
import type { Engines } from './types.js';

export type * from './types.js';

export const defaultEngines: Engines = { classify: classifyByLabels, decidePromotion: decideWithoutGateEngine };
