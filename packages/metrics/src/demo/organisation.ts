import { createHash } from 'node:crypto';
import type { Cohort, FileDiff } from '../ledger/types.js';
import type { CheckSuiteFacts, CompareFacts, HeadPushFacts } from '../measures/types.js';
import type { PullRequestInput, ReviewCommentInput, ReviewInput } from '../records/activity.js';
import type { CommitInput } from '../records/ledger.js';
import { seededRandom } from '../trust-tax/rng.js';

/** A recorded history in the shape `importHistory` reads (the same calls the App makes from webhooks). */
export interface HistoryFile {
  version: 1;
  pullRequests: PullRequestInput[];
  headPushes: HeadPushFacts[];
  reviews: ReviewInput[];
  /** Absent in histories written before review comments were recorded. */
  reviewComments?: ReviewCommentInput[];
  checkSuites: CheckSuiteFacts[];
  compares: CompareFacts[];
  pushes: { repo: string; commits: CommitInput[] }[];
}

export interface OrganisationOptions {
  seed?: number;
  pullRequests?: number;
  repos?: string[];
  teams?: string[];
  authors?: number;
  /** First day of the history (ISO) and its length in days. */
  start?: string;
  days?: number;
}

const DAY = 86_400_000;
// How each cohort behaves in the demo: review rounds, CI failure odds, odds a later change targets its lines, revert odds.
const PROFILE: Record<Cohort, { rounds: number; ciFail: number; target: number; revert: number; rework: number }> = {
  human: { rounds: 0.8, ciFail: 0.12, target: 1, revert: 0.015, rework: 0.15 },
  assisted: { rounds: 0.9, ciFail: 0.14, target: 1.15, revert: 0.018, rework: 0.17 },
  agent: { rounds: 1.15, ciFail: 0.17, target: 1.5, revert: 0.025, rework: 0.21 },
  unknown: { rounds: 0.85, ciFail: 0.13, target: 1.05, revert: 0.015, rework: 0.16 },
  bot: { rounds: 0, ciFail: 0.05, target: 0.5, revert: 0, rework: 0 },
};

const hex = (s: string) => createHash('sha1').update(s).digest('hex');

/**
 * A deterministic synthetic organisation (demo, bench, browser test): repositories whose PRs by human, assisted,
 * agent and unknown authors go through reviews, CI and later rewrites, with real unified-diff patches.
 */
