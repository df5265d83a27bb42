import { PREDICATE_TYPES } from '@trustgate/core';

/**
 * Predicate types the gate reads besides the ones core defines (scan, verification, ai-tag, VSA, SLSA
 * provenance). Their fields are documented in docs/gate.md; each is parsed defensively where it is used.
 */
export const GATE_PREDICATE_TYPES = {
  /** `{approver: {login, type?}, teams?, environment?, approvedAt?, change?: {author?, initiator?}}` */
  approval: 'https://trustgate.dev/approval/v1',
  /** `{result: 'passed'|'failed', passed?, failed?, skipped?, suite?}` */
  testResult: 'https://trustgate.dev/test-result/v1',
  /** `{tier: 'minimal'|'limited'|'high'|'unacceptable', rationale?, assessedBy?}` (EU AI Act risk tier) */
  riskTier: 'https://trustgate.dev/risk-tier/v1',
  /** `{name, intendedUse, limitations?, ...}` */
  modelCard: 'https://trustgate.dev/model-card/v1',
  /** `{datasets: [{name, ...}], ...}` (EU AI Act art. 10 data governance) */
  dataGovernance: 'https://trustgate.dev/data-governance/v1',
} as const;

/** Every predicate type the gate understands, by the short name reports use. */
export const KNOWN_PREDICATES: Readonly<Record<string, string>> = {
  [PREDICATE_TYPES.scan]: 'scan',
  [PREDICATE_TYPES.verification]: 'verification',
  [PREDICATE_TYPES.aiTag]: 'ai-tag',
  [PREDICATE_TYPES.vsa]: 'verification summary',
  [PREDICATE_TYPES.slsaProvenance]: 'provenance',
  [GATE_PREDICATE_TYPES.approval]: 'approval',
  [GATE_PREDICATE_TYPES.testResult]: 'test result',
  [GATE_PREDICATE_TYPES.riskTier]: 'risk tier',
  [GATE_PREDICATE_TYPES.modelCard]: 'model card',
  [GATE_PREDICATE_TYPES.dataGovernance]: 'data governance',
};
