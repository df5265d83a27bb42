export { StoreError, type StoreErrorCode } from './store/errors.js';
export { openStore, type StoreOptions } from './store/open.js';
export type { SqlClient, Store } from './store/sql.js';
export {
  type AgentPullRequest,
  countAgentPullRequests,
  findReviewOverride,
  type ReviewOverride,
  recordAgentPullRequest,
  recordReviewOverride,
} from './store/agent-activity.js';
export {
  claimDelivery,
  type DeliveryClaim,
  type DeliveryRecord,
  type DeliveryStatus,
  deliveryStatus,
  deliveryStatuses,
  failDelivery,
  finishDelivery,
} from './store/deliveries.js';
