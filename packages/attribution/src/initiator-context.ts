import { isBotLogin } from './accounts.js';
import type { InitiatorContext } from './initiator.js';

/** One entry of `GET /repos/{o}/{r}/issues/{n}/events`, as far as the initiator rule reads it. */
export interface IssueEventFacts {
  event: string;
  actor?: string;
  actorType?: string;
  assignee?: string;
  createdAt: string;
}

/** One entry of `GET /repos/{o}/{r}/issues/{n}/comments`. */
export interface IssueCommentFacts {
  author: string;
  authorType?: string;
  body: string;
  createdAt: string;
}

/** What an issue the pull request closes says about who set the agent to work. */
export interface LinkedIssueFacts {
  events: readonly IssueEventFacts[];
  comments: readonly IssueCommentFacts[];
}

// The accounts GitHub shows as the Copilot coding agent's assignee.
const COPILOT_ASSIGNEES = new Set(['copilot', 'copilot-swe-agent', 'copilot-swe-agent[bot]']);

// The handle each agent answers to in a comment (its GitHub App or action trigger phrase); other agents go by their id.
const MENTION_HANDLES: Readonly<Record<string, readonly string[]>> = {
  'claude-code': ['claude'],
  copilot: ['copilot'],
  codex: ['codex'],
  cursor: ['cursor'],
  gemini: ['gemini-cli', 'gemini'],
  jules: ['jules'],
  openhands: ['openhands-agent', 'openhands'],
  devin: ['devin-ai-integration', 'devin'],
  'amazon-q': ['amazonq', 'amazon-q'],
};

function mentions(body: string, handles: readonly string[]): boolean {
  // A quoted line or a code block repeats someone else's words; only the author's own text sets an agent to work.
  const own = body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n');
  return handles.some((h) => new RegExp(`(^|[^\\w@/-])@${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i').test(own));
}

const isPerson = (login: string | undefined, type: string | undefined): login is string =>
  login !== undefined && login !== '' && type !== 'Bot' && !isBotLogin(login);

/**
 * Who assigned the Copilot agent and who mentioned the agent, from the issues the pull request closes: the last such
 * act before the pull request was opened is the one that started this run (a later one cannot have). Bots never count.
 */
export function initiatorContextFromIssues(
  agent: string | undefined,
  issues: readonly LinkedIssueFacts[],
  openedAt: string,
): InitiatorContext {
  const opened = Date.parse(openedAt);
  const before = (at: string) => Number.isNaN(opened) || Date.parse(at) <= opened;
  const latest = <T extends { createdAt: string }>(xs: T[]) =>
    xs
      .filter((x) => before(x.createdAt))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
      .at(-1);
  const context: InitiatorContext = {};
  if (agent === 'copilot') {
    const assigned = latest(
      issues.flatMap((i) =>
        i.events.filter(
          (e) => e.event === 'assigned' && COPILOT_ASSIGNEES.has((e.assignee ?? '').toLowerCase()) && isPerson(e.actor, e.actorType),
        ),
      ),
    );
    if (assigned?.actor) context.assignedBy = assigned.actor;
  }
  if (agent) {
    const handles = MENTION_HANDLES[agent] ?? [agent];
    const mention = latest(issues.flatMap((i) => i.comments.filter((c) => isPerson(c.author, c.authorType) && mentions(c.body, handles))));
    if (mention) context.mentionedBy = mention.author;
  }
  return context;
}
