import { asTrustgateError, type Statement } from '@trustgate/core';
import { VerifyError } from '../errors.js';
import type { AcceptedSigner } from '../identity.js';
import type { LoadedTrustedRoots, TrustedRootInput } from '../trust/root.js';
import { type FetchedAttestation, notVerified, type RejectedAttestation } from './fetched.js';
import { type VerifiedAttestation, verifyAttestationSync } from './verify.js';

/** The predicate GitHub's immutable releases are attested with (v0.2 is what github.com issues since late 2025). */
export const GITHUB_RELEASE_PREDICATES = ['https://in-toto.io/attestation/release/v0.1', 'https://in-toto.io/attestation/release/v0.2'];

/**
 * GitHub's own release signer: `https://<trust domain>.releases.github.com` (github.com: `dotcom`), certified by
 * GitHub's Fulcio, not a workflow. Its certificates carry no OIDC issuer to match, as `gh release verify` says.
 */
export function githubReleaseSigner(trustDomain = 'dotcom'): AcceptedSigner {
  const identity = `https://${trustDomain}.releases.github.com`;
  return { identity, issuer: identity, anyIssuer: true, runnerEnvironment: 'any' };
}

export interface ReleaseExpectation {
  /** OWNER/REPO */
  repo: string;
  tag: string;
  /** What refs/tags/<tag> points at (40 hex): the attestation names it as `sha1`. */
  tagSha: string;
  /** The release's numeric id from the API, when known: the attestation must name the same release. */
  releaseId?: number;
  /** The local file's sha256 (hex): it must be one of the attested assets. */
  assetSha256?: string;
  trustedRoot?: TrustedRootInput | LoadedTrustedRoots;
  trustDomain?: string;
}

export interface ReleaseAsset {
  name: string;
  sha256: string;
}

export interface VerifiedRelease {
  attestation: VerifiedAttestation;
  origin: string;
  /** Every asset the release attestation names. */
  assets: ReleaseAsset[];
  /** The asset the local file is, when one was given. */
  asset?: ReleaseAsset;
  rejected: RejectedAttestation[];
}

interface ReleasePredicate {
  repository?: unknown;
  tag?: unknown;
  releaseId?: unknown;
}

/**
 * `gh release verify[-asset]`: among the fetched attestations for the tag's commit, the one GitHub's release signer
 * signed for this repository, tag (and release), and, given a file, the asset subject with its sha256. Pure: the
 * caller fetches. A bundle that fails any check never counts; none passing is a refusal.
 */
export function verifyReleaseAttestation(fetched: readonly FetchedAttestation[], expect: ReleaseExpectation): VerifiedRelease {
  const where = `release ${expect.tag} of ${expect.repo} (sha1:${expect.tagSha})`;
  if (fetched.length === 0) {
    throw new VerifyError('ATTESTATION_NOT_FOUND', `no release attestation found for ${where}; is the release immutable?`);
  }
  const rejected: RejectedAttestation[] = [];
  let missingAsset: VerifyError | undefined;
  for (const item of fetched) {
    try {
      const attestation = verifyAttestationSync(item.document, {
        signers: [githubReleaseSigner(expect.trustDomain)],
        predicateType: null,
        ...(expect.trustedRoot === undefined ? {} : { trustedRoot: expect.trustedRoot }),
        source: item.origin,
      });
      const assets = bindRelease(attestation.statement, expect, item.origin);
      if (expect.assetSha256 === undefined) return { attestation, origin: item.origin, assets, rejected };
      const want = expect.assetSha256.toLowerCase();
      const asset = assets.find((a) => a.sha256 === want);
      if (asset) return { attestation, origin: item.origin, assets, asset, rejected };
      throw new VerifyError(
        'DIGEST_MISMATCH',
        `${item.origin}: the attestation of ${expect.tag} does not name sha256:${want} among its assets (${assets.map((a) => a.name).join(', ') || 'none'})`,
      );
    } catch (err) {
      const e = asTrustgateError(err);
      if (e instanceof VerifyError && e.code === 'DIGEST_MISMATCH' && missingAsset === undefined) missingAsset = e;
      rejected.push({ origin: item.origin, code: e.code, message: e.message });
    }
  }
  // The release's own attestation verified and the file is not in it: say exactly that.
  if (missingAsset) throw new VerifyError('DIGEST_MISMATCH', missingAsset.message, { details: { rejected } });
  throw notVerified(rejected, where);
}

/** The signed statement must be this release's: repository, tag, the tag's object (and release id); returns its assets. */
function bindRelease(statement: Statement, expect: ReleaseExpectation, origin: string): ReleaseAsset[] {
  const mismatch = (what: string) => new VerifyError('RELEASE_MISMATCH', `${origin}: ${what}`);
  if (!GITHUB_RELEASE_PREDICATES.includes(statement.predicateType)) {
    throw new VerifyError(
      'PREDICATE_TYPE_MISMATCH',
      `${origin}: predicate type is ${statement.predicateType}, not a GitHub release attestation`,
    );
  }
  const predicate = (statement.predicate ?? {}) as ReleasePredicate;
  if (typeof predicate.repository !== 'string' || predicate.repository.toLowerCase() !== expect.repo.toLowerCase()) {
    throw mismatch(`the attestation is for repository ${String(predicate.repository)}, not ${expect.repo}`);
  }
  // Tags are case-sensitive in Git: v1.0.0 is not V1.0.0.
  if (predicate.tag !== expect.tag) throw mismatch(`the attestation is for tag ${String(predicate.tag)}, not ${expect.tag}`);
  if (expect.releaseId !== undefined && String(predicate.releaseId) !== String(expect.releaseId)) {
    throw mismatch(`the attestation is for release ${String(predicate.releaseId)}, not ${expect.releaseId}`);
  }
  const purl = `pkg:github/${expect.repo}@${expect.tag}`.toLowerCase();
  const sha = expect.tagSha.toLowerCase();
  const names = statement.subject.some((s) => s.uri?.toLowerCase() === purl && s.digest.sha1?.toLowerCase() === sha);
  if (!names) throw mismatch(`no subject names ${purl} at sha1:${sha}`);
  return statement.subject.flatMap((s) =>
    s.uri === undefined && typeof s.name === 'string' && typeof s.digest.sha256 === 'string'
      ? [{ name: s.name, sha256: s.digest.sha256.toLowerCase() }]
      : [],
  );
}
