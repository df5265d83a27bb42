import type { HeadPushFacts, LedgerFacts, PrMeasures, PullRequestFacts, TrustTaxDataset } from './types.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const FAILED = new Set(['failure', 'timed_out']);

export interface MeasureOptions {
  /** Time the report is made; N-day measures need the PR merged at least N days before it. */
  asOf: string;
  windows: readonly number[];
}

/** Items by repository, then by a number (a PR's): no string key per item, the most frequent allocation here. */
class ByPr<T> {
  private readonly repos = new Map<string, Map<number, T[]>>();
  add(repo: string, n: number, item: T): void {
    let m = this.repos.get(repo);
    if (!m) {
      m = new Map();
      this.repos.set(repo, m);
    }
    const list = m.get(n);
    if (list) list.push(item);
    else m.set(n, [item]);
  }
  get(repo: string, n: number): readonly T[] {
    return this.repos.get(repo)?.get(n) ?? NONE;
  }
}
const NONE: readonly never[] = [];

type OwnReview = { at: number; changes: boolean; commitId: string };

/** Measure every merged PR of the dataset (definitions in docs/trust-tax.md). */
export function measurePullRequests(data: TrustTaxDataset, options: MeasureOptions): PrMeasures[] {
  const asOf = Date.parse(options.asOf);
  const reviews = new ByPr<OwnReview>();
  for (const r of data.reviews) {
    const state = r.state.toUpperCase();
    if (!r.automated && state !== 'PENDING')
      reviews.add(r.repo, r.number, { at: Date.parse(r.submittedAt), changes: state === 'CHANGES_REQUESTED', commitId: r.commitId });
  }
  const names = options.windows.map((n) => ({
    n,
    churn: `churn_${n}`,
    follow: `follow_ups_${n}`,
    fix: `fix_follow_ups_${n}`,
    reverted: `reverted_${n}`,
  }));
  const comments = new ByPr<number>();
  for (const c of data.reviewComments) if (!c.automated) comments.add(c.repo, c.number, Date.parse(c.createdAt));
  const pushes = new ByPr<HeadPushFacts>();
  for (const h of data.headPushes) pushes.add(h.repo, h.number, h);
  // Completed and failed check suites per head commit.
  const suites = new Map<string, { completed: number; failed: number }>();
  for (const s of data.checkSuites) {
    if (s.status !== 'completed') continue;
    const k = `${s.repo}@${s.headSha}`;
    let c = suites.get(k);
    if (!c) {
      c = { completed: 0, failed: 0 };
      suites.set(k, c);
    }
    c.completed++;
    if (FAILED.has(s.conclusion ?? '')) c.failed++;
  }
  const compares = new Map(data.compares.map((c) => [`${c.repo}@${c.fromSha}..${c.toSha}`, c.changedLines]));
  const births = new ByPr<number>();
  for (const b of data.ledger.births) births.add(b.repo, b.pr, b.lines);
  const deaths = new ByPr<LedgerFacts['deaths'][number]>();
  for (const d of data.ledger.deaths) deaths.add(d.repo, d.originPr, d);
  const gaps = new ByPr<number>();
  for (const g of data.ledger.gaps) if (g.originPr !== null) gaps.add(g.repo, g.originPr, g.ageDays);
  const prs = new ByPr<PullRequestFacts>();
  for (const p of data.pullRequests) prs.add(p.repo, p.number, p);
  const revertPrs = new ByPr<number>();
  for (const p of data.pullRequests) if (p.revertsPr !== null && p.mergedAt) revertPrs.add(p.repo, p.revertsPr, Date.parse(p.mergedAt));
  // Reverted sha (or its abbreviation) -> when, per repository; git abbreviates to at least 7 characters.
  const revertedAt = new Map<string, { sha: string; at: number }[]>();
  for (const c of data.ledger.commits)
    for (const sha of c.reverts) {
      const k = `${c.repo}@${sha.slice(0, 7)}`;
      const list = revertedAt.get(k);
      if (list) list.push({ sha, at: Date.parse(c.at) });
      else revertedAt.set(k, [{ sha, at: Date.parse(c.at) }]);
    }
  const isFix = (repo: string, q: number) => {
    const f = prs.get(repo, q)[0];
    return f !== undefined && (f.fixLike || f.linksBug || f.revertsPr !== null);
  };

  const out: PrMeasures[] = [];
  for (const p of data.pullRequests) {
    if (!p.mergedAt) continue;
    const merged = Date.parse(p.mergedAt);
    const own = reviews.get(p.repo, p.number).filter((r) => r.at < merged);
    const heads = pushes.get(p.repo, p.number);
    const size = p.additions + p.deletions;
    let changes = 0;
    for (const r of own) if (r.changes) changes++;
    let commentCount = 0;
    for (const at of comments.get(p.repo, p.number)) if (at < merged) commentCount++;
    const values: Record<string, number | null> = {
      review_rounds: reviewRounds(own, heads, merged),
      changes_requested: changes,
      changes_requested_rate: changes > 0 ? 1 : 0,
      review_comments: commentCount,
      in_pr_rework: inPrRework(p, own, compares, size),
      ci_failure_rate: ciFailureRate(p, heads, suites),
      ...reviewTimes(own, Date.parse(p.createdAt), merged),
    };
    let born = 0;
    for (const lines of births.get(p.repo, p.number)) born += lines;
    const lineDeaths = deaths.get(p.repo, p.number).filter((d) => d.byPr !== p.number);
    const gapAges = gaps.get(p.repo, p.number);
    const reverts = revertPrs.get(p.repo, p.number);
    for (const { n, churn, follow, fix, reverted } of names) {
      const eligible = asOf - merged >= n * DAY_MS;
      if (!eligible) {
        values[churn] = null;
        values[follow] = null;
        values[fix] = null;
        values[reverted] = null;
        continue;
      }
      let lost = false;
      for (const age of gapAges) if (age <= n) lost = true;
      let died = 0;
      const followers = new Set<number>();
      for (const d of lineDeaths)
        if (d.ageDays <= n) {
          died += d.lines;
          if (d.byPr !== null) followers.add(d.byPr);
        }
      values[churn] = born === 0 || lost ? null : died / born;
      values[follow] = followers.size;
      let fixes = 0;
      for (const q of followers) if (isFix(p.repo, q)) fixes++;
      values[fix] = fixes;
      values[reverted] = revertedWithin(p, merged, n, reverts, revertedAt) ? 1 : 0;
    }
    out.push({
      repo: p.repo,
      number: p.number,
      title: p.title,
      author: p.author,
      team: p.team,
      cohort: p.cohort,
      mergedAt: p.mergedAt,
      size,
      values,
    });
  }
  return out;
}

