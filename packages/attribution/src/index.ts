export {
  type Classification,
  CLASSIFICATION_VERSION,
  type ClassifyOptions,
  classifyFacts,
  classifyPullRequest,
  parseClassification,
} from './classify.js';
export { type Cohort, COHORTS, decideAgent, decideCohort } from './cohort.js';
export { AttributionError, type AttributionErrorCode } from './errors.js';
export {
  HIDDEN_INSTRUCTION_RULES,
  isAgentInstructionFile,
  scanHiddenInstructions,
  scanInstructionText,
} from './hidden-instructions.js';
export { type Account, AccountDirectory, accountFromNoreply, isBotLogin } from './accounts.js';
export {
  type IssueCommentFacts,
  type IssueEventFacts,
  initiatorContextFromIssues,
  type LinkedIssueFacts,
} from './initiator-context.js';
export { findInitiator, type Initiator, type InitiatorContext, type InitiatorRule, resolveWritten } from './initiator.js';
export { type AgentTraceRecord, parseAgentTrace } from './line-share/agent-trace.js';
export { type GitAiAuthorshipLog, parseGitAiNote } from './line-share/git-ai.js';
export { computeLineShare, countLines, type FileAiLines, type FileLineShare, type LineShare } from './line-share/share.js';
export { BUILTIN_RULES_FILE } from './markers/builtin-rules.js';
export { type MarkerHit, MarkerMatcher } from './markers/match.js';
export { isAgentTraceFile, type ProvenanceFact, provenanceFromAgentTrace, provenanceFromGitAi } from './markers/provenance.js';
export { BUILTIN_RULES_VERSION, type CompiledRule, compileRule, compileRules, type MarkerRulesFile } from './markers/rules.js';
export {
  type ChangedFile,
  changedFilesFromApi,
  type CommitFacts,
  commitsFromApi,
  type PullRequestFacts,
  pullRequestFromEvent,
} from './pull-request.js';
export { aiTagStatement } from './statement.js';
export { loginFromNoreply, parseIdentity, parseTrailers, type Trailer } from './trailers.js';
export { classificationJson, classificationMarkdown, classificationText, initiatorText } from './report.js';
export * from './agents/index.js';
