import type { Cohort } from './cohort.js';
import type { MarkerHit, ParsedCommit } from './markers/match.js';
import type { PullRequestFacts } from './pull-request.js';
import { loginFromNoreply, parseIdentity } from './trailers.js';

/** How the initiating human was found, strongest first. */
export type InitiatorRule = 'co-author-trailer' | 'issues-assigned-sender' | 'devin-requested-by' | 'mention-comment-author' | 'pr-author';

/** The human who started an agent's change (or authored an assisted one). Not an independent reviewer of it. */
export interface Initiator {
  /** GitHub login when known, else the email, else the name. */
  id: string;
  login?: string;
  name?: string;
  email?: string;
  rule: InitiatorRule;
  /** The commit whose trailer named the initiator (rule co-author-trailer). */
  commit?: string;
}

/** Event facts only the caller can know: who assigned the agent, who mentioned it in a comment. */
export interface InitiatorContext {
  /** Sender of the `issues.assigned` event that assigned the Copilot coding agent. */
  assignedBy?: string;
  /** Author of the comment that mentioned the agent (e.g. `@claude`). */
  mentionedBy?: string;
}

const BOT_LOGIN = /\[bot\]$/i;
// Devin writes "Requested by: Name (email)", "Requested by: @login" or a bold variant of either.
const REQUESTED_BY = /^[ \t*_#]*Requested by[ \t*_]*:[ \t*_]*(.+?)[ \t*_]*$/im;

function fromIdentity(value: string, rule: InitiatorRule): Initiator | undefined {
  const at = /^@([A-Za-z0-9-]+)$/.exec(value.trim());
  if (at?.[1]) return { id: at[1], login: at[1], rule };
  const paren = /^(.*?)\s*\(([^()\s]+@[^()\s]+)\)$/.exec(value.trim());
  const ident = paren ? { name: (paren[1] ?? '').trim(), email: paren[2] ?? '' } : parseIdentity(value);
  const login = loginFromNoreply(ident.email);
  if (login !== undefined && BOT_LOGIN.test(login)) return undefined;
  const email = ident.email?.toLowerCase();
  const id = login ?? email ?? ident.name;
  if (id === '') return undefined;
  const out: Initiator = { id, rule };
  if (login !== undefined) out.login = login;
  if (ident.name !== '') out.name = ident.name;
  if (email !== undefined) out.email = email;
  return out;
}

function coAuthorOfAgentCommit(commits: readonly ParsedCommit[], markers: readonly MarkerHit[]): Initiator | undefined {
  const agentCommits = new Set(markers.filter((m) => m.tier === 'agent' && m.commit !== undefined).map((m) => m.commit));
  const aiTrailers = new Set(markers.filter((m) => m.field === 'trailer').map((m) => `${m.commit}\n${m.value}`));
  for (const c of commits) {
    if (!agentCommits.has(c.sha)) continue;
    for (const t of c.trailers) {
      if (t.key.toLowerCase() !== 'co-authored-by' || aiTrailers.has(`${c.sha}\n${t.key}: ${t.value}`)) continue;
      const who = fromIdentity(t.value, 'co-author-trailer');
      if (who) return { ...who, commit: c.sha };
    }
  }
  return undefined;
}

/**
 * Who started the change, in the order of the evidence's strength: a human co-author on the agent's own commits,
 * the sender who assigned the Copilot agent, Devin's `Requested by:`, the comment author who mentioned the agent,
 * else the PR author when that is not a bot or agent. `null` for bot, human and unknown cohorts, or when nothing says.
 */
export function findInitiator(
  cohort: Cohort,
  agent: string | null,
  pr: PullRequestFacts,
  commits: readonly ParsedCommit[],
  markers: readonly MarkerHit[],
  context: InitiatorContext = {},
): Initiator | null {
  if (cohort !== 'agent' && cohort !== 'assisted') return null;
  if (cohort === 'agent') {
    const coAuthor = coAuthorOfAgentCommit(commits, markers);
    if (coAuthor) return coAuthor;
    if (agent === 'copilot' && context.assignedBy && !BOT_LOGIN.test(context.assignedBy))
      return { id: context.assignedBy, login: context.assignedBy, rule: 'issues-assigned-sender' };
    if (agent === 'devin') {
      const m = REQUESTED_BY.exec(pr.body);
      const who = m?.[1] ? fromIdentity(m[1], 'devin-requested-by') : undefined;
      if (who) return who;
    }
    if (context.mentionedBy && !BOT_LOGIN.test(context.mentionedBy))
      return { id: context.mentionedBy, login: context.mentionedBy, rule: 'mention-comment-author' };
  }
  const prAuthorIsAgent = markers.some((m) => m.field === 'pr-author');
  if (prAuthorIsAgent || pr.authorType === 'Bot' || BOT_LOGIN.test(pr.author)) return null;
  return { id: pr.author, login: pr.author, rule: 'pr-author' };
}