export function syntheticOrganisation(options: OrganisationOptions = {}): HistoryFile {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const repos = options.repos ?? ['acme/web', 'acme/api', 'acme/ml'];
  const teams = options.teams ?? ['payments', 'platform', 'search', 'ml-infra'];
  const authors = Array.from({ length: options.authors ?? 40 }, (_, i) => ({
    login: `dev${String(i + 1).padStart(2, '0')}`,
    team: teams[i % teams.length] as string,
  }));
  const total = options.pullRequests ?? 600;
  const start = Date.parse(options.start ?? '2026-01-05T09:00:00Z');
  const days = options.days ?? 180;
  const out: HistoryFile = {
    version: 1,
    pullRequests: [],
    headPushes: [],
    reviews: [],
    checkSuites: [],
    compares: [],
    pushes: repos.map((repo) => ({ repo, commits: [] })),
  };
  const files = new Map<string, { lines: string[]; origins: { pr: number; cohort: Cohort }[] }[]>(
    repos.map((r) => [r, Array.from({ length: 20 }, () => ({ lines: [], origins: [] }))]),
  );
  const numbers = new Map(repos.map((r) => [r, 0]));
  const merges = Array.from({ length: total }, (_, i) => {
    const created = start + (i / total) * days * DAY + random() * DAY;
    return { created, merged: created + (0.2 + random() * 3) * DAY };
  }).sort((a, b) => a.merged - b.merged);
  let reviewId = 0;
  let suiteId = 0;
  const pendingReverts: { repo: string; of: number; sha: string; title: string; at: number }[] = [];

  const addPr = (repo: string, created: number, merged: number, revert?: { of: number; sha: string; title: string }) => {
    const number = (numbers.get(repo) as number) + 1;
    numbers.set(repo, number);
    const author = pick(authors);
    const r = random();
    const cohort: Cohort = revert ? 'human' : r < 0.45 ? 'human' : r < 0.72 ? 'assisted' : r < 0.94 ? 'agent' : 'unknown';
    const profile = PROFILE[cohort];
    const repoFiles = files.get(repo) as { lines: string[]; origins: { pr: number; cohort: Cohort }[] }[];
    const diffs: FileDiff[] = [];
    let additions = 0;
    let deletions = 0;
    const touched = revert
      ? repoFiles.map((_, i) => i).filter((i) => repoFiles[i]?.origins.some((o) => o.pr === revert.of))
      : [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * 20)))];
    for (const index of touched) {
      const file = repoFiles[index] as { lines: string[]; origins: { pr: number; cohort: Cohort }[] };
      const ops: { at: number; del: number; ins: string[] }[] = [];
      if (revert) {
        for (let i = 0; i < file.origins.length; ) {
          if (file.origins[i]?.pr !== revert.of) {
            i++;
            continue;
          }
          let j = i;
          while (j < file.origins.length && file.origins[j]?.pr === revert.of) j++;
          ops.push({ at: i, del: j - i, ins: [] });
          i = j;
        }
      } else {
        const size = Math.max(1, Math.round(Math.exp(random() * 5.2)));
        let at = Math.floor(random() * (file.lines.length + 1));
        let del = 0;
        if (file.lines.length > 0 && random() < 0.55) {
          // Rewrite: aim at lines of cohorts that draw more follow-up changes.
          const weights = file.origins.map((o) => PROFILE[o.cohort].target);
          let x = random() * weights.reduce((a, b) => a + b, 0);
          at = file.lines.length - 1;
          for (let i = 0; i < weights.length; i++) {
            x -= weights[i] as number;
            if (x < 0) {
              at = i;
              break;
            }
          }
          del = Math.min(file.lines.length - at, 1 + Math.floor(random() * Math.min(12, size)));
        }
        ops.push({
          at,
          del,
          ins: Array.from({ length: size }, (_, k) => `v${number}_${index}_${k}=${k}`),
        });
      }
      let delta = 0;
      const hunks: string[] = [];
      for (const op of ops) {
        const oldLines = file.lines.slice(op.at + delta, op.at + delta + op.del);
        const a = op.del > 0 ? op.at + 1 : op.at;
        const c = op.ins.length > 0 ? op.at + delta + 1 : op.at + delta;
        hunks.push(`@@ -${a},${op.del} +${c},${op.ins.length} @@`, ...oldLines.map((l) => `-${l}`), ...op.ins.map((l) => `+${l}`));
        file.lines.splice(op.at + delta, op.del, ...op.ins);
        file.origins.splice(op.at + delta, op.del, ...op.ins.map(() => ({ pr: number, cohort })));
        delta += op.ins.length - op.del;
        additions += op.ins.length;
        deletions += op.del;
      }
      const added = ops.reduce((n, o) => n + o.ins.length, 0);
      const removed = ops.reduce((n, o) => n + o.del, 0);
      const omitted = !revert && random() < 0.005;
      diffs.push({
        filename: `src/f${index}.ts`,
        status: 'modified',
        additions: added,
        deletions: removed,
        ...(omitted ? {} : { patch: hunks.join('\n') }),
      });
    }
    const sha = hex(`${repo}#${number}`);
    const title = revert
      ? `Revert "${revert.title}"`
      : `${pick(['Add', 'Update', 'Refactor', 'Fix', 'Tune'])} ${pick(['billing', 'search', 'cache', 'auth', 'ranking', 'export'])} ${number}`;
    const headRef = revert ? `revert-${revert.of}-change` : `${cohort === 'agent' ? 'agent' : 'feat'}/${number}`;
    const repoPush = out.pushes.find((p) => p.repo === repo) as HistoryFile['pushes'][number];
    repoPush.commits.push({
      sha,
      parents: repoPush.commits.length > 0 ? [repoPush.commits.at(-1)?.sha as string] : [],
      committedAt: new Date(merged).toISOString(),
      message: `${title} (#${number})${revert ? `\n\nThis reverts commit ${revert.sha}.` : ''}`,
      files: diffs,
    });
    // Review rounds: each round is a human review followed by a new head.
    const rounds = Math.floor(-Math.log(1 - random() * 0.999) * profile.rounds);
    const heads = Array.from({ length: rounds + 1 }, (_, k) => `${sha.slice(0, 30)}${String(k).padStart(10, '0')}`);
    const step = (merged - created) / (rounds + 2);
    heads.forEach((h, k) => {
      out.headPushes.push({ repo, number, sha: h, pushedAt: new Date(created + k * step + (k > 0 ? step / 2 : 0)).toISOString() });
      for (let s = 0; s < 2; s++) {
        suiteId++;
        out.checkSuites.push({
          repo,
          id: suiteId,
          headSha: h,
          status: 'completed',
          conclusion: random() < profile.ciFail ? pick(['failure', 'failure', 'timed_out']) : 'success',
        });
      }
    });
    const reviewer = () => pick(authors.filter((a) => a.login !== author.login)).login;
    const review = (login: string, state: string, at: number, commitId: string, reviewerType?: string) => {
      reviewId++;
      out.reviews.push({
        repo,
        number,
        id: reviewId,
        reviewer: login,
        ...(reviewerType ? { reviewerType } : {}),
        state,
        submittedAt: new Date(at).toISOString(),
        commitId,
      });
    };
    for (let k = 0; k < rounds; k++)
      review(reviewer(), random() < 0.5 ? 'CHANGES_REQUESTED' : 'COMMENTED', created + (k + 1) * step, heads[k] as string);
    if (random() < 0.3) review('coderabbitai[bot]', 'COMMENTED', created + step / 2, heads[0] as string, 'Bot');
    review(reviewer(), 'APPROVED', merged - step / 4, heads[rounds] as string);
    if (rounds > 0)
      out.compares.push({
        repo,
        fromSha: heads[0] as string,
        toSha: heads[rounds] as string,
        changedLines: Math.round((additions + deletions) * profile.rework * rounds * (0.5 + random())),
      });
    out.pullRequests.push({
      repo,
      number,
      author: author.login,
      team: author.team,
      cohort,
      title,
      headRef,
      body: revert ? `Reverts ${repo}#${revert.of}` : null,
      linksBug: title.startsWith('Fix') && random() < 0.5,
      createdAt: new Date(created).toISOString(),
      mergedAt: new Date(merged).toISOString(),
      mergeCommitSha: sha,
      headSha: heads[rounds] as string,
      additions,
      deletions,
    });
    if (!revert && random() < profile.revert)
      pendingReverts.push({ repo, of: number, sha, title, at: merged + (0.5 + random() * 10) * DAY });
  };

  for (const m of merges) {
    pendingReverts.sort((a, b) => a.at - b.at);
    while (pendingReverts.length > 0 && (pendingReverts[0]?.at as number) < m.merged) {
      const r = pendingReverts.shift() as (typeof pendingReverts)[number];
      addPr(r.repo, r.at - DAY / 4, r.at, r);
    }
    addPr(pick(repos), m.created, m.merged);
  }
  return out;
}
