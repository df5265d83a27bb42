export { type ChainFault, type ChainVerdict, verifyChain } from './chain.js';
export { canonicalJson } from './canonical.js';
export { DecisionLogError, type DecisionLogErrorCode } from './errors.js';
export { type DecisionSigner, decisionSigner, decisionSignerFrom, keyIdOf, trustedDecisionKey } from './key.js';
export {
  type DecisionEntry,
  type DecisionLike,
  type DecisionRecord,
  decisionEntrySchema,
  decisionRecordSchema,
  entryFromDecision,
  GENESIS,
  recordHash,
  recordLine,
  sealRecord,
  unevaluatedEntry,
} from './record.js';
export { appendDecision, exportDecisions } from './store.js';
