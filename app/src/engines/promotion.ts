import type { DecidePromotion } from './types.js';

/**
 * Until a gate engine is plugged in, an environment with a promotion policy is rejected (fail closed: evidence
 * cannot be judged), and an environment without one is approved, since it asks for nothing.
 */
export const decideWithoutGateEngine: DecidePromotion = async ({ policy, environment, subject }) => {
  if (!(environment in policy.promotion.environments)) {
    return {
      approved: true,
      comment: `trustgate: environment \`${environment}\` has no promotion policy in .github/trustgate.yml; nothing to enforce for ${subject}.`,
    };
  }
  return {
    approved: false,
    comment: `trustgate: environment \`${environment}\` requires evidence for ${subject}, but no gate engine is configured in this App; rejected (fail closed).`,
  };
};
