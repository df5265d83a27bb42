import { applyCommit } from '../ledger/apply.js';
import type { Cohort, CommitDiff, CommitEffects, LedgerState, LineRange } from '../ledger/types.js';
import { mergedPullRequestNumber } from '../measures/classify.js';
import type { SqlClient } from '../store/sql.js';

/** A default-branch commit as the App or a backfill sees it; PR and cohort are resolved from the store if absent. */
export type CommitInput = Omit<CommitDiff, 'pr' | 'cohort'> & { pr?: number | null; cohort?: Cohort };

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/**
 * Apply first-parent commits of the default branch, oldest first, to the stored ledger in one transaction.
 * Commits already applied are skipped, so a redelivered push is harmless. Returns the effects of new commits.
 */
export async function recordPush(db: SqlClient, repo: string, commits: readonly CommitInput[]): Promise<CommitEffects[]> {
  return db.transaction(async (tx) => {
    const seen = new Set(
      (
        await tx.query<{ sha: string }>('select sha from tt_ledger_commits where repo = $1 and sha = any($2)', [
          repo,
          commits.map((c) => c.sha),
        ])
      ).rows.map((r) => r.sha),
    );
    const fresh = commits.filter((c) => !seen.has(c.sha));
    if (fresh.length === 0) return [];
    const resolved = await resolvePullRequests(tx, repo, fresh);
    const paths = [
      ...new Set(fresh.flatMap((c) => c.files.flatMap((f) => [f.filename, ...(f.previousFilename ? [f.previousFilename] : [])]))),
    ];
    const ledger = await loadLedger(tx, repo, paths);
    const effects = resolved.map((c) => applyCommit(ledger, c));
    await saveRanges(tx, repo, paths, ledger);
    await saveEffects(tx, repo, effects);
    return effects;
  });
}

async function resolvePullRequests(db: SqlClient, repo: string, commits: readonly CommitInput[]): Promise<CommitDiff[]> {
  const { rows } = await db.query<{ number: number; cohort: Cohort; merge_commit_sha: string | null }>(
    'select number, cohort, merge_commit_sha from tt_pull_requests where repo = $1 and (merge_commit_sha = any($2) or number = any($3))',
    [repo, commits.map((c) => c.sha), commits.map((c) => mergedPullRequestNumber(c.message) ?? -1)],
  );
  const bySha = new Map(rows.filter((r) => r.merge_commit_sha).map((r) => [r.merge_commit_sha as string, r]));
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return commits.map((c) => {
    const pr = c.pr !== undefined ? c.pr : (bySha.get(c.sha)?.number ?? mergedPullRequestNumber(c.message));
    const cohort = c.cohort ?? (pr === null ? 'unknown' : (byNumber.get(pr)?.cohort ?? bySha.get(c.sha)?.cohort ?? 'unknown'));
    return { ...c, pr, cohort };
  });
}

/** The stored ledger of a repository (all files, or only `paths`). */
export async function loadLedger(db: SqlClient, repo: string, paths?: readonly string[]): Promise<LedgerState> {
  const { rows } = await db.query<{
    path: string;
    start_line: number;
    line_count: number;
    origin_pr: number | null;
    origin_sha: string;
    cohort: Cohort;
    born_at: unknown;
  }>(
    `select path, start_line, line_count, origin_pr, origin_sha, cohort, born_at from tt_ledger_ranges
     where repo = $1 ${paths ? 'and path = any($2)' : ''} order by path, start_line`,
    paths ? [repo, paths] : [repo],
  );
  const ledger: LedgerState = new Map();
  const origins = new Map<string, LineRange['origin']>();
  for (const r of rows) {
    const bornAt = iso(r.born_at);
    const k = `${r.origin_sha}|${r.origin_pr}|${bornAt}|${r.cohort}`;
    let origin = origins.get(k);
    if (!origin) {
      origin = { pr: r.origin_pr, sha: r.origin_sha, cohort: r.cohort, bornAt };
      origins.set(k, origin);
    }
    const list = ledger.get(r.path) ?? [];
    list.push({ start: r.start_line, length: r.line_count, origin });
    ledger.set(r.path, list);
  }
  return ledger;
}

async function saveRanges(db: SqlClient, repo: string, paths: readonly string[], ledger: LedgerState): Promise<void> {
  await db.query('delete from tt_ledger_ranges where repo = $1 and path = any($2)', [repo, paths]);
  const cols: unknown[][] = [[], [], [], [], [], [], []];
  for (const path of paths)
    for (const r of ledger.get(path) ?? [])
      pushRow(cols, [path, r.start, r.length, r.origin.pr, r.origin.sha, r.origin.cohort, r.origin.bornAt]);
  await db.query(
    `insert into tt_ledger_ranges (repo, path, start_line, line_count, origin_pr, origin_sha, cohort, born_at)
     select $1, * from unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::timestamptz[])`,
    [repo, ...cols],
  );
}

async function saveEffects(db: SqlClient, repo: string, effects: readonly CommitEffects[]): Promise<void> {
  const commits: unknown[][] = [[], [], [], []];
  const births: unknown[][] = [[], [], [], []];
  const deaths: unknown[][] = [[], [], [], [], [], [], []];
  const moves: unknown[][] = [[], [], [], [], []];
  const gaps: unknown[][] = [[], [], [], [], []];
  for (const e of effects) {
    pushRow(commits, [e.sha, e.at, e.pr, e.reverts.join(' ')]);
    for (const b of e.births) if (b.origin.pr !== null) pushRow(births, [e.sha, b.path, b.origin.pr, b.lines]);
    for (const d of e.deaths) if (d.origin.pr !== null) pushRow(deaths, [e.sha, d.path, d.origin.pr, d.byPr, d.kind, d.lines, d.ageDays]);
    for (const m of e.moves) pushRow(moves, [e.sha, m.fromPath, m.toPath, m.origin.pr, m.lines]);
    for (const g of e.gaps) {
      pushRow(gaps, [e.sha, g.path, g.pr, 0, 0]);
      for (const l of g.lost)
        pushRow(gaps, [e.sha, g.path, l.origin.pr, l.lines, (Date.parse(g.at) - Date.parse(l.origin.bornAt)) / 86_400_000]);
    }
  }
  await db.query(
    `insert into tt_ledger_commits (repo, sha, committed_at, pr, reverts) select $1, * from unnest($2::text[], $3::timestamptz[], $4::int[], $5::text[])`,
    [repo, ...commits],
  );
  await db.query(
    `insert into tt_ledger_births (repo, sha, path, pr, lines) select $1, * from unnest($2::text[], $3::text[], $4::int[], $5::int[])`,
    [repo, ...births],
  );
  await db.query(
    `insert into tt_ledger_deaths (repo, sha, path, origin_pr, by_pr, kind, lines, age_days)
     select $1, * from unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::float8[])`,
    [repo, ...deaths],
  );
  await db.query(
    `insert into tt_ledger_moves (repo, sha, from_path, to_path, origin_pr, lines) select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[])`,
    [repo, ...moves],
  );
  await db.query(
    `insert into tt_ledger_gaps (repo, sha, path, origin_pr, lines, age_days) select $1, * from unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::float8[])`,
    [repo, ...gaps],
  );
}

function pushRow(cols: unknown[][], values: unknown[]): void {
  values.forEach((v, i) => {
    (cols[i] as unknown[]).push(v);
  });
}
