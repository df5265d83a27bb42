import { MetricsError } from '../errors.js';
import {
  type PullRequestInput,
  recordCheckSuite,
  recordCompare,
  recordHeadPush,
  recordPullRequest,
  recordReview,
  recordReviewComment,
  reviewCommentFromApi,
} from '../records/activity.js';
import { firstHumanReviewCommit } from '../records/rework.js';
import type { SqlClient } from '../store/sql.js';
import type { GitHubRest } from './rest.js';

/**
 * How the App turns GitHub's pull request object (a webhook's `pull_request`, or `GET /pulls/{n}`: the same schema)
 * and its commits into the row it records; undefined when the repository records nothing (no usable policy). The
 * backfill calls the App's own, so a backfilled PR is recorded exactly as its webhooks would have recorded it.
 */
export interface PullRequestRecorder {
  pullRequest(pr: unknown, commits: readonly unknown[]): Promise<{ row: PullRequestInput; aiReviewers: readonly string[] } | undefined>;
}

export interface BackfillOptions {
  /** owner/name */
  repo: string;
  /** PRs updated (and, when closed, closed) at or after this ISO time. */
  since: string;
  recorder: PullRequestRecorder;
  now?: () => number;
  signal?: AbortSignal;
  onPage?: (progress: BackfillProgress) => void;
}

export interface BackfillProgress {
  pass: 1 | 2;
  pages: number;
  recorded: number;
  unchanged: number;
  outside: number;
  /** PRs the App records nothing for (no usable policy on their base branch). */
  notRecorded: number;
}

export interface BackfillSummary extends BackfillProgress {
  resumed: boolean;
  requests: number;
}

interface Run {
  pass: 1 | 2;
  next_url: string | null;
  started_at: string;
  finished_at: string | null;
  since: string;
}

const PER_PAGE = 100;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/**
 * Record a repository's pull requests of the last `since` from the REST API: each PR with its commits (as head
 * pushes), reviews, review comments, check suites and the compare in-PR rework needs. Pass 1 walks PRs by last update, newest first,
 * until they are older than `since`; pass 2 catches those updated while pass 1 ran. Where a run stands is stored
 * after every page and every PR, so an interrupted run resumes there, and a PR already stored at the same
 * `updated_at` is never fetched again.
 */
export async function backfillPullRequests(db: SqlClient, rest: GitHubRest, options: BackfillOptions): Promise<BackfillSummary> {
  const [owner, name] = options.repo.split('/');
  if (!owner || !name) throw new MetricsError('TRUST_TAX_INPUT_ERROR', `repository ${JSON.stringify(options.repo)} must be OWNER/REPO`);
  const now = options.now ?? Date.now;
  const base = `/repos/${owner}/${name}`;
  const firstPage = rest.url(`${base}/pulls`, { state: 'all', sort: 'updated', direction: 'desc', per_page: PER_PAGE });
  let run = await loadRun(db, options.repo);
  const resumed = run !== undefined && run.finished_at === null && Date.parse(run.since) === Date.parse(options.since);
  if (!resumed) {
    run = { pass: 1, next_url: firstPage, started_at: new Date(now()).toISOString(), finished_at: null, since: options.since };
    await saveRun(db, options.repo, run);
  }
  const state = run as Run;
  const progress: BackfillProgress = { pass: state.pass, pages: 0, recorded: 0, unchanged: 0, outside: 0, notRecorded: 0 };
  const since = Date.parse(options.since);
  while (state.next_url !== null) {
    // Pass 2 only needs what changed while pass 1 ran (a minute's margin for clocks).
    const floor = state.pass === 1 ? since : Date.parse(state.started_at) - 60_000;
    const page = await rest.get(state.next_url);
    if (page.status !== 200 || !Array.isArray(page.data))
      throw new MetricsError('BACKFILL_API_ERROR', `GitHub ${page.url} answered ${page.status} without a list of pull requests`);
    let ended = false;
    for (const item of page.data as { number?: unknown; updated_at?: unknown; closed_at?: unknown }[]) {
      options.signal?.throwIfAborted();
      if (typeof item?.number !== 'number' || typeof item.updated_at !== 'string')
        throw new MetricsError('BACKFILL_API_ERROR', `GitHub ${page.url} listed a pull request without number or updated_at`);
      if (Date.parse(item.updated_at) < floor) {
        ended = true;
        break;
      }
      if (typeof item.closed_at === 'string' && Date.parse(item.closed_at) < since) {
        progress.outside++;
        continue;
      }
      if (await storedAt(db, options.repo, item.number, item.updated_at)) {
        progress.unchanged++;
        continue;
      }
      if (await backfillOne(db, rest, options, base, item.number, item.updated_at)) progress.recorded++;
      else progress.notRecorded++;
    }
    progress.pages++;
    state.next_url = ended ? null : (page.next ?? null);
    if (state.next_url === null && state.pass === 1) {
      state.pass = 2;
      state.next_url = firstPage;
    }
    progress.pass = state.pass;
    if (state.next_url === null) state.finished_at = new Date(now()).toISOString();
    await saveRun(db, options.repo, state);
    options.onPage?.({ ...progress });
  }
  return { ...progress, resumed, requests: rest.stats.requests };
}

