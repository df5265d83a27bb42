import type { CheckSuiteFacts, PrMeasures, PullRequestFacts, ReviewFacts, TrustTaxDataset } from './types.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const FAILED = new Set(['failure', 'timed_out']);

export interface MeasureOptions {
  /** Time the report is made; N-day measures need the PR merged at least N days before it. */
  asOf: string;
  windows: readonly number[];
}

const key = (repo: string, n: number | null) => `${repo}#${n}`;

function group<T>(items: readonly T[], by: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = by(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Measure every merged PR of the dataset (definitions in docs/trust-tax.md). */
export function measurePullRequests(data: TrustTaxDataset, options: MeasureOptions): PrMeasures[] {
  const asOf = Date.parse(options.asOf);
  const reviews = group(
    data.reviews.filter((r) => !r.automated && r.state.toUpperCase() !== 'PENDING').map((r) => ({ ...r, at: Date.parse(r.submittedAt) })),
    (r) => key(r.repo, r.number),
  );
  const names = options.windows.map((n) => ({
    n,
    churn: `churn_${n}`,
    follow: `follow_ups_${n}`,
    fix: `fix_follow_ups_${n}`,
    reverted: `reverted_${n}`,
  }));
  const comments = group(
    data.reviewComments.filter((c) => !c.automated),
    (c) => key(c.repo, c.number),
  );
  const pushes = group(data.headPushes, (h) => key(h.repo, h.number));
  const suites = group(data.checkSuites, (s) => `${s.repo}@${s.headSha}`);
  const compares = new Map(data.compares.map((c) => [`${c.repo}@${c.fromSha}..${c.toSha}`, c.changedLines]));
  const births = new Map<string, number>();
  for (const b of data.ledger.births) births.set(key(b.repo, b.pr), (births.get(key(b.repo, b.pr)) ?? 0) + b.lines);
  const deaths = group(data.ledger.deaths, (d) => key(d.repo, d.originPr));
  const gaps = group(data.ledger.gaps, (g) => key(g.repo, g.originPr));
  const prs = new Map(data.pullRequests.map((p) => [key(p.repo, p.number), p]));
  const revertPrs = group(
    data.pullRequests.filter((p) => p.revertsPr !== null && p.mergedAt),
    (p) => key(p.repo, p.revertsPr),
  );
  // Reverted sha (or its abbreviation) -> when, per repository; git abbreviates to at least 7 characters.
  const revertedAt = new Map<string, { sha: string; at: number }[]>();
  for (const c of data.ledger.commits)
    for (const sha of c.reverts) {
      const k = `${c.repo}@${sha.slice(0, 7)}`;
      revertedAt.set(k, [...(revertedAt.get(k) ?? []), { sha, at: Date.parse(c.at) }]);
    }

  const out: PrMeasures[] = [];
  for (const p of data.pullRequests) {
    if (!p.mergedAt) continue;
    const merged = Date.parse(p.mergedAt);
    const k = key(p.repo, p.number);
    const own = (reviews.get(k) ?? []).filter((r) => r.at < merged);
    const size = p.additions + p.deletions;
    const values: Record<string, number | null> = {
      review_rounds: reviewRounds(own, pushTimes(pushes.get(k)), merged),
      changes_requested: own.filter((r) => r.state.toUpperCase() === 'CHANGES_REQUESTED').length,
      changes_requested_rate: own.some((r) => r.state.toUpperCase() === 'CHANGES_REQUESTED') ? 1 : 0,
      review_comments: (comments.get(k) ?? []).filter((c) => Date.parse(c.createdAt) < merged).length,
      in_pr_rework: inPrRework(p, own, compares, size),
      ci_failure_rate: ciFailureRate(p, pushes.get(k) ?? [], suites),
      ...reviewTimes(own, Date.parse(p.createdAt), merged),
    };
    const born = births.get(k) ?? 0;
    const lineDeaths = (deaths.get(k) ?? []).filter((d) => d.byPr !== p.number);
    for (const { n, churn, follow, fix, reverted } of names) {
      const eligible = asOf - merged >= n * DAY_MS;
      const within = lineDeaths.filter((d) => d.ageDays <= n);
      const lost = (gaps.get(k) ?? []).some((g) => g.ageDays <= n);
      values[churn] = !eligible || born === 0 || lost ? null : within.reduce((s, d) => s + d.lines, 0) / born;
      const followers = [...new Set(within.map((d) => d.byPr).filter((q): q is number => q !== null))];
      values[follow] = eligible ? followers.length : null;
      values[fix] = eligible
        ? followers.filter((q) => {
            const f = prs.get(key(p.repo, q));
            return f !== undefined && (f.fixLike || f.linksBug || f.revertsPr !== null);
          }).length
        : null;
      values[reverted] = eligible ? (revertedWithin(p, n, revertPrs.get(k) ?? [], revertedAt) ? 1 : 0) : null;
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
  const first = Math.min(...reviews.map((r) => r.at));
  return {
    time_to_first_review_h: Math.max(0, first - created) / HOUR_MS,
    review_time_h: Math.max(0, merged - first) / HOUR_MS,
    merged_without_review: 0,
  };
}

/** Human reviews before merge after which new commits were pushed. */
function reviewRounds(reviews: readonly (ReviewFacts & { at: number })[], pushTimes: readonly number[], merged: number): number {
  return reviews.filter((r) => pushTimes.some((p) => p > r.at && p <= merged)).length;
}

/** Lines changed between the commit the first human review saw and the merged head, over the PR's size. */
function inPrRework(
  p: PullRequestFacts,
  reviews: readonly (ReviewFacts & { at: number })[],
  compares: Map<string, number>,
  size: number,
): number | null {
  if (reviews.length === 0 || size === 0) return null;
  const first = reviews.reduce((a, b) => (b.at < a.at ? b : a));
  if (first.commitId === p.headSha) return 0;
  const changed = compares.get(`${p.repo}@${first.commitId}..${p.headSha}`);
  return changed === undefined ? null : changed / size;
}

/** Failed or timed-out check suites over completed ones, on the PR's head commits. */
function ciFailureRate(p: PullRequestFacts, pushes: readonly { sha: string }[], suites: Map<string, CheckSuiteFacts[]>): number | null {
  const heads = new Set([p.headSha, ...pushes.map((h) => h.sha)]);
  let completed = 0;
  let failed = 0;
  for (const sha of heads) {
    for (const s of suites.get(`${p.repo}@${sha}`) ?? []) {
      if (s.status !== 'completed') continue;
      completed++;
      if (FAILED.has(s.conclusion ?? '')) failed++;
    }
  }
  return completed === 0 ? null : failed / completed;
}

function pushTimes(pushes: readonly { pushedAt: string }[] | undefined): number[] {
  return (pushes ?? []).map((h) => Date.parse(h.pushedAt));
}

function revertedWithin(
  p: PullRequestFacts,
  days: number,
  revertPrs: readonly PullRequestFacts[],
  revertedAt: Map<string, { sha: string; at: number }[]>,
): boolean {
  const merged = Date.parse(p.mergedAt as string);
  const inWindow = (at: number) => at >= merged && at - merged <= days * DAY_MS;
  if (revertPrs.some((q) => inWindow(Date.parse(q.mergedAt as string)))) return true;
  const sha = p.mergeCommitSha;
  if (!sha) return false;
  return (revertedAt.get(`${p.repo}@${sha.slice(0, 7)}`) ?? []).some((c) => inWindow(c.at) && sha.startsWith(c.sha));
}
