import type { ProbotOctokit } from 'probot';

/** The authenticated client a handler talks to GitHub with (an installation token). */
export type GitHub = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export function fullName(r: RepoRef): string {
  return `${r.owner}/${r.repo}`;
}

/** HTTP status of an Octokit error, or undefined for anything else (network, programming errors). */
export function httpStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
