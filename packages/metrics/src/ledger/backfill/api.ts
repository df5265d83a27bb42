import { MetricsError } from '../../errors.js';
import type { CommitInput } from '../../records/ledger.js';
import type { FileDiff } from '../types.js';

/** Fetch `GET /repos/{owner}/{repo}/commits/{sha}` (all pages of `files` merged); the response is untrusted JSON. */
export type FetchCommit = (sha: string) => Promise<unknown>;

const STATUSES = new Set(['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged']);

/**
 * Walk first parents from `head` back to (not including) any of `stopAt` or the root, at most `limit` commits, and
 * return them oldest first, ready for `recordPush`.
 */
export async function readApiHistory(
  fetchCommit: FetchCommit,
  head: string,
  options: { stopAt?: readonly string[]; limit?: number } = {},
): Promise<CommitInput[]> {
  const stop = new Set(options.stopAt ?? []);
  const limit = options.limit ?? 10_000;
  const out: CommitInput[] = [];
  let sha: string | undefined = head;
  while (sha !== undefined && !stop.has(sha) && out.length < limit) {
    const commit = parseApiCommit(await fetchCommit(sha), sha);
    out.push(commit);
    sha = commit.parents[0];
  }
  return out.reverse();
}

/** Validate one `GET /commits/{sha}` response into a commit; malformed fields are BACKFILL_API_ERROR. */
export function parseApiCommit(body: unknown, sha: string): CommitInput {
  const fail = (what: string) =>
    new MetricsError('BACKFILL_API_ERROR', `GitHub commit ${sha}: ${what}; the ledger was not updated from it`);
  const o = body as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || typeof o.sha !== 'string') throw fail('response has no sha');
  const commit = o.commit as { message?: unknown; committer?: { date?: unknown } } | undefined;
  const date = commit?.committer?.date;
  if (typeof date !== 'string' || Number.isNaN(Date.parse(date))) throw fail('commit.committer.date is missing');
  if (!Array.isArray(o.parents)) throw fail('parents is not a list');
  const files = o.files === undefined ? [] : o.files;
  if (!Array.isArray(files)) throw fail('files is not a list');
  return {
    sha: o.sha,
    parents: o.parents.map((p: { sha?: unknown }) => {
      if (typeof p?.sha !== 'string') throw fail('a parent has no sha');
      return p.sha;
    }),
    committedAt: new Date(date).toISOString(),
    message: typeof commit?.message === 'string' ? commit.message : '',
    files: files.map((f: Record<string, unknown>): FileDiff => {
      if (typeof f?.filename !== 'string' || !STATUSES.has(f.status as string)) throw fail('a file has no filename or an unknown status');
      return {
        filename: f.filename,
        status: f.status as FileDiff['status'],
        ...(typeof f.previous_filename === 'string' ? { previousFilename: f.previous_filename } : {}),
        ...(typeof f.additions === 'number' ? { additions: f.additions } : {}),
        ...(typeof f.deletions === 'number' ? { deletions: f.deletions } : {}),
        ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
      };
    }),
  };
}
