import { recordReviewOverride } from '@trustgate/metrics';
import { evaluatePullRequestGates } from '../checks/pull-request-gates.js';
import { loadPolicy } from '../config/load.js';
import { OVERRIDE_ACTION } from '../github/checks.js';
import { upsertComment } from '../github/comments.js';
import { commentsBy, firstTeamOf, readPullRequest } from '../github/pull-request.js';
import { fullName } from '../github/types.js';
import { overrideReason } from '../review/override.js';
import { type Handler, repoOf } from './context.js';

interface RequestedActionPayload {
  requested_action?: { identifier?: unknown };
  check_run?: { pull_requests?: { number: number }[] };
  sender?: { login?: unknown };
}

/** check_run.requested_action "override": a member of an override team overrides, with a reason, on the record. */
export const onRequestedAction: Handler = async (ctx) => {
  const p = ctx.payload as RequestedActionPayload;
  if (p.requested_action?.identifier !== OVERRIDE_ACTION || typeof p.sender?.login !== 'string') return;
  const actor = p.sender.login;
  const repo = repoOf(ctx.payload);
  for (const { number } of p.check_run?.pull_requests ?? []) {
    const pr = await readPullRequest(ctx.github, repo, number);
    const loaded = await loadPolicy(ctx.github, repo, pr.baseRef);
    if (loaded.kind !== 'ok') continue;
    const teams = loaded.policy.review.overrideTeams;
    const team = await firstTeamOf(ctx.github, teams, actor);
    const reason = overrideReason((await commentsBy(ctx.github, repo, number, actor)).map((c) => c.body));
    if (!team || !reason) {
      const why = !team
        ? `@${actor} is not a member of ${teams.map((t) => `@${t}`).join(', ') || 'any override team'}`
        : `@${actor} must first comment \`/trustgate override <reason>\` on this pull request`;
      // One refusal comment per pull request head, edited when asked again rather than posted again.
      await upsertComment(ctx.github, repo, number, `override-refused:${pr.headSha}`, `trustgate: override refused: ${why}.`);
      continue;
    }
    await recordReviewOverride(ctx.db, {
      repository: fullName(repo),
      number,
      headSha: pr.headSha,
      actor,
      team,
      reason,
      deliveryId: ctx.deliveryId,
    });
    ctx.log.warn({ repo: fullName(repo), pr: number, actor, team, reason }, 'architecture review overridden');
    await evaluatePullRequestGates(ctx, repo, pr);
  }
};
