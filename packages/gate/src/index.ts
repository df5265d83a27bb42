export { type CountedEvidence, type Decision, type DecisionInput, decide, type WaiverRecord } from './decide.js';
export { type EnvironmentRule, environmentRule, noPolicyReason } from './environment.js';
export { GateError, type GateErrorCode } from './errors.js';
export {
  type AttestationsClient,
  type AttestationsQuery,
  type AttestationsScope,
  type AttestedDigest,
  attestationsForDigest,
  type FetchAttestationsClient,
  type OctokitAttestationsClient,
} from './evidence/attestations-api.js';
export { type FetchGitHubClient, type GitHubClient, nextLink, type OctokitGitHubClient } from './evidence/github-api.js';
export { type GitHubRelease, releaseByTag, tagCommit } from './evidence/releases-api.js';
export { classify } from './evidence/classify.js';
export { documentsFromText } from './evidence/documents.js';
export { loadEvidenceFiles } from './evidence/files.js';
export { evidenceForDigest } from './evidence/for-digest.js';
export { GITHUB_ACTIONS_ISSUER, signerLists, workflowSigner } from './evidence/signers.js';
export type {
  BundleVerifier,
  EvidenceItem,
  IgnoredEvidence,
  IgnoredKind,
  RawEvidence,
  SignerClaims,
  SignerRole,
  VerifiedAttestation,
} from './evidence/types.js';
export { sigstoreVerifier } from './evidence/sigstore-verifier.js';
export { type VerifiedEvidence, verifyEvidence } from './evidence/verify.js';
export { GATE_PREDICATE_TYPES, KNOWN_PREDICATES } from './predicates.js';
export { type LoadedPromotionPolicy, loadPromotionPolicy } from './policy-file.js';
export { decidePromotionFromFiles, type PromotionFiles } from './from-files.js';
export { decidePromotion, type PromotionDeps, type PromotionInput, type PromotionResult } from './promotion.js';
export { decisionToJson, decisionToMarkdown } from './report.js';
export { isActive, REQUIREMENTS, type RequirementResult, type RequirementStatus, waiverExpiry } from './requirements/index.js';
export { DEFAULT_VERIFIER_ID, type SummaryOptions, type VerificationSummaryPredicate, verificationSummary } from './vsa.js';
