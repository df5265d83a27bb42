import type { CommitInput } from '../../records/ledger.js';
import type { FileDiff } from '../types.js';

/** A default-branch commit read from git, with the identities the attribution engine reads. */
export interface GitCommit extends CommitInput {
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
}

/** One record per commit: sha, parents, committer date, author and committer, message, then its diff (if any). */
export const GIT_FORMAT = '--format=%x1e%H%x1f%P%x1f%cI%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B%x1f';

/** The `git log` arguments whose output `parseGitLog` reads: first-parent history, each commit diffed against its first parent. */
export const GIT_LOG_ARGS = [
  '-c',
  'core.quotePath=false',
  'log',
  '--first-parent',
  '--diff-merges=first-parent',
  '--reverse',
  '-p',
  '-M',
  '--no-color',
  '--no-ext-diff',
  GIT_FORMAT,
];

/** Parse the output of `git log` run with GIT_LOG_ARGS into default-branch commits, oldest first. */
export function parseGitLog(text: string): GitCommit[] {
  return text
    .split('\x1e')
    .filter((r) => r.trim() !== '')
    .map(parseGitRecord);
}

/** One record of GIT_FORMAT (the text between two record separators). */
export function parseGitRecord(record: string): GitCommit {
  const [sha, parents, date, authorName, authorEmail, committerName, committerEmail, message, diff] = record.split('\x1f');
  return {
    sha: (sha ?? '').trim(),
    parents: (parents ?? '').split(' ').filter((p) => p !== ''),
    committedAt: new Date(date ?? '').toISOString(),
    authorName: authorName ?? '',
    authorEmail: (authorEmail ?? '').toLowerCase(),
    committerName: committerName ?? '',
    committerEmail: (committerEmail ?? '').toLowerCase(),
    message: (message ?? '').trim(),
    files: parseDiff(diff ?? ''),
  };
}

function stripPrefix(path: string): string | undefined {
  const p = path.replace(/\t$/, '');
  return p === '/dev/null' ? undefined : p.replace(/^[ab]\//, '');
}

function parseDiff(diff: string): FileDiff[] {
  const files: FileDiff[] = [];
  let file: (FileDiff & { body: string[]; inHunks: boolean; from?: string }) | undefined;
  const finish = () => {
    if (!file) return;
    const { body, inHunks: _h, from, ...rest } = file;
    const patch = body.filter((l) => l !== '');
    const additions = patch.filter((l) => l[0] === '+').length;
    const deletions = patch.filter((l) => l[0] === '-').length;
    files.push({
      ...rest,
      ...(from !== undefined && from !== rest.filename ? { previousFilename: from } : {}),
      additions,
      deletions,
      ...(patch.length > 0 ? { patch: patch.join('\n') } : {}),
    });
    file = undefined;
  };
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      finish();
      const m = / b\/(.*)$/.exec(line);
      file = { filename: m?.[1] ?? '', status: 'modified', body: [], inHunks: false };
      continue;
    }
    if (!file) continue;
    if (file.inHunks || line.startsWith('@@')) {
      file.inHunks = true;
      file.body.push(line);
    } else if (line.startsWith('new file mode')) file.status = 'added';
    else if (line.startsWith('deleted file mode')) file.status = 'removed';
    else if (line.startsWith('rename from ')) {
      file.from = line.slice('rename from '.length);
      file.status = 'renamed';
    } else if (line.startsWith('rename to ')) file.filename = line.slice('rename to '.length);
    else if (line.startsWith('--- ')) file.from = stripPrefix(line.slice(4)) ?? file.from;
    else if (line.startsWith('+++ ')) file.filename = stripPrefix(line.slice(4)) ?? file.from ?? file.filename;
  }
  finish();
  return files;
}
