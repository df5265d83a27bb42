import { pullRequestOfMergeGroup } from '../github/merge-group.js';

/**
 * The key a delivery's job is processed under: one pull request's deliveries (its events, reviews, comments, check
 * re-runs and merge group) run one at a time and in order, across all replicas, so two of them never both find no
 * check run (or no comment) and both create one. A repository's pushes run one at a time too (the line ledger);
 * anything else shares its repository's key. Undefined: no repository, a key of its own.
 */
export function deliveryGroup(event: string, payload: unknown): string | undefined {
  const p = payload as {
    repository?: { full_name?: unknown };
    pull_request?: { number?: unknown };
    issue?: { number?: unknown };
    check_run?: { pull_requests?: { number?: unknown }[] };
    check_suite?: { pull_requests?: { number?: unknown }[] };
    merge_group?: { head_ref?: unknown };
  };
  const repo = typeof p.repository?.full_name === 'string' ? p.repository.full_name : undefined;
  if (!repo) return undefined;
  if (event === 'push') return `${repo}@push`;
  const only = (prs: { number?: unknown }[] | undefined) => (prs?.length === 1 ? prs[0]?.number : undefined);
  const number =
    p.pull_request?.number ??
    p.issue?.number ??
    only(p.check_run?.pull_requests) ??
    only(p.check_suite?.pull_requests) ??
    (typeof p.merge_group?.head_ref === 'string' ? pullRequestOfMergeGroup(p.merge_group.head_ref) : undefined);
  return typeof number === 'number' && Number.isInteger(number) ? `${repo}#${number}` : repo;
}
