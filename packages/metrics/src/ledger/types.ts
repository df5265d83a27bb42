import type { Cohort } from '@trustgate/attribution';
/** Cohorts as packages/attribution assigns them; `bot` PRs are recorded but never compared. */
export { type Cohort, COHORTS } from '@trustgate/attribution';

/** Where a line came from: the default-branch commit that added it and the PR that commit merged (if any). */
export interface Origin {
  pr: number | null;
  sha: string;
  cohort: Cohort;
  /** ISO time the line landed on the default branch. */
  bornAt: string;
}

/** `length` lines starting at `start` (1-based) share one origin. Ranges of a file are sorted and disjoint. */
export interface LineRange {
  start: number;
  length: number;
  origin: Origin;
}

/** The ledger of one repository: path -> sorted ranges. Lines in no range have an unknown origin. */
export type LedgerState = Map<string, LineRange[]>;

/** One file of a default-branch commit, shaped like a `files[]` entry of GitHub's `GET /commits/{sha}`. */
export interface FileDiff {
  filename: string;
  previousFilename?: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions?: number;
  deletions?: number;
  /** Unified diff hunks; GitHub omits it for large or binary files. */
  patch?: string;
}

/** One first-parent commit of the default branch, diffed against its first parent. */
export interface CommitDiff {
  sha: string;
  parents: string[];
  committedAt: string;
  /** Commit message: read for revert markers and PR numbers, never stored. */
  message: string;
  /** The PR this commit merged, when known; `cohort` is that PR's cohort. */
  pr: number | null;
  cohort: Cohort;
  files: FileDiff[];
}

export type DeathKind = 'deleted' | 'rewritten';

export interface Birth {
  path: string;
  origin: Origin;
  lines: number;
}

export interface Death {
  path: string;
  origin: Origin;
  lines: number;
  kind: DeathKind;
  bySha: string;
  byPr: number | null;
  at: string;
  ageDays: number;
}

export interface Move {
  fromPath: string;
  toPath: string;
  origin: Origin;
  lines: number;
  bySha: string;
}

/** A file whose patch was omitted: its tracked lines are dropped, never guessed. */
export interface Gap {
  path: string;
  sha: string;
  pr: number | null;
  at: string;
  /** Tracked lines dropped, per origin (empty when the file held none). */
  lost: { origin: Origin; lines: number }[];
}

export interface CommitEffects {
  sha: string;
  pr: number | null;
  at: string;
  births: Birth[];
  deaths: Death[];
  moves: Move[];
  gaps: Gap[];
  /** Commits this one reverts ("This reverts commit <sha>"). */
  reverts: string[];
}
