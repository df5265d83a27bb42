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
  /** The ref the workflow ran on (Fulcio OID .14), e.g. refs/tags/v1: `--source-ref`. */
  sourceRef?: string;
  /** The commit the workflow ran on (OID .13): `--source-digest`. */
  sourceDigest?: string;
  /** The commit of the signing workflow file (OID .10): `--signer-digest`. */
  signerDigest?: string;
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
  if (options.sourceRef) identity.sourceRef = options.sourceRef;
  for (const [flag, value] of [
    ['--source-digest', options.sourceDigest],
    ['--signer-digest', options.signerDigest],
  ] as const) {
    if (value !== undefined && !/^(sha1:)?[0-9a-fA-F]{40}$/.test(value)) {
      throw new VerifyError('POLICY_MISSING', `${flag} ${JSON.stringify(value)} must be a 40-hex commit SHA`);
    }
  }
  // gh accepts `sha1:<sha>` too; the certificate holds the bare SHA.
  if (options.sourceDigest) identity.sourceDigest = options.sourceDigest.replace(/^sha1:/, '');
  if (options.signerDigest) identity.signerDigest = options.signerDigest.replace(/^sha1:/, '');
  return identity;
}
