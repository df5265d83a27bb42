import type { CheckOutput } from '../review/summary.js';
import type { GitHub, RepoRef } from './types.js';

export const CHECK_NAMES = {
  architectureReview: 'trustgate / architecture-review',
  guardrails: 'trustgate / guardrails',
} as const;

export const OVERRIDE_ACTION = 'override';

/** A check run result: waiting is `in_progress` (or a failure), never `neutral` or `skipped`, which pass a required check. */
export type CheckResult =
  | { status: 'in_progress'; output: CheckOutput }
  | { status: 'completed'; conclusion: 'success' | 'failure'; output: CheckOutput };

export async function publishCheck(
  github: GitHub,
  repo: RepoRef,
  headSha: string,
  name: string,
  result: CheckResult,
  actions: { label: string; description: string; identifier: string }[] = [],
): Promise<void> {
  const output = { title: result.output.title.slice(0, 255), summary: result.output.summary.slice(0, 65_000) };
  await github.rest.checks.create({
    ...repo,
    name,
    head_sha: headSha,
    status: result.status,
    ...(result.status === 'completed' ? { conclusion: result.conclusion, completed_at: new Date().toISOString() } : {}),
    output,
    ...(actions.length ? { actions } : {}),
  });
}
