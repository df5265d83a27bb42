import type { ClassifyOptions } from '@trustgate/attribution';
import { applyCommit } from '../ledger/apply.js';
import type { GitCommit } from '../ledger/backfill/git-log.js';
import { streamGitCommits, streamGitHistory } from '../ledger/backfill/git.js';
import type { LedgerState } from '../ledger/types.js';
import { isFixLike, mergedPullRequestNumber } from '../measures/classify.js';
import { commitCohort, hasMarkers } from './cohorts.js';
import { LineLifetimes } from './lifetimes.js';

export interface HistorySource {
  /** Local clone. */
  dir: string;
  /** Name shown in the report (owner/name or the directory's name). */
  repo: string;
  ref?: string;
}

export interface HistoryReadOptions {
  /** Only first-parent commits since then (git's --since); lines born before are not tracked. */
  since?: string;
  windows: readonly number[];
  classify: ClassifyOptions;
}

/** What was read from the clones: line lifetimes and per-commit outcomes, ready for `buildHistoryReport`. */
export interface HistoryRun {
  repositories: { repo: string; commits: number; head: string | null; newest: number | null }[];
  lifetimes: LineLifetimes;
}

/**
 * Replay each clone's default branch through the line-survival ledger, in memory, one commit at a time: the cohort
 * of every commit from its markers (and those of the commits it merged), each line followed until it dies.
 */
export async function readHistories(sources: readonly HistorySource[], options: HistoryReadOptions): Promise<HistoryRun> {
  const lifetimes = new LineLifetimes(options.windows);
  const repositories: HistoryRun['repositories'] = [];
  for (const [repo, source] of sources.entries()) {
    const graph = await mergedCommits(source, options);
    const claimed = new Set<string>();
    const ledger: LedgerState = new Map();
    let commits = 0;
    let head: string | null = null;
    let newest: number | null = null;
    for await (const c of streamGitHistory(source.dir, {
      ...(source.ref ? { ref: source.ref } : {}),
      ...(options.since ? { since: options.since } : {}),
    })) {
      claimed.add(c.sha);
      const merged = graph.branchOf(c, claimed);
      const { cohort } = commitCohort(source.repo, c, merged, options.classify);
      const diff = { ...c, pr: mergedPullRequestNumber(c.message), cohort };
      lifetimes.beforeApply(repo, ledger, diff);
      const effects = applyCommit(ledger, diff);
      const subject = c.message.split('\n', 1)[0] ?? '';
      const branch = /^Merge pull request #\d+ from \S+?\/(\S+)/.exec(subject)?.[1] ?? '';
      lifetimes.afterApply(repo, diff, effects, c.authorEmail || c.authorName, isFixLike(subject, branch));
      commits++;
      head = c.sha;
      const at = Date.parse(c.committedAt);
      newest = newest === null ? at : Math.max(newest, at);
    }
    repositories.push({ repo: source.repo, commits, head, newest });
  }
  return { repositories, lifetimes };
}

/**
 * The commit graph without diffs: parents of every commit, and the full facts of the few commits that carry
 * markers (only they can change a merge's cohort). `branchOf(merge)` walks the merge's other parents back to
 * commits already claimed by the default branch or an earlier merge.
 */
async function mergedCommits(source: HistorySource, options: HistoryReadOptions) {
  const parents = new Map<string, string[]>();
  const marked = new Map<string, GitCommit>();
  const since = options.since ? Date.parse(options.since) : Number.NEGATIVE_INFINITY;
  const dates = new Map<string, number>();
  for await (const c of streamGitCommits(source.dir, source.ref ?? 'HEAD')) {
    parents.set(c.sha, c.parents);
    dates.set(c.sha, Date.parse(c.committedAt));
    if (hasMarkers(c, options.classify)) marked.set(c.sha, c);
  }
  return {
    branchOf(c: GitCommit, claimed: Set<string>): GitCommit[] {
      const out: GitCommit[] = [];
      const stack = c.parents.slice(1);
      while (stack.length > 0) {
        const sha = stack.pop() as string;
        if (claimed.has(sha) || !parents.has(sha) || (dates.get(sha) ?? 0) < since) continue;
        claimed.add(sha);
        const facts = marked.get(sha);
        if (facts) out.push(facts);
        stack.push(...(parents.get(sha) ?? []));
      }
      return out;
    },
  };
}
