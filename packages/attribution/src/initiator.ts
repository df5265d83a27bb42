import { type Account, AccountDirectory, isBotLogin } from './accounts.js';
import type { Cohort } from './cohort.js';
import type { MarkerHit, ParsedCommit } from './markers/match.js';
import type { ProvenanceFact } from './markers/provenance.js';
import type { PullRequestFacts } from './pull-request.js';
import { parseIdentity } from './trailers.js';

/** How the initiating human was found, strongest first; `none` when nothing named one. */
export type InitiatorRule =
  | 'co-author-trailer'
  | 'issues-assigned-sender'
  | 'requested-by'
  | 'mention-comment-author'
  | 'pr-assignee'
  | 'git-ai-human-author'
  | 'pr-author'
  | 'none';

/**
 * The human who started an agent's change (or authored an assisted one). Not an independent reviewer of it.
 * `resolved: false` is an unknown initiator: what the source wrote could not be tied to a GitHub account (or no
 * source named anyone), so no login can be excluded from approving it; the App asks for one more approval.
 */
export interface Initiator {
  /** The login when resolved; otherwise what the source wrote (an e-mail, a name) or `unknown`. */
  id: string;
  resolved: boolean;
  login?: string;
  /** Numeric GitHub account id, when a source gave it (payload, commit list, noreply address). */
  accountId?: number;
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

// Agents write "Requested by: Name (email)", "Requested by: Full Name (@login)", "Requested by: @login", bold or not.
const REQUESTED_BY = /^[ \t*_#>-]*Requested by[ \t*_]*:[ \t*_]*(.+?)[ \t*_]*$/im;
const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?)$/;

function accountInitiator(account: Account, rule: InitiatorRule, written: { name?: string; email?: string } = {}): Initiator {
  const out: Initiator = { id: account.login, resolved: true, login: account.login, rule };
  if (account.id !== undefined) out.accountId = account.id;
  if (written.name) out.name = written.name;
  if (written.email) out.email = written.email;
  return out;
}

function unresolved(written: { name?: string; email?: string }, rule: InitiatorRule): Initiator {
  const out: Initiator = { id: written.email ?? written.name ?? 'unknown', resolved: false, rule };
  if (written.name) out.name = written.name;
  if (written.email) out.email = written.email;
  return out;
}

/**
 * Resolve what a source wrote to an account: `@login`, `Full Name (@login)`, `Name <email>`, `Name (email)`.
 * A bot is never an initiator (`undefined`); an e-mail GitHub never linked stays unresolved.
 */
export function resolveWritten(value: string, rule: InitiatorRule, directory: AccountDirectory): Initiator | undefined {
  const text = value.trim();
  const at = /^@([A-Za-z0-9-]+(?:\[bot\])?)$/.exec(text) ?? /^(.*?)\s*\(@([A-Za-z0-9-]+(?:\[bot\])?)\)$/.exec(text);
  if (at) {
    const login = at[2] ?? at[1] ?? '';
    if (isBotLogin(login) || !LOGIN.test(login)) return undefined;
    const name = at[2] !== undefined ? (at[1] ?? '').trim() : '';
    return accountInitiator(directory.login(login), rule, name ? { name } : {});
  }
  const paren = /^(.*?)\s*\(([^()\s]+@[^()\s]+)\)$/.exec(text);
  const ident = paren ? { name: (paren[1] ?? '').trim(), email: paren[2] ?? '' } : parseIdentity(text);
  const written: { name?: string; email?: string } = {};
  if (ident.name) written.name = ident.name;
  if (ident.email) written.email = ident.email.toLowerCase();
  if (written.email === undefined && written.name === undefined) return undefined;
  // The noreply address keeps the login's case; only the reported e-mail is lowercased.
  const account = ident.email ? directory.email(ident.email) : undefined;
  if (account && isBotLogin(account.login)) return undefined;
  return account ? accountInitiator(account, rule, written) : unresolved(written, rule);
}

function coAuthorOfAgentCommit(commits: readonly ParsedCommit[], markers: readonly MarkerHit[], dir: AccountDirectory) {
  const agentCommits = new Set(markers.filter((m) => m.tier === 'agent' && m.commit !== undefined).map((m) => m.commit));
  // A trailer a decisive rule matched is the agent's own co-author line; a mention (a human named Claude) is not.
  const aiTrailers = new Set(markers.filter((m) => m.field === 'trailer' && m.tier !== 'mention').map((m) => `${m.commit}\n${m.value}`));
  for (const c of commits) {
    if (!agentCommits.has(c.sha)) continue;
    for (const t of c.trailers) {
      if (t.key.toLowerCase() !== 'co-authored-by' || aiTrailers.has(`${c.sha}\n${t.key}: ${t.value}`)) continue;
      const who = resolveWritten(t.value, 'co-author-trailer', dir);
      if (who) return { ...who, commit: c.sha };
    }
  }
  return undefined;
}

function contextLogin(login: string | undefined, rule: InitiatorRule, dir: AccountDirectory): Initiator | undefined {
  if (!login || isBotLogin(login) || !LOGIN.test(login)) return undefined;
  return accountInitiator(dir.login(login), rule);
}

/** The first assignee who is a person and not the agent: how the Copilot agent hands its PR to the requester. */
function humanAssignee(pr: PullRequestFacts, dir: AccountDirectory): Initiator | undefined {
  const a = (pr.assignees ?? []).find((x) => x.type !== 'Bot' && !isBotLogin(x.login) && x.login.toLowerCase() !== 'copilot');
  return a ? accountInitiator(dir.login(a.login), 'pr-assignee') : undefined;
}

function prAuthor(pr: PullRequestFacts, markers: readonly MarkerHit[], dir: AccountDirectory): Initiator | undefined {
  const prAuthorIsAgent = markers.some((m) => m.field === 'pr-author' && m.tier !== 'mention');
  if (prAuthorIsAgent || pr.authorType === 'Bot' || isBotLogin(pr.author)) return undefined;
  return accountInitiator(dir.login(pr.author), 'pr-author');
}

/**
 * Who started the change, in the order of the evidence's strength: a human co-author on the agent's own commits, the
 * sender who assigned the Copilot agent, a `Requested by:` line, the comment author who mentioned the agent, the
 * human assignee of a Copilot PR, git-ai's `human_author`, else the PR author when that is a person. For an agent or
 * assisted change the answer is never "none": when nothing names a resolvable account it is an unresolved initiator.
 * `null` only for bot, human and unknown cohorts (no agent involved).
 */
export function findInitiator(
  cohort: Cohort,
  agent: string | null,
  pr: PullRequestFacts,
  commits: readonly ParsedCommit[],
  markers: readonly MarkerHit[],
  context: InitiatorContext = {},
  provenance: readonly ProvenanceFact[] = [],
): Initiator | null {
  if (cohort !== 'agent' && cohort !== 'assisted') return null;
  const dir = AccountDirectory.forPullRequest(pr, commits);
  if (cohort === 'agent') {
    const requested = REQUESTED_BY.exec(pr.body)?.[1];
    const human = provenance.find((p) => p.humanAuthor)?.humanAuthor;
    const found =
      coAuthorOfAgentCommit(commits, markers, dir) ??
      (agent === 'copilot' ? contextLogin(context.assignedBy, 'issues-assigned-sender', dir) : undefined) ??
      (requested ? resolveWritten(requested, 'requested-by', dir) : undefined) ??
      contextLogin(context.mentionedBy, 'mention-comment-author', dir) ??
      (agent === 'copilot' ? humanAssignee(pr, dir) : undefined) ??
      (human ? resolveWritten(human, 'git-ai-human-author', dir) : undefined);
    if (found) return found;
  }
  return prAuthor(pr, markers, dir) ?? { id: 'unknown', resolved: false, rule: 'none' };
}
