export { decodePolicyBytes, YAML_LIMITS } from './config/guard.js';
export { parseConfig, loadPolicyFile, parsePolicy } from './config/load.js';
export { POLICY_PATH, type ResolvedPolicy, resolvePolicy } from './config/discover.js';
export { type Digest, formatDigest, isDigest, isOciReference, parseDigest, parseSubject } from './digest.js';
export { ConfigError, type ConfigProblem, CoreError, type CoreErrorCode, TrustgateError } from './errors.js';
export { asTrustgateError, describeError, fileProblem, networkProblem } from './foreign-errors.js';
export { writeFileAtomic } from './atomic-write.js';
export {
  buildStatement,
  checkStatement,
  PREDICATE_TYPES,
  type ResourceDescriptor,
  STATEMENT_TYPE,
  STATEMENT_TYPE_V01,
  type Statement,
} from './intoto/statement.js';
export * from './policy/index.js';
export * from './report/index.js';
export { type RuleCatalog, type RuleDescriptor, ruleCatalog } from './rules.js';
export {
  blocks,
  blocksFile,
  COMPLETENESS,
  type Completeness,
  combineVerdict,
  DEFAULT_FAIL_ON,
  FINDING_VERDICTS,
  type Finding,
  type FindingVerdict,
  highestSeverity,
  type Location,
  SEVERITIES,
  type Severity,
  severityRank,
  VERDICTS,
  type Verdict,
  splitVerdict,
  verdictRank,
  worstCompleteness,
  worstFindingVerdict,
  worstVerdict,
} from './verdict.js';
export { TRUSTGATE_VERSION } from './version.js';
export * from './gates/index.js';
