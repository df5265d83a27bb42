import type { GitHub, RepoRef } from './types.js';

/** The hidden marker that makes a comment the one for `decision`: found again and edited, never posted twice. */
export function commentMarker(decision: string): string {
  return `<!-- trustgate:${decision} -->`;
}

/** Post the App's comment for `decision` on an issue or pull request, or edit the one already there. */
export async function upsertComment(github: GitHub, repo: RepoRef, number: number, decision: string, text: string): Promise<void> {
  const marker = commentMarker(decision);
  const body = `${text}\n\n${marker}`;
  const comments = await github.paginate(github.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
  // Only a bot's comment can be the App's; anyone may paste the marker into their own.
  const mine = comments.find((c) => c.user?.type === 'Bot' && (c.body ?? '').includes(marker));
  if (mine) {
    if (mine.body !== body) await github.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
    return;
  }
  await github.rest.issues.createComment({ ...repo, issue_number: number, body });
}
