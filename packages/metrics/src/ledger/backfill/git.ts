import { spawn } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { MetricsError } from '../../errors.js';
import { type GitCommit, gitFormat, gitLogArgs, gitLogMarker, parseGitRecord, recordSeparator } from './git-log.js';

export interface GitHistoryOptions {
  ref?: string;
  since?: string;
}

/** Read a local clone's default-branch history (first parent, oldest first) with `git log -p`. */
export async function readGitHistory(dir: string, options: GitHistoryOptions = {}): Promise<GitCommit[]> {
  const out: GitCommit[] = [];
  for await (const c of streamGitHistory(dir, options)) out.push(c);
  return out;
}

/**
 * The same history, one commit at a time: `git log -p` is read as it is written, so memory holds one commit's diff,
 * not the history's (a 742-commit clone took 880 MB when read whole).
 */
export function streamGitHistory(dir: string, options: GitHistoryOptions = {}): AsyncGenerator<GitCommit> {
  const marker = gitLogMarker();
  const since = options.since ? [`--since=${options.since}`] : [];
  return streamGit(dir, [...gitLogArgs(marker), ...since, options.ref ?? 'HEAD', '--'], marker);
}

/** Every commit reachable from `ref` (merged branches too), without diffs: who wrote it and what it says. */
export function streamGitCommits(dir: string, ref = 'HEAD'): AsyncGenerator<GitCommit> {
  const marker = gitLogMarker();
  return streamGit(dir, ['-c', 'core.quotePath=false', 'log', '--no-color', gitFormat(marker), ref, '--'], marker);
}

async function* streamGit(dir: string, args: string[], marker: string): AsyncGenerator<GitCommit> {
  const separator = recordSeparator(marker);
  const child = spawn('git', ['-C', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 4096) stderr += d;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdout.setEncoding('utf8');
  // A record is everything between two separators. Pieces are joined once per record: growing one string chunk by
  // chunk and searching it again each time is quadratic on a large diff. The last few characters of a chunk are
  // carried into the next, since a separator can straddle two chunks.
  let pieces: string[] = [];
  let carry = '';
  try {
    for await (const chunk of child.stdout as AsyncIterable<string>) {
      const text = carry + chunk;
      let from = 0;
      let at = text.indexOf(separator);
      while (at !== -1) {
        pieces.push(text.slice(from, at));
        const record = pieces.join('');
        pieces = [];
        if (record.trim() !== '') yield parseGitRecord(record, marker);
        from = at + separator.length;
        at = text.indexOf(separator, from);
      }
      const keep = Math.max(from, text.length - (separator.length - 1));
      pieces.push(text.slice(from, keep));
      carry = text.slice(keep);
    }
    pieces.push(carry);
    const code = await exited;
    if (code !== 0) throw gitError(dir, stderr.trim() || `git exited with ${code}`);
    const last = pieces.join('');
    if (last.trim() !== '') yield parseGitRecord(last, marker);
  } catch (cause) {
    if (cause instanceof MetricsError) throw cause;
    throw gitError(dir, (cause as Error).message, cause);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

function gitError(dir: string, why: string, cause?: unknown): MetricsError {
  return new MetricsError(
    'BACKFILL_GIT_ERROR',
    `cannot read the git history of ${dir}: ${why.split('\n')[0]}; pass a local clone with --git DIR`,
    cause === undefined ? {} : { cause },
  );
}

/** `owner/name` from the clone's `origin` remote (GitHub URLs), else the directory's name. */
export async function gitRepositoryName(dir: string): Promise<string> {
  const url = await new Promise<string>((resolve) => {
    const child = spawn('git', ['-C', dir, 'config', '--get', 'remote.origin.url'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', () => resolve(''));
    child.on('close', () => resolve(out.trim()));
  });
  const m = /github\.com[:/]([^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/.exec(url);
  return m?.[1] ?? basename(resolve(dir));
}
