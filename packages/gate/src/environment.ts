import type { EnvironmentPolicy, PromotionPolicy } from '@trustgate/core';

/** What governs a deployment to one environment, before any evidence is read. */
export type EnvironmentRule =
  | { kind: 'gated'; policy: EnvironmentPolicy }
  | { kind: 'allowed-without-policy'; reason: string }
  | { kind: 'no-policy'; reason: string };

/**
 * Deployments fail closed: an environment is gated by its entry under `promotion.environments`, deployable without
 * one only when `promotion.allowWithoutPolicy` names it, and otherwise rejected with how to add a policy. `where`
 * says where the policy was looked for (a file, or a repository that has none); `policy` undefined means no file.
 */
export function environmentRule(policy: PromotionPolicy | undefined, environment: string, where: string): EnvironmentRule {
  const own = policy?.environments[environment];
  if (own !== undefined) return { kind: 'gated', policy: own };
  if (policy?.allowWithoutPolicy.includes(environment)) {
    return {
      kind: 'allowed-without-policy',
      reason: `trustgate: environment \`${environment}\` is listed in promotion.allowWithoutPolicy of ${where}; approved without a gate.`,
    };
  }
  return { kind: 'no-policy', reason: noPolicyReason(environment, where, policy !== undefined) };
}

/** Why a deployment with no policy is rejected, and how to add one (a file, or an explicit allowWithoutPolicy). */
export function noPolicyReason(environment: string, where: string, hasFile: boolean): string {
  const found = hasFile ? `${where} has no promotion policy for environment \`${environment}\`` : `no trustgate policy in ${where}`;
  return [
    `trustgate: ${found}; the deployment is rejected (deployments fail closed).`,
    '',
    `Add one to \`.github/trustgate.yml\` on the default branch (or to the organisation default in \`<org>/.github\`):`,
    '',
    '```yaml',
    'version: 1',
    'promotion:',
    '  environments:',
    `    ${environment}:`,
    '      requires:',
    '        provenance: { workflows: [OWNER/REPO/.github/workflows/build.yml] }',
    '```',
    '',
    `To deploy to \`${environment}\` with no gate, say so explicitly: \`promotion: { allowWithoutPolicy: [${environment}] }\`. See docs/gate.md.`,
  ].join('\n');
}
