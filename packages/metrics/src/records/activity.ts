import { isFixLike, revertedPullRequest } from '../measures/classify.js';
import { isAutomatedReviewer } from '../measures/reviewers.js';
import type { CheckSuiteFacts, CompareFacts, HeadPushFacts, PullRequestFacts } from '../measures/types.js';
import type { SqlClient } from '../store/sql.js';

/** What the App knows about a PR from a `pull_request` webhook (body is read for revert links, never stored). */
export type PullRequestInput = Omit<PullRequestFacts, 'team' | 'fixLike' | 'linksBug' | 'revertsPr'> & {
  /** The author's team (aggregation key); defaults to `unassigned`. */
  team?: string;
  body?: string | null;
  /** A linked issue is labelled as a bug. */
  linksBug?: boolean;
};

/** Insert or update a PR (call on opened, synchronize, edited, closed). */
export async function recordPullRequest(db: SqlClient, pr: PullRequestInput): Promise<void> {
  await db.query(
    `insert into tt_pull_requests (repo, number, author, team, cohort, title, head_ref, fix_like, links_bug, reverts_pr,
       created_at, merged_at, merge_commit_sha, head_sha, additions, deletions, closed_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)
     on conflict (repo, number) do update set author = excluded.author, team = excluded.team, cohort = excluded.cohort,
       title = excluded.title, head_ref = excluded.head_ref, fix_like = excluded.fix_like, links_bug = excluded.links_bug,
       reverts_pr = excluded.reverts_pr, merged_at = excluded.merged_at, merge_commit_sha = excluded.merge_commit_sha,
       head_sha = excluded.head_sha, additions = excluded.additions, deletions = excluded.deletions,
       closed_at = excluded.closed_at`,
    [
      pr.repo,
      pr.number,
      pr.author,
      pr.team ?? 'unassigned',
      pr.cohort,
      pr.title,
      pr.headRef,
      isFixLike(pr.title, pr.headRef),
      pr.linksBug ?? false,
      revertedPullRequest(pr.headRef, pr.body, pr.repo),
      pr.createdAt,
      pr.mergedAt,
      pr.mergeCommitSha,
      pr.headSha,
      pr.additions,
      pr.deletions,
      pr.closedAt ?? (pr.mergedAt ? pr.mergedAt : null),
    ],
  );
}

/** A head commit pushed to a PR (`opened` and `synchronize` carry the head sha; use the event time). */
export async function recordHeadPush(db: SqlClient, push: HeadPushFacts): Promise<void> {
  await db.query(
    'insert into tt_head_pushes (repo, number, sha, pushed_at) values ($1,$2,$3,$4) on conflict (repo, number, sha) do nothing',
    [push.repo, push.number, push.sha, push.pushedAt],
  );
}

export interface ReviewInput {
  repo: string;
  number: number;
  id: number;
  reviewer: string;
  /** GitHub's `user.type` (`Bot` for apps). */
  reviewerType?: string;
  state: string;
  submittedAt: string;
  commitId: string;
}

/** A submitted review (`pull_request_review.submitted`); bots and AI reviewers are kept but flagged as automated. */
export async function recordReview(db: SqlClient, review: ReviewInput, aiReviewers: readonly string[] = []): Promise<void> {
  await db.query(
    `insert into tt_reviews (repo, id, number, reviewer, automated, state, submitted_at, commit_id) values ($1,$2,$3,$4,$5,$6,$7,$8)
     on conflict (repo, id) do update set state = excluded.state`,
    [
      review.repo,
      review.id,
      review.number,
      review.reviewer,
      isAutomatedReviewer(review.reviewer, review.reviewerType, aiReviewers),
      review.state.toUpperCase(),
      review.submittedAt,
      review.commitId,
    ],
  );
}

export interface ReviewCommentInput {
  repo: string;
  number: number;
  id: number;
  reviewer: string;
  /** GitHub's `user.type` (`Bot` for apps). */
  reviewerType?: string;
  /** The review it belongs to (GitHub's `pull_request_review_id`), when any. */
  reviewId: number | null;
  createdAt: string;
  commitId: string;
}

/**
 * A review comment as GitHub sends it (the webhook's `comment`, an entry of `GET /pulls/{n}/comments`), for
 * recordReviewComment; `undefined` when it lacks an id, an author, a time or a commit, so it cannot be counted.
 */
export function reviewCommentFromApi(repo: string, number: number, c: unknown): ReviewCommentInput | undefined {
  const v = c as {
    id?: unknown;
    user?: { login?: string; type?: string } | null;
    pull_request_review_id?: unknown;
    created_at?: unknown;
    commit_id?: unknown;
  } | null;
  if (typeof v?.id !== 'number' || !v.user?.login || typeof v.created_at !== 'string' || typeof v.commit_id !== 'string') return undefined;
  return {
    repo,
    number,
    id: v.id,
    reviewer: v.user.login,
    ...(v.user.type ? { reviewerType: v.user.type } : {}),
    reviewId: typeof v.pull_request_review_id === 'number' ? v.pull_request_review_id : null,
    createdAt: v.created_at,
    commitId: v.commit_id,
  };
}

/** A review comment on the diff (`pull_request_review_comment.created`); bots and AI reviewers are flagged as automated. */
export async function recordReviewComment(db: SqlClient, comment: ReviewCommentInput, aiReviewers: readonly string[] = []): Promise<void> {
  await db.query(
    `insert into tt_review_comments (repo, id, number, reviewer, automated, review_id, created_at, commit_id)
     values ($1,$2,$3,$4,$5,$6,$7,$8) on conflict (repo, id) do nothing`,
    [
      comment.repo,
      comment.id,
      comment.number,
      comment.reviewer,
      isAutomatedReviewer(comment.reviewer, comment.reviewerType, aiReviewers),
      comment.reviewId,
      comment.createdAt,
      comment.commitId,
    ],
  );
}

/** A check suite (`check_suite.completed`, or any update). */
export async function recordCheckSuite(db: SqlClient, suite: CheckSuiteFacts): Promise<void> {
  await db.query(
    `insert into tt_check_suites (repo, id, head_sha, status, conclusion) values ($1,$2,$3,$4,$5)
     on conflict (repo, id) do update set status = excluded.status, conclusion = excluded.conclusion`,
    [suite.repo, suite.id, suite.headSha, suite.status, suite.conclusion],
  );
}

/** Lines changed between the commit the first human review saw and the merged head (GitHub compare, at merge). */
export async function recordCompare(db: SqlClient, compare: CompareFacts): Promise<void> {
  await db.query(
    `insert into tt_compares (repo, from_sha, to_sha, changed_lines) values ($1,$2,$3,$4)
     on conflict (repo, from_sha, to_sha) do update set changed_lines = excluded.changed_lines`,
    [compare.repo, compare.fromSha, compare.toSha, compare.changedLines],
  );
}
