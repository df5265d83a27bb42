import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { MetricsError } from '../../errors.js';
import type { CommitInput } from '../../records/ledger.js';
import { GIT_LOG_ARGS, parseGitLog } from './git-log.js';

const run = promisify(execFile);

/** Read a local clone's default-branch history (first parent, oldest first) with `git log -p`. */
export async function readGitHistory(dir: string, options: { ref?: string; since?: string } = {}): Promise<CommitInput[]> {
  const args = [...GIT_LOG_ARGS, ...(options.since ? [`--since=${options.since}`] : []), options.ref ?? 'HEAD', '--'];
  try {
    const { stdout } = await run('git', ['-C', dir, ...args], { maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
    return parseGitLog(stdout);
  } catch (cause) {
    if (cause instanceof MetricsError) throw cause;
    throw new MetricsError(
      'BACKFILL_GIT_ERROR',
      `cannot read the git history of ${dir}: ${(cause as Error).message.split('\n')[0]}; pass a local clone with --git DIR`,
      {
        cause,
      },
    );
  }
}
