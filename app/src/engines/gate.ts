import type { BundleVerifier } from '@trustgate/gate';
import { entryFromDecision, unevaluatedEntry } from '@trustgate/metrics';
import type { DecidePromotion } from './types.js';

/**
 * The promotion gate engine for a deployment: the environment's policy over the attestations GitHub holds for the
 * artifact digest, each bundle verified (public-good Sigstore root unless another verifier is given).
 */
export function decideWithGateEngine(verifyBundle?: BundleVerifier): DecidePromotion {
  let verifier = verifyBundle;
  return async ({ policy, policySource, environment, subject, repo, github }) => {
    // Loaded by the first deployment: the gate and its Sigstore verifier are most of the processing thread's modules,
    // and most deliveries are pull requests.
    const { decidePromotion, decisionToMarkdown, environmentRule, GateError, sigstoreVerifier } = await import('@trustgate/gate');
    const source = `app:${repo.owner}/${repo.repo}`;
    const unevaluated = (approved: boolean, comment: string) => ({
      approved,
      comment,
      entry: unevaluatedEntry({ subject, environment, approved, note: comment, policy: policySource, source }),
    });
    const rule = environmentRule(policy.promotion, environment, policySource.uri);
    if (rule.kind !== 'gated') return unevaluated(rule.kind === 'allowed-without-policy', rule.reason);
    if (!subject.startsWith('sha256:')) {
      return unevaluated(
        false,
        `trustgate: environment \`${environment}\` judges artifacts by digest, but the deployment names only ${subject}; pass {"digest": "sha256:..."} in the deployment payload. Rejected (fail closed).`,
      );
    }
    // The trusted root is parsed on first use, not when the App starts.
    verifier ??= sigstoreVerifier();
    try {
      const { decision } = await decidePromotion(
        { policy: policy.promotion, policySource, environment, subject, repository: `${repo.owner}/${repo.repo}` },
        { verifyBundle: verifier, attestations: github },
      );
      return {
        approved: decision.decision === 'pass',
        comment: decisionToMarkdown(decision),
        entry: entryFromDecision(decision, policySource, source),
      };
    } catch (err) {
      // A GitHub outage is retried by redelivery; anything else about this deployment is a reasoned rejection.
      if (!(err instanceof GateError) || err.code === 'ATTESTATIONS_API_ERROR') throw err;
      return unevaluated(false, `trustgate: ${err.message} (${err.code}); rejected.`);
    }
  };
}
