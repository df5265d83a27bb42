import type { Cohort, DeathKind } from '../ledger/types.js';
import type { TrustTaxDataset } from '../measures/types.js';
import type { SqlClient } from '../store/sql.js';

const iso = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();

/** Everything the report reads, for one repository or all (ledger rows are counts and ranges, never code). */
export async function loadTrustTaxDataset(db: SqlClient, options: { repo?: string } = {}): Promise<TrustTaxDataset> {
  const where = options.repo ? 'where repo = $1' : '';
  const params = options.repo ? [options.repo] : [];
  const q = <T extends object>(sql: string) => db.query<T>(sql.replace('$WHERE', where), params).then((r) => r.rows);
  const [prs, reviews, pushes, suites, compares, births, deaths, gaps, commits] = await Promise.all([
    q<Record<string, unknown>>('select * from tt_pull_requests $WHERE'),
    q<Record<string, unknown>>('select * from tt_reviews $WHERE'),
    q<Record<string, unknown>>('select * from tt_head_pushes $WHERE'),
    q<Record<string, unknown>>('select * from tt_check_suites $WHERE'),
    q<Record<string, unknown>>('select * from tt_compares $WHERE'),
    q<{ repo: string; pr: number; lines: string }>('select repo, pr, sum(lines) as lines from tt_ledger_births $WHERE group by repo, pr'),
    q<{ repo: string; origin_pr: number; by_pr: number | null; kind: DeathKind; age_days: number; lines: string }>(
      'select repo, origin_pr, by_pr, kind, age_days, sum(lines) as lines from tt_ledger_deaths $WHERE group by repo, origin_pr, by_pr, kind, age_days',
    ),
    q<{ repo: string; origin_pr: number | null; age_days: number; path: string; sha: string }>(
      'select repo, origin_pr, age_days, path, sha from tt_ledger_gaps $WHERE',
    ),
    q<{ repo: string; sha: string; committed_at: unknown; reverts: string }>(
      `select repo, sha, committed_at, reverts from tt_ledger_commits ${where ? `${where} and` : 'where'} reverts <> ''`,
    ),
  ]);
  return {
    pullRequests: prs.map((r) => ({
      repo: r.repo as string,
      number: r.number as number,
      author: r.author as string,
      team: r.team as string,
      cohort: r.cohort as Cohort,
      title: r.title as string,
      headRef: r.head_ref as string,
      fixLike: r.fix_like as boolean,
      linksBug: r.links_bug as boolean,
      revertsPr: (r.reverts_pr as number | null) ?? null,
      createdAt: iso(r.created_at) as string,
      mergedAt: iso(r.merged_at),
      mergeCommitSha: (r.merge_commit_sha as string | null) ?? null,
      headSha: r.head_sha as string,
      additions: r.additions as number,
      deletions: r.deletions as number,
    })),
    reviews: reviews.map((r) => ({
      repo: r.repo as string,
      number: r.number as number,
      id: Number(r.id),
      reviewer: r.reviewer as string,
      automated: r.automated as boolean,
      state: r.state as string,
      submittedAt: iso(r.submitted_at) as string,
      commitId: r.commit_id as string,
    })),
    headPushes: pushes.map((r) => ({
      repo: r.repo as string,
      number: r.number as number,
      sha: r.sha as string,
      pushedAt: iso(r.pushed_at) as string,
    })),
    checkSuites: suites.map((r) => ({
      repo: r.repo as string,
      id: Number(r.id),
      headSha: r.head_sha as string,
      status: r.status as string,
      conclusion: (r.conclusion as string | null) ?? null,
    })),
    compares: compares.map((r) => ({
      repo: r.repo as string,
      fromSha: r.from_sha as string,
      toSha: r.to_sha as string,
      changedLines: r.changed_lines as number,
    })),
    ledger: {
      births: births.map((r) => ({ repo: r.repo, pr: r.pr, lines: Number(r.lines) })),
      deaths: deaths.map((r) => ({
        repo: r.repo,
        originPr: r.origin_pr,
        byPr: r.by_pr,
        kind: r.kind,
        ageDays: Number(r.age_days),
        lines: Number(r.lines),
      })),
      gaps: gaps.map((r) => ({ repo: r.repo, originPr: r.origin_pr, ageDays: Number(r.age_days), path: r.path, sha: r.sha })),
      commits: commits.map((r) => ({ repo: r.repo, sha: r.sha, at: iso(r.committed_at) as string, reverts: r.reverts.split(' ') })),
    },
  };
}
