import { onCheckRerequest } from './check-run.js';
import type { Handler } from './context.js';
import { onDeploymentProtectionRule } from './deployment-protection-rule.js';
import { onMergeGroup } from './merge-group.js';
import { onPullRequest } from './pull-request.js';
import { onRequestedAction } from './requested-action.js';
import { gateThen } from './after-gates.js';
import {
  recordCheckSuiteActivity,
  recordDefaultBranchPush,
  recordPullRequestActivity,
  recordReviewActivity,
  recordReviewCommentActivity,
} from './trust-tax.js';

export type { Handler, HandlerContext, Logger } from './context.js';

const gateAndRecordPr = gateThen(onPullRequest, recordPullRequestActivity);

/** `event.action` -> handler. Deliveries of anything else are acknowledged and recorded as ignored. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  'pull_request.opened': gateAndRecordPr,
  'pull_request.reopened': gateAndRecordPr,
  'pull_request.synchronize': gateAndRecordPr,
  'pull_request.edited': gateAndRecordPr,
  'pull_request.closed': recordPullRequestActivity,
  'pull_request.labeled': onPullRequest,
  'pull_request.unlabeled': onPullRequest,
  'pull_request.ready_for_review': onPullRequest,
  'pull_request.assigned': onPullRequest,
  'pull_request_review.submitted': gateThen(onPullRequest, recordReviewActivity),
  'pull_request_review.edited': onPullRequest,
  'pull_request_review.dismissed': onPullRequest,
  'pull_request_review_comment.created': recordReviewCommentActivity,
  'issue_comment.created': onPullRequest,
  'issue_comment.edited': onPullRequest,
  'check_run.rerequested': onCheckRerequest,
  'check_run.requested_action': onRequestedAction,
  'check_suite.requested': onCheckRerequest,
  'check_suite.rerequested': onCheckRerequest,
  'check_suite.completed': recordCheckSuiteActivity,
  push: recordDefaultBranchPush,
  'merge_group.checks_requested': onMergeGroup,
  'deployment_protection_rule.requested': onDeploymentProtectionRule,
};
