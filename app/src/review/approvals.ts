export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface SubmittedReview {
  user: string;
  state: ReviewState;
  /** The commit the reviewer saw when submitting. */
  commitId: string;
}

export interface ApprovalContext {
  headSha: string;
  /** Earlier commits whose approvals carry over: the pushes since were clean merges of the base. */
  carriedOver?: ReadonlySet<string>;
  /** Logins whose approval never counts: the author and the initiator of an agent change. */
  excluded?: ReadonlySet<string>;
}

/**
 * Logins whose latest decisive review approves the head commit. A review is tied to the commit it approved, so a new
 * push needs a new approval; comments do not change a reviewer's standing; a later dismissal or change request
 * replaces an approval. `reviews` must be in submission order (as GitHub lists them).
 */
export function approvalsForCommit(reviews: readonly SubmittedReview[], ctx: ApprovalContext): string[] {
  const latest = new Map<string, SubmittedReview>();
  for (const r of reviews) {
    if (r.state === 'COMMENTED' || r.state === 'PENDING') continue;
    latest.set(r.user.toLowerCase(), r);
  }
  const approvers: string[] = [];
  for (const [login, r] of latest) {
    if (r.state !== 'APPROVED') continue;
    if (isExcluded(login, ctx.excluded)) continue;
    if (r.commitId === ctx.headSha || ctx.carriedOver?.has(r.commitId)) approvers.push(r.user);
  }
  return approvers.sort();
}

function isExcluded(login: string, excluded: ReadonlySet<string> | undefined): boolean {
  if (!excluded) return false;
  for (const e of excluded) if (e.toLowerCase() === login) return true;
  return false;
}
