import { randomBytes } from 'node:crypto';
import type { CommitInput } from '../../records/ledger.js';
import { MetricsError } from '../../errors.js';
import type { FileDiff } from '../types.js';

/** A default-branch commit read from git, with the identities the attribution engine reads. */
export interface GitCommit extends CommitInput {
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
}

/**
 * The record and message separators carry a marker chosen per run: a diff or a commit message is anyone's text, and
 * a control character in a fixture (a protobuf's 0x1e) once split a record in the middle of its diff. A random
 * marker cannot be written into a repository ahead of the run that reads it.
 */
export function gitLogMarker(): string {
  return `tg${randomBytes(12).toString('hex')}`;
}

/** One record per commit: sha, parents, committer date, author and committer, message, then its diff (if any). */
export function gitFormat(marker: string): string {
  return `--format=%x1e${marker}%H%x1f%P%x1f%cI%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B%x1d${marker}`;
}

/** What separates two records in the output of gitFormat(marker). */
export const recordSeparator = (marker: string): string => `\x1e${marker}`;

/** The `git log` arguments whose output `parseGitLog` reads: first-parent history, each commit diffed against its first parent. */
export function gitLogArgs(marker: string): string[] {
  return [
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
    gitFormat(marker),
  ];
}

/** Parse the output of `git log` run with gitLogArgs(marker) into default-branch commits, oldest first. */
export function parseGitLog(text: string, marker: string): GitCommit[] {
  return text
    .split(recordSeparator(marker))
    .filter((r) => r.trim() !== '')
    .map((r) => parseGitRecord(r, marker));
}

/** One record of gitFormat(marker) (the text between two record separators). */
export function parseGitRecord(record: string, marker: string): GitCommit {
  const end = record.indexOf(`\x1d${marker}`);
  const head = end === -1 ? record : record.slice(0, end);
  const diff = end === -1 ? '' : record.slice(end + marker.length + 1);
  // Only the message may hold the field separator (sha, parents and date cannot): everything after the seventh is it.
  const [sha, parents, date, authorName, authorEmail, committerName, committerEmail, ...message] = head.split('\x1f');
  const at = Date.parse(date ?? '');
  if (end === -1 || Number.isNaN(at))
    throw new MetricsError(
      'BACKFILL_GIT_ERROR',
      `git log printed a record trustgate cannot read (commit ${(sha ?? '').trim().slice(0, 12) || 'unknown'}); report it with the output of git --version`,
    );
  return {
    sha: (sha ?? '').trim(),
    parents: (parents ?? '').split(' ').filter((p) => p !== ''),
    committedAt: new Date(at).toISOString(),
    authorName: authorName ?? '',
    authorEmail: (authorEmail ?? '').toLowerCase(),
    committerName: committerName ?? '',
    committerEmail: (committerEmail ?? '').toLowerCase(),
    message: message.join('\x1f').trim(),
    files: parseDiff(diff),
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
