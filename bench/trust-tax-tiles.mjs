// A large trust-tax store for the report benches, fast: one synthetic organisation of `base` PRs recorded through
// the recording API (real patches through the real ledger), then copied in SQL (`insert ... select ... cross join
// generate_series`) until it holds about `prs` PRs. Each copy shifts PR numbers, ids and shas, so no key repeats and
// every copy links only to itself (reverts, follow-ups, compares); repositories, authors, teams, sizes and times
// stay those of the original, so the strata and the months are the same shape at any size.
// (syntheticOrganisation itself grows its files without bound, so generating 100,000 PRs directly is quadratic.)
import { importHistory, syntheticOrganisation } from '../packages/metrics/dist/index.js';

const NUMBER_STEP = 100_000;
const ID_STEP = 10_000_000;
// Copy k's shas start with `x` and k in 2 hex digits instead of the original's first 3 characters: never an
// original's (hex) sha, and 7-character abbreviations stay distinct per copy, as a real history's would.
const sha = (col) => `'x' || lpad(to_hex(k), 2, '0') || substr(${col}, 4)`;
const pr = (col) => `${col} + k * ${NUMBER_STEP}`;

const COPIES = {
  tt_pull_requests: {
    columns:
      'repo, number, author, team, cohort, title, head_ref, fix_like, links_bug, reverts_pr, created_at, merged_at, merge_commit_sha, head_sha, additions, deletions, closed_at',
    select: `repo, ${pr('number')}, author, team, cohort, title, head_ref, fix_like, links_bug, ${pr('reverts_pr')}, created_at, merged_at, ${sha('merge_commit_sha')}, ${sha('head_sha')}, additions, deletions, closed_at`,
  },
  tt_head_pushes: { columns: 'repo, number, sha, pushed_at', select: `repo, ${pr('number')}, ${sha('sha')}, pushed_at` },
  tt_reviews: {
    columns: 'repo, id, number, reviewer, automated, state, submitted_at, commit_id',
    select: `repo, id + k * ${ID_STEP}, ${pr('number')}, reviewer, automated, state, submitted_at, ${sha('commit_id')}`,
  },
  tt_review_comments: {
    columns: 'repo, id, number, reviewer, automated, review_id, created_at, commit_id',
    select: `repo, id + k * ${ID_STEP}, ${pr('number')}, reviewer, automated, review_id + k * ${ID_STEP}, created_at, ${sha('commit_id')}`,
  },
  tt_check_suites: {
    columns: 'repo, id, head_sha, status, conclusion',
    select: `repo, id + k * ${ID_STEP}, ${sha('head_sha')}, status, conclusion`,
  },
  tt_compares: { columns: 'repo, from_sha, to_sha, changed_lines', select: `repo, ${sha('from_sha')}, ${sha('to_sha')}, changed_lines` },
  tt_ledger_commits: {
    columns: 'repo, sha, committed_at, pr, reverts',
    select: `repo, ${sha('sha')}, committed_at, ${pr('pr')}, case when reverts = '' then reverts else regexp_replace(reverts, '(^| )\\S{3}', '\\1x' || lpad(to_hex(k), 2, '0'), 'g') end`,
  },
  tt_ledger_births: { columns: 'repo, sha, path, pr, lines', select: `repo, ${sha('sha')}, path, ${pr('pr')}, lines` },
  tt_ledger_deaths: {
    columns: 'repo, sha, path, origin_pr, by_pr, kind, lines, age_days',
    select: `repo, ${sha('sha')}, path, ${pr('origin_pr')}, ${pr('by_pr')}, kind, lines, age_days`,
  },
  tt_ledger_gaps: {
    columns: 'repo, sha, path, origin_pr, lines, age_days',
    select: `repo, ${sha('sha')}, path, ${pr('origin_pr')}, lines, age_days`,
  },
};

/** Record `base` synthetic PRs, then copy them in SQL to about `prs` in all; returns the PR count. */
export async function tiledOrganisation(store, prs, base = 2_000) {
  const { pullRequests } = await importHistory(store, syntheticOrganisation({ pullRequests: Math.min(base, prs) }));
  const copies = Math.max(1, Math.round(prs / pullRequests));
  if (copies > 256) throw new Error(`at most 256 copies of ${pullRequests} PRs (sha prefixes); raise the base`);
  if (copies > 1)
    await store.transaction(async (tx) => {
      for (const [table, { columns, select }] of Object.entries(COPIES))
        await tx.query(
          `insert into ${table} (${columns}) select ${select} from ${table} cross join generate_series(1, ${copies - 1}) as k`,
        );
    });
  const { rows } = await store.query('select count(*)::int as n from tt_pull_requests');
  return rows[0].n;
}
