/** Title or branch says fix / hotfix / revert (the follow-up subset). */
export function isFixLike(title: string, headRef: string): boolean {
  return /(^|[^a-z])(fix|fixes|fixed|hotfix|revert)/i.test(title) || /(^|[/_-])(fix|hotfix|bugfix|revert)/i.test(headRef);
}

/** The PR number a revert PR undoes: GitHub names its branches `revert-<n>-<branch>` and bodies "Reverts o/r#n". */
export function revertedPullRequest(headRef: string, body: string | null | undefined, repo: string): number | null {
  const branch = /^revert-(\d+)-/.exec(headRef);
  if (branch) return Number(branch[1]);
  const escaped = repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const text = new RegExp(`^Reverts ${escaped}#(\\d+)`, 'm').exec(body ?? '');
  return text ? Number(text[1]) : null;
}

/** The PR a default-branch commit merged, from GitHub's merge ("Merge pull request #n") or squash ("... (#n)") subject. */
export function mergedPullRequestNumber(message: string): number | null {
  const subject = message.split('\n', 1)[0] ?? '';
  const m = /^Merge pull request #(\d+) /.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
  return m ? Number(m[1]) : null;
}

const CLOSING_REFERENCE =
  /(?:^|[^\w-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+(?:(?:https?:\/\/[^/\s]+\/)?([\w.-]+\/[\w.-]+)(?:#|\/issues\/)|#)(\d+)\b/gi;

/**
 * Issues of `repo` ("owner/name") a pull request body closes, as GitHub links them: a closing keyword ("Fixes",
 * "closes:", "Resolved") before each `#n`, `owner/name#n` or issue URL. Other repositories' issues are left out.
 */
export function closedIssueNumbers(body: string | null | undefined, repo: string): number[] {
  const found = new Set<number>();
  for (const m of (body ?? '').matchAll(CLOSING_REFERENCE)) {
    if (m[1] === undefined || m[1].toLowerCase() === repo.toLowerCase()) found.add(Number(m[2]));
  }
  return [...found].sort((a, b) => a - b);
}
