import { classifyWithAttribution } from './attribution.js';
import { decideWithoutGateEngine } from './promotion.js';
import type { Engines } from './types.js';

export type * from './types.js';

export const defaultEngines: Engines = { classify: classifyWithAttribution, decidePromotion: decideWithoutGateEngine };
