import { appendDecision, unevaluatedEntry } from '@trustgate/metrics';
import { configErrorOutput } from '../checks/config-error.js';
import { loadPolicy } from '../config/load.js';
import { deploymentSubject, runOfCallback } from '../deployments/callback.js';
import type { PromotionDecision } from '../engines/types.js';
import { type Handler, repoOf } from './context.js';

interface ProtectionRulePayload {
  environment?: unknown;
  deployment_callback_url?: unknown;
  deployment?: { sha?: unknown; payload?: unknown; ref?: unknown };
  repository?: { default_branch?: unknown };
}

/** deployment_protection_rule.requested: the gate engine decides, the callback approves or rejects with the reason (no policy: rejected). */
export const onDeploymentProtectionRule: Handler = async (ctx) => {
  const p = ctx.payload as ProtectionRulePayload;
  const repo = repoOf(ctx.payload);
  const run = typeof p.deployment_callback_url === 'string' ? runOfCallback(p.deployment_callback_url) : undefined;
  if (typeof p.environment !== 'string' || !run) {
    ctx.log.warn({ delivery: ctx.deliveryId }, 'deployment_protection_rule without environment or callback URL; ignored');
    return;
  }
  const environment = p.environment;
  const subject = p.deployment ? deploymentSubject(p.deployment) : undefined;
  const ref = typeof p.repository?.default_branch === 'string' ? p.repository.default_branch : 'main';
  const decision = await decide();
  // Logged in the delivery's transaction before GitHub hears it: a decision is never posted unrecorded, and a
  // redelivery (same delivery and environment) finds its record instead of adding another.
  if (ctx.engines.decisionSigner) {
    const entry =
      decision.entry ??
      unevaluatedEntry({
        subject: subject ?? '(none)',
        environment,
        approved: decision.approved,
        note: decision.comment,
        policy: null,
        source: `app:${repo.owner}/${repo.repo}`,
      });
    await appendDecision(ctx.db, entry, ctx.engines.decisionSigner, { sourceKey: `${ctx.deliveryId}:${environment}` });
  }
  await ctx.github.rest.actions.reviewCustomGatesForRun({
    owner: run.owner,
    repo: run.repo,
    run_id: run.runId,
    environment_name: environment,
    state: decision.approved ? 'approved' : 'rejected',
    comment: decision.comment.slice(0, 1000),
  });

  async function decide(): Promise<PromotionDecision> {
    if (!subject) {
      return { approved: false, comment: 'trustgate: the deployment names no commit or artifact digest; rejected (fail closed).' };
    }
    const loaded = await loadPolicy(ctx.github, repo, ref);
    if (loaded.kind === 'none') {
      // No file at all: nothing can allow the environment (allowWithoutPolicy lives in the file), so it is rejected.
      // The gate is loaded by the first deployment, as in engines/gate.ts.
      const { noPolicyReason } = await import('@trustgate/gate');
      return { approved: false, comment: noPolicyReason(environment, `${repo.owner}/${repo.repo}`, false) };
    }
    if (loaded.kind === 'invalid') {
      const out = configErrorOutput(loaded.error);
      return { approved: false, comment: `trustgate: ${out.title}; rejected until it is fixed.\n${loaded.error.message}` };
    }
    return ctx.engines.decidePromotion({
      policy: loaded.policy,
      policySource: { uri: loaded.source, sha256: loaded.sha256 },
      environment,
      subject,
      repo,
      github: ctx.github,
    });
  }
};