/** Fetch and record one PR; false when there was nothing to record (gone, or no usable policy). */
async function backfillOne(
  db: SqlClient,
  rest: GitHubRest,
  options: BackfillOptions,
  base: string,
  number: number,
  updatedAt: string,
): Promise<boolean> {
  const pr = await rest.get(`${base}/pulls/${number}`);
  if (pr.status !== 200) return false;
  const commits = await all(rest, `${base}/pulls/${number}/commits`);
  const reviews = await all(rest, `${base}/pulls/${number}/reviews`);
  const comments = await all(rest, `${base}/pulls/${number}/comments`);
  const recorded = await options.recorder.pullRequest(pr.data, commits);
  const row = recorded?.row;
  const heads = commits.map((c) => c as { sha?: unknown; commit?: { committer?: { date?: unknown } } });
  const suites: { id: number; head_sha: string; status: string; conclusion: string | null }[] = [];
  if (row)
    for (const c of heads) {
      if (typeof c.sha !== 'string') continue;
      suites.push(...(await checkSuites(rest, `${base}/commits/${c.sha}/check-suites`)));
    }
  await db.transaction(async (tx) => {
    if (row) {
      await recordPullRequest(tx, row);
      for (const c of heads) {
        const date = c.commit?.committer?.date;
        // A PR's commit was pushed no earlier than it was committed: the REST API keeps no push times.
        if (typeof c.sha === 'string' && typeof date === 'string')
          await recordHeadPush(tx, { repo: options.repo, number, sha: c.sha, pushedAt: date });
      }
      for (const r of reviews as {
        id?: unknown;
        user?: { login?: string; type?: string } | null;
        state?: unknown;
        submitted_at?: unknown;
        commit_id?: unknown;
      }[]) {
        if (
          typeof r.id !== 'number' ||
          !r.user?.login ||
          typeof r.submitted_at !== 'string' ||
          typeof r.state !== 'string' ||
          typeof r.commit_id !== 'string'
        )
          continue;
        await recordReview(
          tx,
          {
            repo: options.repo,
            number,
            id: r.id,
            reviewer: r.user.login,
            ...(r.user.type ? { reviewerType: r.user.type } : {}),
            state: r.state,
            submittedAt: r.submitted_at,
            commitId: r.commit_id,
          },
          recorded?.aiReviewers ?? [],
        );
      }
      for (const c of comments) {
        const comment = reviewCommentFromApi(options.repo, number, c);
        if (comment) await recordReviewComment(tx, comment, recorded?.aiReviewers ?? []);
      }
      for (const s of suites)
        if (s.status === 'completed')
          await recordCheckSuite(tx, { repo: options.repo, id: s.id, headSha: s.head_sha, status: s.status, conclusion: s.conclusion });
    }
  });
  if (row?.mergedAt) {
    const fromSha = await firstHumanReviewCommit(db, options.repo, number);
    if (fromSha) {
      const changedLines = fromSha === row.headSha ? 0 : await compareLines(rest, `${base}/compare/${fromSha}...${row.headSha}`);
      await recordCompare(db, { repo: options.repo, fromSha, toSha: row.headSha, changedLines });
    }
  }
  await db.query(
    `insert into tt_backfill_pulls (repo, number, updated_at) values ($1, $2, $3)
     on conflict (repo, number) do update set updated_at = excluded.updated_at`,
    [options.repo, number, updatedAt],
  );
  return row !== undefined;
}

