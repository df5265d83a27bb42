import type { LinkedIssueFacts } from '@trustgate/attribution';
import { closedIssueNumbers } from '@trustgate/metrics';
import { fullName, type GitHub, httpStatus, type RepoRef } from './types.js';

// A body can name any number of issues; the ones that set an agent to work are few, and each costs two listings.
const MOST_ISSUES = 5;

/**
 * The events and comments of the issues a pull request body closes, for the initiator rule. An issue that is gone
 * (404, 410) says nothing; any other failure is thrown so the delivery is retried rather than judged without it.
 */
export async function readLinkedIssues(github: GitHub, repo: RepoRef, body: string | null | undefined): Promise<LinkedIssueFacts[]> {
  const out: LinkedIssueFacts[] = [];
  for (const issue_number of closedIssueNumbers(body, fullName(repo)).slice(0, MOST_ISSUES)) {
    try {
      const [events, comments] = await Promise.all([
        github.paginate(github.rest.issues.listEvents, { ...repo, issue_number, per_page: 100 }),
        github.paginate(github.rest.issues.listComments, { ...repo, issue_number, per_page: 100 }),
      ]);
      out.push({
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
      });
    } catch (err) {
      if (httpStatus(err) !== 404 && httpStatus(err) !== 410) throw err;
    }
  }
  return out;
}
