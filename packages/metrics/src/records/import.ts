import type { HistoryFile } from '../demo/organisation.js';
import { MetricsError } from '../errors.js';
import type { SqlClient } from '../store/sql.js';
import { recordCheckSuite, recordCompare, recordHeadPush, recordPullRequest, recordReview, recordReviewComment } from './activity.js';
import { recordPush } from './ledger.js';

const KEYS = ['pullRequests', 'headPushes', 'reviews', 'checkSuites', 'compares', 'pushes'] as const;

/** Record a history file (see `HistoryFile`) through the recording API, as the App's webhook handlers would. */
export async function importHistory(db: SqlClient, input: unknown, source = 'history'): Promise<{ pullRequests: number; commits: number }> {
  const history = input as HistoryFile;
  if (
    typeof history !== 'object' ||
    history === null ||
    history.version !== 1 ||
    KEYS.some((k) => !Array.isArray(history[k])) ||
    (history.reviewComments !== undefined && !Array.isArray(history.reviewComments))
  )
    throw new MetricsError(
      'TRUST_TAX_INPUT_ERROR',
      `${source} is not a trust-tax history (version 1 with ${KEYS.join(', ')} lists); see docs/trust-tax.md`,
    );
  await db.transaction(async (tx) => {
    for (const p of history.pullRequests) await recordPullRequest(tx, p);
    for (const h of history.headPushes) await recordHeadPush(tx, h);
    for (const r of history.reviews) await recordReview(tx, r);
    for (const c of history.reviewComments ?? []) await recordReviewComment(tx, c);
    for (const s of history.checkSuites) await recordCheckSuite(tx, s);
    for (const c of history.compares) await recordCompare(tx, c);
  });
  let commits = 0;
  for (const push of history.pushes)
    for (let i = 0; i < push.commits.length; i += 500) commits += (await recordPush(db, push.repo, push.commits.slice(i, i + 500))).length;
  return { pullRequests: history.pullRequests.length, commits };
}