async function all(rest: GitHubRest, path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of rest.pages(path, { per_page: PER_PAGE })) out.push(...page.data);
  return out;
}

/** `GET /commits/{ref}/check-suites` pages (an object with `check_suites`, not a list); a sha GitHub lost has none. */
async function checkSuites(rest: GitHubRest, path: string) {
  const out: { id: number; head_sha: string; status: string; conclusion: string | null }[] = [];
  let next: string | undefined = rest.url(path, { per_page: PER_PAGE });
  while (next) {
    const page = await rest.get(next);
    if (page.status !== 200) break;
    const list = (page.data as { check_suites?: unknown } | undefined)?.check_suites;
    if (!Array.isArray(list)) throw new MetricsError('BACKFILL_API_ERROR', `GitHub ${page.url} answered without check_suites`);
    for (const s of list as { id?: unknown; head_sha?: unknown; status?: unknown; conclusion?: unknown }[])
      if (typeof s.id === 'number' && typeof s.head_sha === 'string' && typeof s.status === 'string')
        out.push({ id: s.id, head_sha: s.head_sha, status: s.status, conclusion: typeof s.conclusion === 'string' ? s.conclusion : null });
    next = page.next;
  }
  return out;
}

/** Lines changed in a compare (additions + deletions of its files, first page: as the App reads it at merge). */
async function compareLines(rest: GitHubRest, path: string): Promise<number> {
  const answer = await rest.get(path);
  const files = (answer.data as { files?: { additions?: number; deletions?: number }[] } | undefined)?.files ?? [];
  return files.reduce((s, f) => s + (f.additions ?? 0) + (f.deletions ?? 0), 0);
}

async function storedAt(db: SqlClient, repo: string, number: number, updatedAt: string): Promise<boolean> {
  const { rows } = await db.query<{ updated_at: unknown }>('select updated_at from tt_backfill_pulls where repo = $1 and number = $2', [
    repo,
    number,
  ]);
  return rows[0] !== undefined && Date.parse(iso(rows[0].updated_at)) === Date.parse(updatedAt);
}

async function loadRun(db: SqlClient, repo: string): Promise<Run | undefined> {
  const { rows } = await db.query<{ pass: number; next_url: string | null; started_at: unknown; finished_at: unknown; since: unknown }>(
    'select pass, next_url, started_at, finished_at, since from tt_backfill_runs where repo = $1',
    [repo],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    pass: r.pass === 2 ? 2 : 1,
    next_url: r.next_url,
    started_at: iso(r.started_at),
    finished_at: r.finished_at ? iso(r.finished_at) : null,
    since: iso(r.since),
  };
}

async function saveRun(db: SqlClient, repo: string, run: Run): Promise<void> {
  await db.query(
    `insert into tt_backfill_runs (repo, since, started_at, pass, next_url, finished_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (repo) do update set since = excluded.since, started_at = excluded.started_at, pass = excluded.pass,
       next_url = excluded.next_url, finished_at = excluded.finished_at`,
    [repo, run.since, run.started_at, run.pass, run.next_url, run.finished_at],
  );
}
