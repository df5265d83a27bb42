import { spawn } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { MetricsError } from '../../errors.js';
import { GIT_FORMAT, GIT_LOG_ARGS, type GitCommit, parseGitRecord } from './git-log.js';

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
  return streamGit(dir, [...GIT_LOG_ARGS, ...(options.since ? [`--since=${options.since}`] : []), options.ref ?? 'HEAD', '--']);
}

/** Every commit reachable from `ref` (merged branches too), without diffs: who wrote it and what it says. */
export function streamGitCommits(dir: string, ref = 'HEAD'): AsyncGenerator<GitCommit> {
  return streamGit(dir, ['-c', 'core.quotePath=false', 'log', '--no-color', GIT_FORMAT, ref, '--']);
}

async function* streamGit(dir: string, args: string[]): AsyncGenerator<GitCommit> {
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
  // chunk and searching it again each time is quadratic on a large diff.
  let pieces: string[] = [];
  try {
    for await (const chunk of child.stdout as AsyncIterable<string>) {
      let from = 0;
      let at = chunk.indexOf('\x1e');
      while (at !== -1) {
        pieces.push(chunk.slice(from, at));
        const record = pieces.join('');
        pieces = [];
        if (record.trim() !== '') yield parseGitRecord(record);
        from = at + 1;
        at = chunk.indexOf('\x1e', from);
      }
      pieces.push(chunk.slice(from));
    }
    const code = await exited;
    if (code !== 0) throw gitError(dir, stderr.trim() || `git exited with ${code}`);
    const last = pieces.join('');
    if (last.trim() !== '') yield parseGitRecord(last);
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
