import type { EnvironmentPolicy, SignerIdentity } from '@trustgate/core';

type ProvenanceRule = NonNullable<EnvironmentPolicy['requires']['provenance']>;
import type { SignerRole } from './types.js';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/** The signer list for each role an environment's policy names (an empty list verifies nothing). */
export function signerLists(policy: EnvironmentPolicy): Record<SignerRole, SignerIdentity[]> {
  return {
    evidence: policy.evidenceSigners,
    signature: policy.requires.signature?.signers ?? [],
    provenance: provenanceSigners(policy.requires.provenance),
  };
}

/**
 * The build workflows as signers bound, like `gh attestation verify --repo`, to the source repository (and owner) the
 * build ran for: the right workflow called as a reusable workflow from another repository signs with that other
 * repository's claims and is not provenance of this one. Self-hosted runners only when the policy says so.
 */
function provenanceSigners(rule: ProvenanceRule | undefined): SignerIdentity[] {
  if (rule === undefined) return [];
  return rule.workflows.map((workflow) => {
    const signer = workflowSigner(workflow);
    const source = rule.sourceRepository ?? workflow.split('/').slice(0, 2).join('/');
    signer.sourceRepository = source;
    signer.sourceRepositoryOwner = source.split('/')[0] as string;
    if (rule.sourceRepositoryId !== undefined) signer.sourceRepositoryId = rule.sourceRepositoryId;
    signer.runnerEnvironment = rule.selfHostedRunners ? 'any' : 'github-hosted';
    return signer;
  });
}

/**
 * `owner/repo/.github/workflows/build.yml[@ref]` as the certificate identity GitHub Actions gives that
 * workflow: `https://github.com/<path>@<ref>` issued by the Actions OIDC issuer; any ref when none is given.
 */
export function workflowSigner(workflow: string): SignerIdentity {
  const at = workflow.lastIndexOf('@');
  const path = at > 0 ? workflow.slice(0, at) : workflow;
  const ref = at > 0 ? escapeRegExp(workflow.slice(at + 1)) : '.+';
  return {
    identityRegexp: `https://github\\.com/${escapeRegExp(path)}@${ref}`,
    issuer: GITHUB_ACTIONS_ISSUER,
    signerWorkflow: workflow,
    runnerEnvironment: 'any',
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
