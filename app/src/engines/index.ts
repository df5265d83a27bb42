import { classifyWithAttribution } from './attribution.js';
import { decideWithGateEngine } from './gate.js';
import type { Engines } from './types.js';

export type * from './types.js';

export const defaultEngines: Engines = { classify: classifyWithAttribution, decidePromotion: decideWithGateEngine() };

export { classifyWithAttribution } from './attribution.js';
export { decideWithGateEngine } from './gate.js';
