/**
 * The part of @trustgate/core that loads neither zod nor yaml (`@trustgate/core/base`): errors, verdicts, digests,
 * reports, statements. The scan path and `trustgate --version` import only this, so start-up does not pay for
 * the policy schemas; the package index re-exports all of it.
 */
export { writeFileAtomic } from './atomic-write.js';
export { type Digest, formatDigest, isDigest, isOciReference, parseDigest, parseSubject } from './digest.js';
export { sha256File } from './digest-file.js';
export { ConfigError, type ConfigProblem, CoreError, type CoreErrorCode, TrustgateError } from './errors.js';
export { asTrustgateError, describeError, fileProblem, networkProblem } from './foreign-errors.js';
export { type GitHubRefusal, githubPauseAfter, githubRetryWait, type RetryLimits } from './github-retry.js';
export {
  buildStatement,
  checkStatement,
  PREDICATE_TYPES,
  type ResourceDescriptor,
  STATEMENT_TYPE,
  STATEMENT_TYPE_V01,
  type Statement,
} from './intoto/statement.js';
export { defaultScanPolicy } from './policy/scan-default.js';
export type { ScanPolicy } from './policy/scan.js';
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
