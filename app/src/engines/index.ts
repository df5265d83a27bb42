import { decisionSigner } from '@trustgate/metrics';
import { IssueListings, type IssueListingsOptions } from '../github/linked-issues.js';
import { classifyWithAttribution } from './attribution.js';
import { decideWithGateEngine } from './gate.js';
import type { Engines } from './types.js';

export type * from './types.js';

/**
 * The App's engines, with what they keep for the process that made them: the linked issues' listings (see
 * IssueListings). Each server or processing thread makes its own; nothing is shared through module state.
 */
export function createEngines(options: { issueListings?: IssueListingsOptions } = {}): Engines {
  const listings = new IssueListings(options.issueListings);
  return { classify: classifyWithAttribution(listings.read), decidePromotion: decideWithGateEngine() };
}

/** The engines with the decision log's signer when the App has a key (TRUSTGATE_DECISION_KEY[_FILE], checked at start-up). */
export function withDecisionLog(engines: Engines, pem: string | undefined): Engines {
  return pem ? { ...engines, decisionSigner: decisionSigner(pem, 'the decision key') } : engines;
}

export { classifyWithAttribution } from './attribution.js';
export { decideWithGateEngine } from './gate.js';