/** Pickup (opened to first human review), review time (first human review to merge), and merged unreviewed. */
function reviewTimes(reviews: readonly { at: number }[], created: number, merged: number): Record<string, number | null> {
  if (reviews.length === 0) return { time_to_first_review_h: null, review_time_h: null, merged_without_review: 1 };
  let first = Number.POSITIVE_INFINITY;
  for (const r of reviews) if (r.at < first) first = r.at;
  return {
    time_to_first_review_h: Math.max(0, first - created) / HOUR_MS,
    review_time_h: Math.max(0, merged - first) / HOUR_MS,
    merged_without_review: 0,
  };
}

/** Human reviews before merge after which new commits were pushed. */
function reviewRounds(reviews: readonly OwnReview[], pushes: readonly HeadPushFacts[], merged: number): number {
  if (reviews.length === 0 || pushes.length === 0) return 0;
  const times = pushes.map((h) => Date.parse(h.pushedAt));
  return reviews.filter((r) => times.some((t) => t > r.at && t <= merged)).length;
}

/** Lines changed between the commit the first human review saw and the merged head, over the PR's size. */
function inPrRework(p: PullRequestFacts, reviews: readonly OwnReview[], compares: Map<string, number>, size: number): number | null {
  if (reviews.length === 0 || size === 0) return null;
  const first = reviews.reduce((a, b) => (b.at < a.at ? b : a));
  if (first.commitId === p.headSha) return 0;
  const changed = compares.get(`${p.repo}@${first.commitId}..${p.headSha}`);
  return changed === undefined ? null : changed / size;
}

/** Failed or timed-out check suites over completed ones, on the PR's head commits (every head pushed to the PR). */
function ciFailureRate(
  p: PullRequestFacts,
  pushes: readonly { sha: string }[],
  suites: Map<string, { completed: number; failed: number }>,
): number | null {
  let completed = 0;
  let failed = 0;
  const count = (sha: string) => {
    const c = suites.get(`${p.repo}@${sha}`);
    if (c) {
      completed += c.completed;
      failed += c.failed;
    }
  };
  count(p.headSha);
  // Each head once: the merged head is usually among the pushes too.
  pushes.forEach((h, i) => {
    if (h.sha !== p.headSha && pushes.findIndex((o) => o.sha === h.sha) === i) count(h.sha);
  });
  return completed === 0 ? null : failed / completed;
}

function revertedWithin(
  p: PullRequestFacts,
  merged: number,
  days: number,
  revertPrsMergedAt: readonly number[],
  revertedAt: Map<string, { sha: string; at: number }[]>,
): boolean {
  const inWindow = (at: number) => at >= merged && at - merged <= days * DAY_MS;
  if (revertPrsMergedAt.some(inWindow)) return true;
  const sha = p.mergeCommitSha;
  if (!sha) return false;
  return (revertedAt.get(`${p.repo}@${sha.slice(0, 7)}`) ?? []).some((c) => inWindow(c.at) && sha.startsWith(c.sha));
}
