import type { SignerIdentity } from '@trustgate/core';
import type { SignerClaims } from './cert/signing-certificate.js';
import { VerifyError } from './errors.js';

export type { SignerClaims } from './cert/signing-certificate.js';

/**
 * THE place where a signer's identity is judged. @sigstore/verify matches the SAN as an unanchored regexp and
 * passes when no policy is given; here a SAN is compared exactly (or against a regexp we anchor), the issuer
 * exactly, and GitHub claims from Fulcio's certificate extensions after the signature has been verified.
 */

/** Issuers whose certificates carry GitHub Actions claims (public GitHub, and GHES/enterprise custom issuers below it). */
export function isGitHubActionsIssuer(issuer: string | undefined): boolean {
  return issuer !== undefined && /^https:\/\/token\.actions\.githubusercontent\.com(\/|$)/.test(issuer);
}

/** Anchor a user regexp: `a|b` must not become `^a|b$`. */
export function anchoredRegExp(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch (cause) {
    throw new VerifyError('POLICY_MISSING', `identity regexp ${JSON.stringify(pattern)} is not a valid regular expression`, { cause });
  }
}

const GITHUB = 'https://github.com/';

/** `owner/repo` or a URL -> `https://github.com/owner/repo`; GitHub names are case-insensitive, so compare lower-cased. */
export function githubUrl(nameOrUrl: string): string {
  const trimmed = nameOrUrl.replace(/\/+$/, '');
  return (/^https?:\/\//.test(trimmed) ? trimmed : GITHUB + trimmed.replace(/^github\.com\//, '')).toLowerCase();
}

/**
 * `https://host/owner/repo/rest` with the parts Git and GitHub compare case-insensitively (host, owner, repository)
 * lower-cased and the rest (workflow path, `@ref`) exactly as written: `@refs/heads/MAIN` is not `@refs/heads/main`.
 */
function canonicalRepoUrl(url: string): string | undefined {
  const m = /^https:\/\/([^/]+)\/([^/]+)\/([^/@]+)(.*)$/.exec(url);
  if (!m) return undefined;
  return `https://${(m[1] as string).toLowerCase()}/${(m[2] as string).toLowerCase()}/${(m[3] as string).toLowerCase()}${m[4]}`;
}

/**
 * `gh attestation verify --signer-workflow` semantics: `owner/repo/.github/workflows/f.yml` matches that workflow at
 * any ref (the SAN must continue with `@`), `...f.yml@refs/heads/main` matches that ref exactly. A plain prefix test
 * would accept `release.yml.evil.yml` and `@refs/heads/main-evil`; a lower-cased one `RELEASE.yml` and `@refs/heads/MAIN`.
 */
export function workflowMatches(expected: string, san: string): boolean {
  const trimmed = expected.replace(/\/+$/, '');
  const want = canonicalRepoUrl(/^https?:\/\//.test(trimmed) ? trimmed : GITHUB + trimmed.replace(/^github\.com\//i, ''));
  const have = canonicalRepoUrl(san);
  if (want === undefined || have === undefined) return false;
  if (expected.includes('@')) return have === want;
  return have.startsWith(`${want}@`) && have.length > want.length + 1;
}

/**
 * A rule the verifier accepts: a policy's SignerIdentity, or one built in code that compares no issuer (`anyIssuer`),
 * for GitHub's own release signer, whose certificates carry none to match (`gh release verify` matches any). A policy
 * file can never set it: its schema is strict.
 */
export type AcceptedSigner = SignerIdentity & { anyIssuer?: true };

/** One failed comparison, worded as expected versus actual. */
export interface IdentityMismatch {
  field: string;
  expected: string;
  actual: string;
}

/** Compare claims with one policy entry; an empty list means the signer matches. */
export function compareIdentity(policy: AcceptedSigner, claims: SignerClaims): IdentityMismatch[] {
  const out: IdentityMismatch[] = [];
  const san = claims.subjectAlternativeName;
  if (policy.identity !== undefined && policy.identity !== san) out.push({ field: 'identity', expected: policy.identity, actual: san });
  if (policy.identityRegexp !== undefined && !anchoredRegExp(policy.identityRegexp).test(san)) {
    out.push({ field: 'identity', expected: `/^(?:${policy.identityRegexp})$/`, actual: san });
  }
  if (policy.anyIssuer !== true && policy.issuer !== claims.issuer)
    out.push({ field: 'issuer', expected: policy.issuer, actual: claims.issuer ?? '(none)' });
  if (policy.signerWorkflow !== undefined && !workflowMatches(policy.signerWorkflow, san)) {
    out.push({
      field: 'signerWorkflow',
      expected: githubUrl(policy.signerWorkflow) + (policy.signerWorkflow.includes('@') ? '' : '@<ref>'),
      actual: san,
    });
  }
  if (policy.sourceRepository !== undefined && githubUrl(policy.sourceRepository) !== (claims.sourceRepositoryUri ?? '').toLowerCase()) {
    out.push({ field: 'sourceRepository', expected: githubUrl(policy.sourceRepository), actual: claims.sourceRepositoryUri ?? '(none)' });
  }
  if (
    policy.sourceRepositoryOwner !== undefined &&
    githubUrl(policy.sourceRepositoryOwner) !== (claims.sourceRepositoryOwnerUri ?? '').toLowerCase()
  ) {
    out.push({
      field: 'sourceRepositoryOwner',
      expected: githubUrl(policy.sourceRepositoryOwner),
      actual: claims.sourceRepositoryOwnerUri ?? '(none)',
    });
  }
  if (policy.sourceRepositoryId !== undefined && policy.sourceRepositoryId !== claims.sourceRepositoryIdentifier) {
    out.push({ field: 'sourceRepositoryId', expected: policy.sourceRepositoryId, actual: claims.sourceRepositoryIdentifier ?? '(none)' });
  }
  if (policy.sourceRepositoryOwnerId !== undefined && policy.sourceRepositoryOwnerId !== claims.sourceRepositoryOwnerIdentifier) {
    out.push({
      field: 'sourceRepositoryOwnerId',
      expected: policy.sourceRepositoryOwnerId,
      actual: claims.sourceRepositoryOwnerIdentifier ?? '(none)',
    });
  }
  if (policy.signerDigest !== undefined && policy.signerDigest.toLowerCase() !== (claims.buildSignerDigest ?? '').toLowerCase()) {
    out.push({ field: 'signerDigest', expected: policy.signerDigest, actual: claims.buildSignerDigest ?? '(none)' });
  }
  if (policy.sourceRef !== undefined && policy.sourceRef !== claims.sourceRepositoryRef) {
    out.push({ field: 'sourceRef', expected: policy.sourceRef, actual: claims.sourceRepositoryRef ?? '(none)' });
  }
  if (policy.sourceDigest !== undefined && policy.sourceDigest.toLowerCase() !== (claims.sourceRepositoryDigest ?? '').toLowerCase()) {
    out.push({ field: 'sourceDigest', expected: policy.sourceDigest, actual: claims.sourceRepositoryDigest ?? '(none)' });
  }
  // Runner environment is a GitHub Actions claim; other issuers have none to deny.
  if (
    policy.runnerEnvironment === 'github-hosted' &&
    isGitHubActionsIssuer(claims.issuer) &&
    claims.runnerEnvironment !== 'github-hosted'
  ) {
    out.push({ field: 'runnerEnvironment', expected: 'github-hosted', actual: claims.runnerEnvironment ?? '(none)' });
  }
  return out;
}

/**
 * Accept the signer if any one policy entry matches; otherwise IDENTITY_MISMATCH listing, for the closest entry,
 * each field expected versus actual. No policy entries is a refusal, never a pass.
 */
export function judgeIdentity(policies: readonly AcceptedSigner[], claims: SignerClaims): AcceptedSigner {
  if (policies.length === 0) {
    throw new VerifyError(
      'POLICY_MISSING',
      'no accepted signer identity given; pass --certificate-identity and --certificate-oidc-issuer (or --key)',
    );
  }
  let closest: IdentityMismatch[] | undefined;
  for (const policy of policies) {
    const mismatches = compareIdentity(policy, claims);
    if (mismatches.length === 0) return policy;
    if (closest === undefined || mismatches.length < closest.length) closest = mismatches;
  }
  const detail = (closest ?? []).map((m) => `${m.field}: expected ${m.expected}, got ${m.actual}`).join('; ');
  throw new VerifyError('IDENTITY_MISMATCH', `the signer is not an accepted identity (${detail})`);
}
