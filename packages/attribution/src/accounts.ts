import type { CommitFacts, PullRequestFacts } from './pull-request.js';

/** A GitHub account: the login, and the numeric id when a source gave it (ids survive renames). */
export interface Account {
  login: string;
  id?: number;
}

const BOT_LOGIN = /\[bot\]$/i;
const NOREPLY = /^(?:(\d+)\+)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?)@users\.noreply\.github\.com$/i;

export function isBotLogin(login: string): boolean {
  return BOT_LOGIN.test(login);
}

/** The account behind `ID+login@users.noreply.github.com` (or the older `login@users.noreply.github.com`). */
export function accountFromNoreply(email: string | undefined): Account | undefined {
  const m = email === undefined ? null : NOREPLY.exec(email.trim());
  if (!m?.[2]) return undefined;
  return m[1] ? { login: m[2], id: Number(m[1]) } : { login: m[2] };
}

/**
 * The accounts a pull request itself proves: its author and assignees (login + id from the payload), and every
 * commit whose git e-mail GitHub linked to an account (the commit list's `author`/`committer` objects). An e-mail
 * written in a trailer resolves only through such a link or a noreply address, never by a name.
 */
export class AccountDirectory {
  private readonly byLogin = new Map<string, Account>();
  private readonly byEmail = new Map<string, Account>();

  static forPullRequest(pr: PullRequestFacts, commits: readonly CommitFacts[]): AccountDirectory {
    const d = new AccountDirectory();
    d.add({ login: pr.author, ...(pr.authorId !== undefined ? { id: pr.authorId } : {}) });
    for (const a of pr.assignees ?? []) d.add(a);
    for (const c of commits) {
      if (c.authorLogin) d.add({ login: c.authorLogin, ...(c.authorId !== undefined ? { id: c.authorId } : {}) }, c.authorEmail);
      if (c.committerLogin)
        d.add({ login: c.committerLogin, ...(c.committerId !== undefined ? { id: c.committerId } : {}) }, c.committerEmail);
    }
    return d;
  }

  add(account: Account, email?: string): void {
    const key = account.login.toLowerCase();
    const known = this.byLogin.get(key);
    const merged: Account = known ?? { login: account.login };
    if (merged.id === undefined && account.id !== undefined) merged.id = account.id;
    this.byLogin.set(key, merged);
    // GitHub's own web-flow committer address proves nothing about a person.
    if (email && email.toLowerCase() !== 'noreply@github.com') this.byEmail.set(email.toLowerCase(), merged);
  }

  /** A login as written (`@login`, a payload login): the account, with its id when any source gave it. */
  login(login: string): Account {
    return this.byLogin.get(login.toLowerCase()) ?? { login };
  }

  /** An e-mail: a noreply address names its account; any other resolves only when a commit linked it. */
  email(email: string): Account | undefined {
    const noreply = accountFromNoreply(email);
    if (noreply) {
      const known = this.byLogin.get(noreply.login.toLowerCase());
      if (!known) return noreply;
      const id = noreply.id ?? known.id;
      return id === undefined ? { login: known.login } : { login: known.login, id };
    }
    return this.byEmail.get(email.toLowerCase());
  }
}
