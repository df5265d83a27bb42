import { buildStatement, PREDICATE_TYPES, parseDigest, type Statement, TRUSTGATE_VERSION } from '@trustgate/core';
import type { Decision } from './decide.js';

export const DEFAULT_VERIFIER_ID = 'https://trustgate.dev/gate/v1';

/** SLSA verification summary v1 (https://slsa.dev/spec/v1.0/verification_summary), plus the environment decided. */
export interface VerificationSummaryPredicate {
  verifier: { id: string; version: Record<string, string> };
  timeVerified: string;
  resourceUri: string;
  policy: { uri: string; digest: Record<string, string> };
  inputAttestations: { uri: string; digest: Record<string, string> }[];
  verificationResult: 'PASSED' | 'FAILED';
  verifiedLevels: string[];
  slsaVersion: '1.0';
  /** trustgate extension (consumers ignore unknown fields): the environment the decision was for. */
  environment: string;
  /** trustgate extension: the environment was passed by promotion.allowWithoutPolicy, with nothing verified. */
  ungated?: true;
}

export interface SummaryOptions {
  /** Where the policy lives and the sha256 of its bytes. */
  policy: { uri: string; sha256: string };
  verifierId?: string;
  /** The artifact's URI; default `urn:trustgate:<environment>:<digest>` names the decision's subject. */
  resourceUri?: string;
}

/**
 * The decision as an in-toto Statement about the subject, ready for `actions/attest`: a later gate reads it
 * back (`requires.promotedFrom`) as proof the digest passed this environment.
 */
export function verificationSummary(decision: Decision, options: SummaryOptions): Statement<VerificationSummaryPredicate> {
  const digest = parseDigest(decision.subject.digest);
  const passed = decision.decision === 'pass';
  const level = provenanceLevel(decision);
  const predicate: VerificationSummaryPredicate = {
    verifier: { id: options.verifierId ?? DEFAULT_VERIFIER_ID, version: { trustgate: TRUSTGATE_VERSION } },
    timeVerified: decision.decidedAt,
    resourceUri: options.resourceUri ?? `urn:trustgate:${encodeURIComponent(decision.environment)}:${decision.subject.digest}`,
    policy: { uri: options.policy.uri, digest: { sha256: options.policy.sha256 } },
    inputAttestations: decision.evidence.counted.map((e) => ({ uri: e.origin, digest: { sha256: e.sha256 } })),
    verificationResult: passed ? 'PASSED' : 'FAILED',
    verifiedLevels: passed ? [level] : ['FAILED'],
    slsaVersion: '1.0',
    environment: decision.environment,
    ...(decision.ungated ? { ungated: true as const } : {}),
  };
  const subject = { digest: { [digest.algorithm]: digest.hex }, ...(decision.subject.name ? { name: decision.subject.name } : {}) };
  return buildStatement([subject], PREDICATE_TYPES.vsa, predicate);
}

/**
 * GitHub artifact attestations of provenance from GitHub-hosted runners meet SLSA Build L2 (a hosted build platform
 * signs it); a self-hosted runner is the owner's machine, so its provenance is L1 at best. Stronger claims need more
 * than the gate sees.
 */
function provenanceLevel(decision: Decision): string {
  const met = decision.requirements.find((r) => r.id === 'provenance' && r.status === 'met');
  if (met === undefined) return 'SLSA_BUILD_LEVEL_0';
  const used = decision.evidence.counted.filter((e) => met.evidence.includes(e.origin));
  const hosted = used.length > 0 && used.every((e) => e.signer.runnerEnvironment === 'github-hosted');
  return hosted ? 'SLSA_BUILD_LEVEL_2' : 'SLSA_BUILD_LEVEL_1';
}
