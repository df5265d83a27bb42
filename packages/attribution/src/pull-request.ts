import { z } from 'zod';
import { AttributionError } from './errors.js';

/** What classification needs from a `pull_request` webhook payload. */
export interface PullRequestFacts {
  repository: string;
  number: number;
  author: string;
  /** The author's numeric account id, when the payload carries it. */
  authorId?: number;
  authorType: string;
  /** Who the PR is assigned to (the Copilot agent assigns the human who asked it), with account ids. */
  assignees?: Array<{ login: string; id?: number; type?: string }>;
  body: string;
  title: string;
  headRef: string;
  headSha: string;
  labels: string[];
}

/** What classification needs from one entry of `GET /repos/{o}/{r}/pulls/{n}/commits`. */
export interface CommitFacts {
  sha: string;
  message: string;
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  authorLogin?: string;
  committerLogin?: string;
  authorId?: number;
  committerId?: number;
}

// Attacker-controlled JSON: only the fields used are checked, everything else passes through unread.
const user = z.object({ login: z.string(), id: z.number().int().positive().optional(), type: z.string().optional() }).loose();
const pullRequestEvent = z
  .object({
    pull_request: z
      .object({
        number: z.number().int().positive(),
        title: z.string().nullish(),
        body: z.string().nullish(),
        user,
        head: z.object({ ref: z.string(), sha: z.string().regex(/^[0-9a-f]{40}$/) }).loose(),
        labels: z.array(z.object({ name: z.string() }).loose()).default([]),
        assignees: z.array(user).nullish(),
      })
      .loose(),
    repository: z.object({ full_name: z.string() }).loose(),
  })
  .loose();

const gitUser = z.object({ name: z.string().nullish(), email: z.string().nullish() }).loose().nullish();
const commitEntry = z
  .object({
    sha: z.string().regex(/^[0-9a-f]{40}$/),
    commit: z.object({ message: z.string(), author: gitUser, committer: gitUser }).loose(),
    author: user.nullish(),
    committer: user.nullish(),
  })
  .loose();

function problem(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || '(top level)'}: ${first.message}` : 'invalid';
}

/** Read a `pull_request` webhook payload; anything else is EVENT_INVALID naming the first bad field. */
export function pullRequestFromEvent(payload: unknown, file = 'the event payload'): PullRequestFacts {
  const parsed = pullRequestEvent.safeParse(payload);
  if (!parsed.success)
    throw new AttributionError(
      'EVENT_INVALID',
      `${file} is not a pull_request webhook payload (${problem(parsed.error)}); pass the payload of a pull_request event`,
      { file },
    );
  const pr = parsed.data.pull_request;
  const facts: PullRequestFacts = {
    repository: parsed.data.repository.full_name,
    number: pr.number,
    author: pr.user.login,
    authorType: pr.user.type ?? 'User',
    assignees: (pr.assignees ?? []).map((a) => ({
      login: a.login,
      ...(a.id !== undefined ? { id: a.id } : {}),
      ...(a.type !== undefined ? { type: a.type } : {}),
    })),
    body: pr.body ?? '',
    title: pr.title ?? '',
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    labels: pr.labels.map((l) => l.name),
  };
  if (pr.user.id !== undefined) facts.authorId = pr.user.id;
  return facts;
}

/** Check every entry of an API list response against its schema; the first bad entry names itself. */
function apiList<S extends z.ZodType>(
  list: unknown,
  schema: S,
  where: { code: 'COMMITS_INVALID' | 'FILES_INVALID'; file: string; endpoint: string; item: string },
): Array<z.infer<S>> {
  const { code, file } = where;
  if (!Array.isArray(list))
    throw new AttributionError(
      code,
      `${file} is not a JSON array; pass the body of GET /repos/{owner}/{repo}/pulls/{n}/${where.endpoint}`,
      { file },
    );
  return list.map((entry, i) => {
    const parsed = schema.safeParse(entry);
    if (!parsed.success)
      throw new AttributionError(code, `${file}: ${where.item} [${i}] ${problem(parsed.error)}; pass the API response unchanged`, { file });
    return parsed.data;
  });
}

/** Read the commits as `GET /repos/{o}/{r}/pulls/{n}/commits` returns them. */
export function commitsFromApi(list: unknown, file = 'the commit list'): CommitFacts[] {
  return apiList(list, commitEntry, { code: 'COMMITS_INVALID', file, endpoint: 'commits', item: 'commit' }).map((c) => {
    const facts: CommitFacts = {
      sha: c.sha,
      message: c.commit.message,
      authorName: c.commit.author?.name ?? '',
      authorEmail: (c.commit.author?.email ?? '').toLowerCase(),
      committerName: c.commit.committer?.name ?? '',
      committerEmail: (c.commit.committer?.email ?? '').toLowerCase(),
    };
    if (c.author?.login) facts.authorLogin = c.author.login;
    if (c.committer?.login) facts.committerLogin = c.committer.login;
    if (c.author?.id !== undefined) facts.authorId = c.author.id;
    if (c.committer?.id !== undefined) facts.committerId = c.committer.id;
    return facts;
  });
}

/** One entry of `GET /repos/{o}/{r}/pulls/{n}/files`: the path and how many lines the PR adds to it. */
export interface ChangedFile {
  path: string;
  additions: number;
  status: string;
}

const fileEntry = z.object({ filename: z.string().min(1), additions: z.number().int().nonnegative(), status: z.string() }).loose();

/** Read the PR's file list as the API returns it (used for line share and to pick instruction files). */
export function changedFilesFromApi(list: unknown, file = 'the file list'): ChangedFile[] {
  return apiList(list, fileEntry, { code: 'FILES_INVALID', file, endpoint: 'files', item: 'file' }).map((f) => ({
    path: f.filename,
    additions: f.additions,
    status: f.status,
  }));
}
