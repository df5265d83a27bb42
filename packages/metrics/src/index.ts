export { MetricsError, type MetricsErrorCode } from './errors.js';
export { applyCommit, revertedShas } from './ledger/apply.js';
export { ledgerFacts } from './ledger/facts.js';
export { lineHash, MIN_MOVED_LINES } from './ledger/moves.js';
export { parsePatch } from './ledger/patch.js';
export type {
  Birth,
  Cohort,
  CommitDiff,
  CommitEffects,
  Death,
  FileDiff,
  Gap,
  LedgerState,
  LineRange,
  Move,
  Origin,
} from './ledger/types.js';
export { closedIssueNumbers, isFixLike, mergedPullRequestNumber, revertedPullRequest } from './measures/classify.js';
export { compositeComponents, type MeasureKind, measureKind, measureNames } from './measures/names.js';
export { measurePullRequests } from './measures/pull-request.js';
export { isAutomatedReviewer } from './measures/reviewers.js';
export type * from './measures/types.js';
export { StoreError, type StoreErrorCode } from './store/errors.js';
export { makeEmbeddedStoreTemplate } from './store/embedded.js';
export { openStore, type StoreOptions, type StoreTimeouts } from './store/open.js';
export type { SqlClient, Store } from './store/sql.js';
export { type SizeBucket, sizeBucket } from './trust-tax/buckets.js';
export { type Cell, type CellOptions, COMPARED, evaluateCells } from './trust-tax/evaluate.js';
export { logRatioInterval, zeroMeanUpper } from './trust-tax/intervals.js';
export { buildTrustTaxReport, type TrustTaxOptions, type TrustTaxReport } from './trust-tax/report.js';
export { directlyStandardised } from './trust-tax/standardise.js';
export {
  type PullRequestInput,
  type ReviewCommentInput,
  type ReviewInput,
  recordCheckSuite,
  recordCompare,
  recordHeadPush,
  recordPullRequest,
  recordReview,
  recordReviewComment,
  reviewCommentFromApi,
} from './records/activity.js';
export { loadTrustTaxDataset } from './records/dataset.js';
export { type CommitInput, loadLedger, recordPush } from './records/ledger.js';
export { cellText, percent } from './report/cells.js';
export { formatTrustTaxReport, REPORT_FORMATS, type ReportFormat } from './report/format.js';
export { type FetchCommit, parseApiCommit, readApiHistory } from './ledger/backfill/api.js';
export { readGitHistory } from './ledger/backfill/git.js';
export { gitLogArgs, gitLogMarker, parseGitLog } from './ledger/backfill/git-log.js';
export { type HistoryFile, type OrganisationOptions, syntheticOrganisation } from './demo/organisation.js';
export { importHistory } from './records/import.js';
export { parseSince } from './trust-tax/since.js';
export { type GaugeSample, trustTaxGauges } from './dashboard/gauges.js';
export { createDashboardHandler, type DashboardOptions } from './dashboard/handler.js';
export { renderDashboard } from './dashboard/render.js';
export {
  type AgentPullRequest,
  findReviewOverride,
  type ReviewOverride,
  recordAgentPullRequest,
  recordReviewOverride,
} from './store/agent-activity.js';
export {
  answeredDeliveries,
  type ClaimedDelivery,
  claimDeliveries,
  type DeliveryClaim,
  type DeliveryRecord,
  type DeliveryState,
  type DeliveryStatus,
  deliveryStatuses,
  failDelivery,
  finishDeliveries,
  queuedDeliveries,
  type StoredDelivery,
  storedDelivery,
  takeRedeliveryRequests,
} from './store/deliveries.js';
export { type GitCommit, parseGitRecord } from './ledger/backfill/git-log.js';
export { gitRepositoryName, streamGitCommits, streamGitHistory } from './ledger/backfill/git.js';
export { type CoxCoefficient, type CoxFit, type CoxOptions, coxFit, type Ties } from './survival/cox.js';
export { type KaplanMeierCurve, type KaplanMeierStep, kaplanMeier, survivalAt } from './survival/kaplan-meier.js';
export { project, type SurvivalSamples, SurvivalTable } from './survival/samples.js';
export { commitCohort } from './history/cohorts.js';
export { type HistoryReadOptions, type HistoryRun, type HistorySource, readHistories } from './history/read.js';
export { buildHistoryReport, type HazardModel, type HistoryCohort, type HistoryReport } from './history/report.js';
export { formatHistoryReport, HISTORY_FORMATS, type HistoryFormat } from './history/format.js';
export {
  type BackfillOptions,
  type BackfillProgress,
  type BackfillSummary,
  backfillPullRequests,
  type PullRequestRecorder,
} from './backfill/pull-requests.js';
export { GitHubRest, type GitHubRestOptions, nextLink, type RestAnswer } from './backfill/rest.js';
export { firstHumanReviewCommit } from './records/rework.js';
export * from './decisions/index.js';
