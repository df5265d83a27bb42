export { parseConfig, loadPolicyFile, parsePolicy } from './config/load.js';
export { POLICY_PATH, type ResolvedPolicy, resolvePolicy } from './config/discover.js';
export { type Digest, formatDigest, isDigest, parseDigest } from './digest.js';
export { ConfigError, type ConfigProblem, CoreError, type CoreErrorCode, describeError, TrustgateError } from './errors.js';
export {
  buildStatement,
  checkStatement,
  PREDICATE_TYPES,
  type ResourceDescriptor,
  STATEMENT_TYPE,
  type Statement,
} from './intoto/statement.js';
export * from './policy/index.js';
export * from './report/index.js';
export { type RuleCatalog, type RuleDescriptor, ruleCatalog } from './rules.js';
export {
  blocks,
  DEFAULT_FAIL_ON,
  type Finding,
  highestSeverity,
  type Location,
  SEVERITIES,
  type Severity,
  severityRank,
  VERDICTS,
  type Verdict,
  verdictRank,
  worstVerdict,
} from './verdict.js';
export { TRUSTGATE_VERSION } from './version.js';
export * from './gates/index.js';
