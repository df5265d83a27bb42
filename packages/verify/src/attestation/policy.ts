import type { SignerIdentity } from '@trustgate/core';
import { VerifyError } from '../errors.js';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export interface GitHubSignerOptions {
  owner?: string;
  repo?: string;
  signerWorkflow?: string;
  /** Enterprise accounts with a custom issuer, e.g. https://token.actions.githubusercontent.com/<slug>. */
  issuer?: string;
  denySelfHostedRunners?: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * `gh attestation verify` flags as a signer identity: --owner / --repo bind the source repository, and unless a
 * --signer-workflow is named the workflow itself must live under that owner or repository.
 */
export function githubSignerIdentity(options: GitHubSignerOptions): SignerIdentity {
  if (!options.owner && !options.repo) {
    throw new VerifyError('POLICY_MISSING', 'pass --owner OWNER or --repo OWNER/REPO: an attestation is only trusted for a named source');
  }
  if (options.repo && !/^[^/\s]+\/[^/\s]+$/.test(options.repo)) {
    throw new VerifyError('POLICY_MISSING', `--repo ${JSON.stringify(options.repo)} must be OWNER/REPO`);
  }
  const owner = options.owner ?? (options.repo as string).split('/')[0];
  const scope = options.repo ?? owner;
  const identity: SignerIdentity = {
    identityRegexp: options.signerWorkflow ? '.+' : `https://github\\.com/${escapeRegExp(scope as string)}/.+`,
    issuer: options.issuer ?? GITHUB_ACTIONS_ISSUER,
    runnerEnvironment: options.denySelfHostedRunners ? 'github-hosted' : 'any',
  };
  if (options.repo) identity.sourceRepository = options.repo;
  if (options.owner) identity.sourceRepositoryOwner = owner;
  if (options.signerWorkflow) identity.signerWorkflow = options.signerWorkflow;
  return identity;
}
