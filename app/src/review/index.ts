export { type ApprovalContext, approvalsForCommit, type ReviewState, type SubmittedReview } from './approvals.js';
export { codeownerRules, parseCodeowners } from './codeowners.js';
export {
  type ArchitectureReviewInput,
  type ArchitectureReviewOutcome,
  applicableRules,
  type Cohort,
  evaluateArchitectureReview,
  type ReviewOverrideRecord,
  type RuleStatus,
  reviewersToRequest,
} from './rules.js';
export { architectureReviewSummary, type CheckOutput } from './summary.js';
export { overrideReason } from './override.js';
