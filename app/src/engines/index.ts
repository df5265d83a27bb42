import { classifyWithAttribution } from './attribution.js';
import { decideWithGateEngine } from './gate.js';
import { decisionSigner } from '@trustgate/metrics';
import type { Engines } from './types.js';

export type * from './types.js';

export const defaultEngines: Engines = { classify: classifyWithAttribution, decidePromotion: decideWithGateEngine() };

/** The engines with the decision log's signer when the App has a key (TRUSTGATE_DECISION_KEY[_FILE], checked at start-up). */
export function withDecisionLog(engines: Engines, pem: string | undefined): Engines {
  return pem ? { ...engines, decisionSigner: decisionSigner(pem, 'the decision key') } : engines;
}

export { classifyWithAttribution } from './attribution.js';
export { decideWithGateEngine } from './gate.js';
