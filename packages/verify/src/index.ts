export {
  verifyAttestationBundle,
  verifyAttestationSync,
  type VerifiedAttestation,
  type VerifyAttestationOptions,
} from './attestation/verify.js';
export {
  type FetchedAttestation,
  firstVerifiedAttestation,
  type RejectedAttestation,
  type VerifiedFetchedAttestation,
} from './attestation/fetched.js';
export {
  GITHUB_RELEASE_PREDICATES,
  githubReleaseSigner,
  type ReleaseAsset,
  type ReleaseExpectation,
  type VerifiedRelease,
  verifyReleaseAttestation,
} from './attestation/release.js';
export { GITHUB_ACTIONS_ISSUER, type GitHubSignerOptions, githubSignerIdentity } from './attestation/policy.js';
export { resolveRoots, type VerifyBlobOptions, verifyBlob } from './blob.js';
export { parseBundle, parseBundles } from './bundle/load.js';
export { type CertificateDefect, readSigningCertificate } from './cert/signing-certificate.js';
export {
  requireSubject,
  type SignerPolicy,
  type VerifiedBundle,
  type VerifiedSigner,
  type VerifiedTimestamp,
  type VerifyBundleOptions,
  verifyBundle,
} from './bundle/verify.js';
export { type Artifact, artifactFromBytes, artifactFromDigest, artifactSha256, isDigestArgument, sha256File } from './digest.js';
export { VerifyError, type VerifyErrorCode } from './errors.js';
export {
  type AcceptedSigner,
  anchoredRegExp,
  compareIdentity,
  githubUrl,
  type IdentityMismatch,
  judgeIdentity,
  type SignerClaims,
  workflowMatches,
} from './identity.js';
export { parsePublicKey } from './key.js';
export { signerSummary, type VerificationPredicate, verificationStatement } from './statement.js';
export {
  bundledTrustedRoot,
  type LoadedTrustedRoots,
  loadTrustedRootFile,
  loadTrustedRoots,
  type TrustedRootInput,
  validateTrustedRoot,
} from './trust/root.js';
export { compareManifests, describeDifferences, type ModelDifference } from './model/compare.js';
export { MODEL_SIGNING_DIGESTS_PREDICATE, MODEL_SIGNING_PREDICATE, manifestFromStatement, type SignedManifest } from './model/manifest.js';
export { type VerifiedModel, type VerifyModelOptions, verifyModel } from './model/verify.js';
export { type SignerFlags, signerPolicyFrom } from './policy.js';
