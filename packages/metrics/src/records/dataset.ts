import type { Cohort, DeathKind } from '../ledger/types.js';
import type { TrustTaxDataset } from '../measures/types.js';
import type { SqlClient } from '../store/sql.js';

// Times come back as JavaScript's ISO form (UTC, milliseconds), formatted by the server: a Date per value in
// the process was a good part of the load.
const ms = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Everything the report reads, for one repository or all (ledger rows are counts and ranges, never code).
 * Each table comes back as one JSON array: far fewer round trips and row decodes than one row per record.
 */
export async function loadTrustTaxDataset(db: SqlClient, options: { repo?: string } = {}): Promise<TrustTaxDataset> {
  const where = options.repo ? 'where repo = $1' : '';
  const params = options.repo ? [options.repo] : [];
  // In parts of 20,000 rows (scan order kept): one huge message makes the client merge its buffers over and over.
  const list = async <T>(columns: string[], from: string): Promise<T[]> => {
    const { rows } = await db.query<{ j: string }>(
      `select json_agg(json_build_array(${columns.join(', ')}) order by n_)::text as j
       from (select *, row_number() over () - 1 as n_ from ${from} ${where}) t group by n_ / 20000 order by n_ / 20000`,
      params,
    );
    return rows.length === 1 ? (JSON.parse((rows[0] as { j: string }).j) as T[]) : rows.flatMap((r) => JSON.parse(r.j) as T[]);
  };
  const [prs, reviews, reviewComments, pushes, suites, compares, births, deaths, gaps, commits] = await Promise.all([
    list<
      [
        string,
        number,
        string,
        string,
        Cohort,
        string,
        string,
        boolean,
        boolean,
        number | null,
        string,
        string | null,
        string | null,
        string,
        number,
        number,
        string | null,
      ]
    >(
      [
        'repo',
        'number',
        'author',
        'team',
        'cohort',
        'title',
        'head_ref',
        'fix_like',
        'links_bug',
        'reverts_pr',
        ms('created_at'),
        ms('merged_at'),
        'merge_commit_sha',
        'head_sha',
        'additions',
        'deletions',
        ms('closed_at'),
      ],
      'tt_pull_requests',
    ),
    list<[string, number, number, string, boolean, string, string, string]>(
      ['repo', 'number', 'id', 'reviewer', 'automated', 'state', ms('submitted_at'), 'commit_id'],
      'tt_reviews',
    ),
    list<[string, number, number, string, boolean, string]>(
      ['repo', 'number', 'id', 'reviewer', 'automated', ms('created_at')],
      'tt_review_comments',
    ),
    list<[string, number, string, string]>(['repo', 'number', 'sha', ms('pushed_at')], 'tt_head_pushes'),
    list<[string, number, string, string, string | null]>(['repo', 'id', 'head_sha', 'status', 'conclusion'], 'tt_check_suites'),
    list<[string, string, string, number]>(['repo', 'from_sha', 'to_sha', 'changed_lines'], 'tt_compares'),
    list<[string, number, number]>(
      ['repo', 'pr', 'lines'],
      `(select repo, pr, sum(lines)::int as lines from tt_ledger_births ${where} group by repo, pr) b`,
    ),
    list<[string, number, number | null, DeathKind, number, number]>(
      ['repo', 'origin_pr', 'by_pr', 'kind', 'age_days', 'lines'],
      `(select repo, origin_pr, by_pr, kind, age_days, sum(lines)::int as lines from tt_ledger_deaths ${where} group by repo, origin_pr, by_pr, kind, age_days) d`,
    ),
    list<[string, number | null, number, string, string, number]>(
      ['repo', 'origin_pr', 'age_days', 'path', 'sha', 'lines'],
      'tt_ledger_gaps',
    ),
    list<[string, string, string, string]>(
      ['repo', 'sha', ms('committed_at'), 'reverts'],
      `(select * from tt_ledger_commits where reverts <> '') c`,
    ),
  ]);
  return {
    pullRequests: prs.map((r) => ({
      repo: r[0],
      number: r[1],
      author: r[2],
      team: r[3],
      cohort: r[4],
      title: r[5],
      headRef: r[6],
      fixLike: r[7],
      linksBug: r[8],
      revertsPr: r[9],
      createdAt: r[10],
      mergedAt: r[11],
      mergeCommitSha: r[12],
      headSha: r[13],
      additions: r[14],
      deletions: r[15],
      closedAt: r[16],
    })),
    reviews: reviews.map((r) => ({
      repo: r[0],
      number: r[1],
      id: r[2],
      reviewer: r[3],
      automated: r[4],
      state: r[5],
      submittedAt: r[6],
      commitId: r[7],
    })),
    reviewComments: reviewComments.map((r) => ({
      repo: r[0],
      number: r[1],
      id: r[2],
      reviewer: r[3],
      automated: r[4],
      createdAt: r[5],
    })),
    headPushes: pushes.map((r) => ({ repo: r[0], number: r[1], sha: r[2], pushedAt: r[3] })),
    checkSuites: suites.map((r) => ({ repo: r[0], id: r[1], headSha: r[2], status: r[3], conclusion: r[4] })),
    compares: compares.map((r) => ({ repo: r[0], fromSha: r[1], toSha: r[2], changedLines: r[3] })),
    ledger: {
      births: births.map((r) => ({ repo: r[0], pr: r[1], lines: r[2] })),
      deaths: deaths.map((r) => ({ repo: r[0], originPr: r[1], byPr: r[2], kind: r[3], ageDays: r[4], lines: r[5] })),
      gaps: gaps.map((r) => ({ repo: r[0], originPr: r[1], ageDays: r[2], path: r[3], sha: r[4], lines: r[5] })),
      commits: commits.map((r) => ({ repo: r[0], sha: r[1], at: r[2], reverts: r[3].split(' ') })),
    },
  };
}
