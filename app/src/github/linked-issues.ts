import type { LinkedIssueFacts } from '@trustgate/attribution';
import { closedIssueNumbers } from '@trustgate/metrics';
import { fullName, type GitHub, httpStatus, type RepoRef } from './types.js';

// A body can name any number of issues; the ones that set an agent to work are few, and each costs two listings.
const MOST_ISSUES = 5;

/** How the issues a pull request closes are read: straight from GitHub, or through an IssueListings cache. */
export type LinkedIssueReader = (
  github: GitHub,
  repo: RepoRef,
  body: string | null | undefined,
  openedAt: string,
) => Promise<LinkedIssueFacts[]>;

/**
 * The events and comments of the issues a pull request body closes, for the initiator rule. An issue that is gone
 * (404, 410) says nothing; any other failure is thrown so the delivery is retried rather than judged without it.
 */
export const readLinkedIssues: LinkedIssueReader = (github, repo, body) =>
  closedIssues(repo, body, (issue_number) => listIssue(github, repo, issue_number));

/** The facts of each issue the body closes (the first MOST_ISSUES), read one at a time; gone issues left out. */
async function closedIssues(
  repo: RepoRef,
  body: string | null | undefined,
  read: (issue_number: number) => Promise<LinkedIssueFacts | undefined>,
): Promise<LinkedIssueFacts[]> {
  const out: LinkedIssueFacts[] = [];
  for (const issue_number of closedIssueNumbers(body, fullName(repo)).slice(0, MOST_ISSUES)) {
    const facts = await read(issue_number);
    if (facts) out.push(facts);
  }
  return out;
}

/** One issue's two listings; undefined when the issue is gone (404, 410). */
async function listIssue(github: GitHub, repo: RepoRef, issue_number: number): Promise<LinkedIssueFacts | undefined> {
  try {
    const [events, comments] = await Promise.all([
      github.paginate(github.rest.issues.listEvents, { ...repo, issue_number, per_page: 100 }),
      github.paginate(github.rest.issues.listComments, { ...repo, issue_number, per_page: 100 }),
    ]);
    return {
      events: events.map((e) => {
        // An assignment names who performed it (`assigner`); other events only their `actor`.
        const who = ('assigner' in e ? e.assigner : undefined) ?? e.actor;
        const fact: LinkedIssueFacts['events'][number] = { event: e.event, createdAt: e.created_at };
        if (who?.login) Object.assign(fact, { actor: who.login, actorType: who.type });
        const assignee = 'assignee' in e ? e.assignee?.login : undefined;
        return assignee ? { ...fact, assignee } : fact;
      }),
      comments: comments.map((c) => ({
        author: c.user?.login ?? '',
        authorType: c.user?.type ?? 'User',
        body: c.body ?? '',
        createdAt: c.created_at,
      })),
    };
  } catch (err) {
    if (httpStatus(err) !== 404 && httpStatus(err) !== 410) throw err;
    return undefined;
  }
}

export interface IssueListingsOptions {
  /** How long a listing is served at most (10 min): bounds how long an edited or deleted comment goes unseen. */
  ttlMs?: number;
  /** Issues kept at most (200); the least recently used goes first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * How long after a pull request was opened a listing must have been fetched to serve it: GitHub's listings may lag
 * an act by a moment, and GitHub's clock and the App's differ a little. Acts after the opening never count.
 */
export const LISTING_SETTLE_MS = 60_000;
const DEFAULT_TTL_MS = 10 * 60_000;
const DEFAULT_MAX_ENTRIES = 200;

/** An issue's listings as fetched at `fetchedAt` (the App's clock, taken before asking); `facts` undefined: gone. */
interface Listing {
  fetchedAt: number;
  facts: LinkedIssueFacts | undefined;
}

/**
 * The linked issues' listings, kept per process so that an agent PR's every delivery does not list its issues again.
 * A listing fetched at F serves a pull request opened at O only if F >= O + LISTING_SETTLE_MS: the initiator rule
 * counts only acts before O (packages/attribution's initiatorContextFromIssues), and every one of those was visible
 * when it was fetched. A PR opened later, or with an unreadable opening time, lists its issues again. Gone issues
 * (404, 410) are kept the same way; any other failure is never kept.
 */
export class IssueListings {
  private readonly entries = new Map<string, Listing>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: IssueListingsOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.now = options.now ?? Date.now;
  }

  /** Listings kept now (tests, metrics). */
  get size(): number {
    return this.entries.size;
  }

  readonly read: LinkedIssueReader = (github, repo, body, openedAt) => {
    const opened = Date.parse(openedAt);
    return closedIssues(repo, body, (issue_number) => this.issue(github, repo, issue_number, opened));
  };

  private async issue(github: GitHub, repo: RepoRef, issue_number: number, opened: number): Promise<LinkedIssueFacts | undefined> {
    // GitHub's owner and repository names are case-insensitive.
    const key = `${fullName(repo).toLowerCase()}#${issue_number}`;
    const kept = this.entries.get(key);
    const now = this.now();
    if (kept && now - kept.fetchedAt > this.ttlMs) this.entries.delete(key);
    else if (kept && !Number.isNaN(opened) && kept.fetchedAt >= opened + LISTING_SETTLE_MS) {
      // Most recently used last: the first key is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.facts;
    }
    const fetchedAt = now;
    const facts = await listIssue(github, repo, issue_number);
    // A listing fetched while this one was in flight may be newer; the newer serves more pull requests.
    const latest = this.entries.get(key);
    if (!latest || latest.fetchedAt <= fetchedAt) {
      this.entries.delete(key);
      this.entries.set(key, { fetchedAt, facts });
      while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return facts;
  }
}
