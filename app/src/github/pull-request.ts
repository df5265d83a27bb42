import type { PullRequestFacts } from '../engines/types.js';
import type { SubmittedReview } from '../review/approvals.js';
import { AppError } from '../errors.js';
import { type GitHub, httpStatus, type RepoRef } from './types.js';

/** A pull request as GitHub sends it, in `GET /pulls/{n}` and in webhook payloads alike (the fields read here). */
export interface PullRequestObject {
  number: number;
  title: string;
  body?: string | null;
  user: { login: string; type?: string };
  labels?: { name: string }[];
  assignees?: { login: string }[] | null;
  head: { ref: string; sha: string };
  base: { ref: string };
  created_at: string;
}

/** A pull request's facts; its fields are attacker-influenced text, so only typed fields are kept. */
export function pullRequestFacts(pr: PullRequestObject): PullRequestFacts {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? '',
    author: pr.user.login,
    authorType: pr.user.type ?? 'User',
    labels: (pr.labels ?? []).map((l) => l.name),
    assignees: (pr.assignees ?? []).map((a) => a.login),
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    createdAt: pr.created_at,
  };
}

/** Whether a webhook payload's `pull_request` carries every field `pullRequestFacts` reads. */
export function isPullRequestObject(value: unknown): value is PullRequestObject {
  const pr = value as Partial<PullRequestObject> | undefined;
  return (
    typeof pr?.number === 'number' &&
    typeof pr.title === 'string' &&
    typeof pr.user?.login === 'string' &&
    typeof pr.head?.ref === 'string' &&
    typeof pr.head.sha === 'string' &&
    typeof pr.base?.ref === 'string' &&
    typeof pr.created_at === 'string'
  );
}

export async function readPullRequest(github: GitHub, repo: RepoRef, number: number): Promise<PullRequestFacts> {
  const { data } = await github.rest.pulls.get({ ...repo, pull_number: number });
  return pullRequestFacts(data);
}

export async function changedFiles(github: GitHub, repo: RepoRef, number: number): Promise<string[]> {
  const files = await github.paginate(github.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 });
  // A rename moves code out of a path too: both names are covered by the rules.
  return [...new Set(files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename])))];
}

export async function submittedReviews(github: GitHub, repo: RepoRef, number: number): Promise<SubmittedReview[]> {
  const reviews = await github.paginate(github.rest.pulls.listReviews, { ...repo, pull_number: number, per_page: 100 });
  return reviews.flatMap((r) =>
    r.user && r.commit_id ? [{ user: r.user.login, state: r.state as SubmittedReview['state'], commitId: r.commit_id }] : [],
  );
}

/** Comments on the pull request written by `author`. */
export async function commentsBy(github: GitHub, repo: RepoRef, number: number, author: string): Promise<{ id: number; body: string }[]> {
  const comments = await github.paginate(github.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
  return comments.filter((c) => c.user?.login.toLowerCase() === author.toLowerCase()).map((c) => ({ id: c.id, body: c.body ?? '' }));
}

/**
 * Approved commits whose approval still holds at `head`: every push since was a merge commit and the pull request's
 * own diff against its base is unchanged (a clean merge of the base, not a merge that slips in edits).
 */
export async function cleanMergeCarryOver(
  github: GitHub,
  repo: RepoRef,
  pr: { baseRef: string; headSha: string },
  approvedCommits: readonly string[],
): Promise<Set<string>> {
  const carried = new Set<string>();
  const candidates = [...new Set(approvedCommits)].filter((c) => c !== pr.headSha);
  if (candidates.length === 0) return carried;
  const headDiff = await prDiff(github, repo, pr.baseRef, pr.headSha);
  for (const sha of candidates) {
    const { data } = await github.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${sha}...${pr.headSha}` });
    const merges = data.commits.length > 0 && data.commits.every((c) => c.parents.length > 1);
    if (data.status !== 'ahead' || !merges) continue;
    if ((await prDiff(github, repo, pr.baseRef, sha)) === headDiff) carried.add(sha);
  }
  return carried;
}

async function prDiff(github: GitHub, repo: RepoRef, base: string, sha: string): Promise<string> {
  const { data } = await github.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${sha}` });
  return JSON.stringify((data.files ?? []).map((f) => [f.filename, f.patch ?? f.sha]).sort());
}

/** Memberships answered by GitHub, asked once per (team, login) per delivery. */
export async function teamMemberships(
  github: GitHub,
  pairs: readonly { team: string; login: string }[],
): Promise<(team: string, login: string) => boolean> {
  const yes = new Set<string>();
  const key = (team: string, login: string) => `${team.toLowerCase()}\n${login.toLowerCase()}`;
  const seen = new Set<string>();
  for (const { team, login } of pairs) {
    const k = key(team, login);
    if (seen.has(k)) continue;
    seen.add(k);
    const [org, slug] = team.split('/');
    if (!org || !slug) continue;
    try {
      const { data } = await github.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
      if (data.state === 'active') yes.add(k);
    } catch (err) {
      if (httpStatus(err) !== 404) {
        throw new AppError('APP_GITHUB_ERROR', `cannot read membership of @${login} in @${team}: ${(err as Error).message}`, {
          cause: err,
        });
      }
    }
  }
  return (team, login) => yes.has(key(team, login));
}

/** The first of `teams` (`org/slug`) of which `login` is an active member, if any. */
export async function firstTeamOf(github: GitHub, teams: readonly string[], login: string): Promise<string | undefined> {
  if (teams.length === 0) return undefined;
  const isMember = await teamMemberships(
    github,
    teams.map((team) => ({ team, login })),
  );
  return teams.find((team) => isMember(team, login));
}

/** CODEOWNERS text from the base branch, in any of the places GitHub looks, or undefined. */
export async function readCodeowners(github: GitHub, repo: RepoRef, ref: string): Promise<string | undefined> {
  for (const path of ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']) {
    try {
      const { data } = await github.rest.repos.getContent({ ...repo, path, ref });
      if (!Array.isArray(data) && data.type === 'file' && typeof data.content === 'string') {
        return Buffer.from(data.content, 'base64').toString('utf8');
      }
    } catch (err) {
      if (httpStatus(err) !== 404) throw err;
    }
  }
  return undefined;
}
