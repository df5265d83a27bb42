import { approvalsRequirement } from './approvals.js';
import { freshnessRequirement } from './freshness.js';
import { promotionOrderRequirement } from './promotion-order.js';
import { provenanceRequirement } from './provenance.js';
import { riskTierRequirement } from './risk-tier.js';
import { scanRequirement } from './scan.js';
import { signatureRequirement } from './signature.js';
import { testsRequirement } from './tests.js';
import type { Requirement } from './types.js';

/** Every requirement kind, in the order a decision lists them. */
export const REQUIREMENTS: readonly Requirement[] = [
  promotionOrderRequirement,
  scanRequirement,
  signatureRequirement,
  provenanceRequirement,
  testsRequirement,
  approvalsRequirement,
  riskTierRequirement,
  freshnessRequirement,
];

export type { Requirement, RequirementContext, RequirementResult, RequirementStatus } from './types.js';
export { isActive, waiverExpiry } from './waivers.js';
