import type { EnvironmentPolicy, SignerIdentity } from '@trustgate/core';
import type { SignerRole } from './types.js';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/** The signer list for each role an environment's policy names (an empty list verifies nothing). */
export function signerLists(policy: EnvironmentPolicy): Record<SignerRole, SignerIdentity[]> {
  return {
    evidence: policy.evidenceSigners,
    signature: policy.requires.signature?.signers ?? [],
    provenance: (policy.requires.provenance?.workflows ?? []).map(workflowSigner),
  };
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
