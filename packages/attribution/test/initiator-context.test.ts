import { describe, expect, test } from '@jest/globals';
import { type IssueCommentFacts, type IssueEventFacts, initiatorContextFromIssues } from '@trustgate/attribution';

// Who set an agent to work, from the issues its pull request closes (events and comments as GitHub lists them).
const OPENED = '2026-03-01T12:00:00Z';
const assigned = (actor: string, at: string, assignee = 'Copilot', actorType = 'User'): IssueEventFacts => ({
  event: 'assigned',
  actor,
  actorType,
  assignee,
  createdAt: at,
});
const comment = (author: string, body: string, at: string, authorType = 'User'): IssueCommentFacts => ({
  author,
  authorType,
  body,
  createdAt: at,
});

describe('initiatorContextFromIssues', () => {
  test('the last person to assign Copilot before the PR opened is the assigner; later and bot assignments do not count', () => {
    const events = [
      assigned('alice', '2026-03-01T09:00:00Z'),
      assigned('bob', '2026-03-01T10:00:00Z', 'copilot-swe-agent'),
      assigned('renovate[bot]', '2026-03-01T11:00:00Z'),
      assigned('github-actions', '2026-03-01T11:30:00Z', 'Copilot', 'Bot'),
      assigned('carol', '2026-03-01T11:40:00Z', 'dave'),
      assigned('mallory', '2026-03-01T13:00:00Z'),
      { event: 'labeled', actor: 'erin', createdAt: '2026-03-01T11:50:00Z' },
    ];
    expect(initiatorContextFromIssues('copilot', [{ events, comments: [] }], OPENED)).toEqual({ assignedBy: 'bob' });
  });

  test('an assignment is read only for Copilot: another agent is not started by assigning it', () => {
    expect(
      initiatorContextFromIssues('claude-code', [{ events: [assigned('alice', '2026-03-01T09:00:00Z')], comments: [] }], OPENED),
    ).toEqual({});
  });

  test("the agent's handle in the author's own words, before the PR opened; quotes, code and look-alike handles do not count", () => {
    const comments = [
      comment('alice', '@claude please fix the flaky test', '2026-03-01T08:00:00Z'),
      comment('bob', 'Could you look, @Claude?', '2026-03-01T09:00:00Z'),
      comment('carol', '> @claude please fix the flaky test\nagreed', '2026-03-01T10:00:00Z'),
      comment('dave', 'run `@claude fix` to start it', '2026-03-01T10:10:00Z'),
      comment('erin', 'ping @claudette and mail me@claude.example', '2026-03-01T10:20:00Z'),
      comment('claude[bot]', '@claude is working on it', '2026-03-01T10:30:00Z'),
      comment('frank', '```\n@claude\n```', '2026-03-01T10:40:00Z'),
      comment('mallory', '@claude do it again', '2026-03-01T12:30:00Z'),
    ];
    expect(initiatorContextFromIssues('claude-code', [{ events: [], comments }], OPENED)).toEqual({ mentionedBy: 'bob' });
  });

  test('across several closed issues the latest act before opening wins; an unknown agent goes by its id', () => {
    const issues = [
      { events: [assigned('alice', '2026-03-01T09:00:00Z')], comments: [comment('alice', '@copilot go', '2026-03-01T09:00:00Z')] },
      { events: [assigned('bob', '2026-03-01T10:00:00Z')], comments: [comment('bob', 'hey @copilot', '2026-03-01T10:00:00Z')] },
    ];
    expect(initiatorContextFromIssues('copilot', issues, OPENED)).toEqual({ assignedBy: 'bob', mentionedBy: 'bob' });
    const own = [{ events: [], comments: [comment('zed', '@acme-bot ship it', '2026-03-01T09:00:00Z')] }];
    expect(initiatorContextFromIssues('acme-bot', own, OPENED)).toEqual({ mentionedBy: 'zed' });
    expect(initiatorContextFromIssues(undefined, own, OPENED)).toEqual({});
  });
});
