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

type CheckAction = { label: string; description: string; identifier: string };

/** The key a check run of this App is found by on its commit: the same check is updated, never created twice. */
export function checkExternalId(name: string, headSha: string): string {
  return `trustgate:${name}:${headSha}`;
}

/**
 * The App's check runs on one commit, listed once and then updated in place: a delivery processed twice (a retry after
 * a crash, a redelivery, a second replica) leaves one check run per name, with the latest result.
 */
export class CommitChecks {
  private existing: Promise<Map<string, number>> | undefined;

  constructor(
    private readonly github: GitHub,
    private readonly repo: RepoRef,
    readonly headSha: string,
    /** The App's id: only its own check runs are updated (another App's with the same external id are not ours). */
    private readonly appId?: number,
  ) {}

  async publish(name: string, result: CheckResult, actions: CheckAction[] = []): Promise<void> {
    const output = { title: result.output.title.slice(0, 255), summary: result.output.summary.slice(0, 65_000) };
    const fields = {
      ...this.repo,
      name,
      external_id: checkExternalId(name, this.headSha),
      status: result.status,
      ...(result.status === 'completed' ? { conclusion: result.conclusion, completed_at: new Date().toISOString() } : {}),
      output,
      actions,
    };
    this.existing ??= this.list();
    const runs = await this.existing;
    const id = runs.get(name);
    if (id !== undefined) {
      await this.github.rest.checks.update({ ...fields, check_run_id: id });
      return;
    }
    const { data } = await this.github.rest.checks.create({ ...fields, head_sha: this.headSha });
    runs.set(name, data.id);
  }

  private async list(): Promise<Map<string, number>> {
    const runs = await this.github.paginate(this.github.rest.checks.listForRef, {
      ...this.repo,
      ref: this.headSha,
      filter: 'all',
      per_page: 100,
      ...(this.appId !== undefined ? { app_id: this.appId } : {}),
    });
    const byName = new Map<string, number>();
    // The oldest of each name is the one kept up to date (a duplicate from before this fix stays as it was).
    for (const r of [...runs].sort((a, b) => a.id - b.id)) {
      const ours = this.appId === undefined || r.app?.id === this.appId;
      if (ours && r.external_id === checkExternalId(r.name, this.headSha) && !byName.has(r.name)) byName.set(r.name, r.id);
    }
    return byName;
  }
}
