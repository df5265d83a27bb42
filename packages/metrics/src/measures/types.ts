import type { Cohort, DeathKind } from '../ledger/types.js';

/** A pull request as recorded from `pull_request` webhooks (derived flags only; no bodies, no code). */
export interface PullRequestFacts {
  repo: string;
  number: number;
  author: string;
  team: string;
  cohort: Cohort;
  title: string;
  headRef: string;
  /** Title or branch says fix/hotfix/revert. */
  fixLike: boolean;
  /** The PR links an issue labelled as a bug (decided by the caller). */
  linksBug: boolean;
  /** PR number this one reverts (GitHub's `revert-N-branch` revert PRs or "Reverts o/r#N"). */
  revertsPr: number | null;
  createdAt: string;
  mergedAt: string | null;
  /** When it was closed, merged or not; null while open (absent in records made before it was kept). */
  closedAt?: string | null;
  mergeCommitSha: string | null;
  /** The head commit at merge. */
  headSha: string;
  additions: number;
  deletions: number;
}

export interface ReviewFacts {
  repo: string;
  number: number;
  id: number;
  reviewer: string;
  /** Bot or AI reviewer: never counted as a review. */
  automated: boolean;
  state: string;
  submittedAt: string;
  /** The commit the review saw. */
  commitId: string;
}

/** A review comment on a PR's diff (content never kept). */
export interface ReviewCommentFacts {
  repo: string;
  number: number;
  id: number;
  reviewer: string;
  /** Bot or AI reviewer: never counted. */
  automated: boolean;
  createdAt: string;
}

/** A head commit of a PR and when it was pushed (`opened` / `synchronize`). */
export interface HeadPushFacts {
  repo: string;
  number: number;
  sha: string;
  pushedAt: string;
}

export interface CheckSuiteFacts {
  repo: string;
  id: number;
  headSha: string;
  status: string;
  conclusion: string | null;
}

/** Lines changed between two commits (additions + deletions of GitHub's compare), for in-PR rework. */
export interface CompareFacts {
  repo: string;
  fromSha: string;
  toSha: string;
  changedLines: number;
}

/** The ledger as the measures read it, per repository. */
export interface LedgerFacts {
  births: { repo: string; pr: number; lines: number }[];
  deaths: { repo: string; originPr: number; byPr: number | null; ageDays: number; lines: number; kind: DeathKind }[];
  /** Tracked lines of `originPr` lost to an omitted patch, or lines of `originPr` that could not be tracked. */
  gaps: { repo: string; originPr: number | null; ageDays: number; path: string; sha: string; lines?: number }[];
  commits: { repo: string; sha: string; at: string; reverts: string[] }[];
}

export interface TrustTaxDataset {
  pullRequests: PullRequestFacts[];
  reviews: ReviewFacts[];
  reviewComments: ReviewCommentFacts[];
  headPushes: HeadPushFacts[];
  checkSuites: CheckSuiteFacts[];
  compares: CompareFacts[];
  ledger: LedgerFacts;
}

/** Per merged PR: every measure (null = not measurable, e.g. too recent for an N-day window or no review). */
export interface PrMeasures {
  repo: string;
  number: number;
  title: string;
  author: string;
  team: string;
  cohort: Cohort;
  mergedAt: string;
  size: number;
  values: Record<string, number | null>;
}
