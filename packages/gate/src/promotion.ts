import { type Digest, formatDigest, parseSubject, type PromotionPolicy, type Statement, type TrustgateError } from '@trustgate/core';
import { type Decision, decide } from './decide.js';
import { environmentRule } from './environment.js';
import { GateError } from './errors.js';
import { type AttestationsClient, attestationsForDigest } from './evidence/attestations-api.js';
import { signerLists } from './evidence/signers.js';
import type { BundleVerifier, RawEvidence } from './evidence/types.js';
import { verifyEvidence } from './evidence/verify.js';
import { type VerificationSummaryPredicate, verificationSummary } from './vsa.js';

export interface PromotionInput {
  /** The `promotion:` section of the policy. */
  policy: PromotionPolicy;
  /** Where the policy came from and the sha256 of its bytes (recorded in the decision Statement). */
  policySource: { uri: string; sha256: string };
  environment: string;
  /** `sha256:<hex>` of the artifact to promote, or an OCI image by digest (`oci://REGISTRY/REPO@sha256:<hex>`). */
  subject: string | Digest;
  subjectName?: string;
  /** Evidence documents already read (files, a webhook's payload). */
  evidence?: readonly RawEvidence[];
  /** `owner/repo` whose attestations API is read for the subject (needs `deps.attestations`). */
  repository?: string;
  resourceUri?: string;
  verifierId?: string;
}

export interface PromotionDeps {
  verifyBundle: BundleVerifier;
  attestations?: AttestationsClient;
  now?: () => Date;
}

export interface PromotionResult {
  decision: Decision;
  /** The decision as an in-toto Statement with the SLSA verification summary predicate. */
  statement: Statement<VerificationSummaryPredicate>;
}

/**
 * The single entry of the promotion gate, shared by the CLI, the promotion-gate action and the App's
 * deployment protection rule: gather evidence, verify every bundle, decide, and summarise.
 */
export async function decidePromotion(input: PromotionInput, deps: PromotionDeps): Promise<PromotionResult> {
  const subject = toDigest(input.subject);
  // The one rule the App applies too: gated by its entry, ungated only when allowWithoutPolicy names it.
  const rule = environmentRule(input.policy, input.environment, input.policySource.uri);
  if (rule.kind === 'no-policy') throw unknownEnvironment(input);
  if (rule.kind === 'allowed-without-policy') {
    const decision = ungatedDecision(input.environment, subject, input.subjectName, rule.reason, deps.now?.() ?? new Date());
    return { decision, statement: summarise(decision, input) };
  }
  const policy = rule.policy;
  const raws: RawEvidence[] = [...(input.evidence ?? [])];
  if (input.repository !== undefined) {
    if (deps.attestations === undefined) {
      throw new GateError('ATTESTATIONS_API_ERROR', `reading attestations of ${input.repository} needs a GitHub client (GITHUB_TOKEN)`);
    }
    raws.push(...(await attestationsForDigest(deps.attestations, input.repository, subject)));
  }
  const { items, ignored } = await verifyEvidence(raws, signerLists(policy), deps.verifyBundle);
  const decision = decide({
    environment: input.environment,
    policy,
    subject,
    ...(input.subjectName ? { subjectName: input.subjectName } : {}),
    evidence: items,
    ignored,
    now: deps.now?.() ?? new Date(),
  });
  const statement = summarise(decision, input);
  return { decision, statement };
}

function summarise(decision: Decision, input: PromotionInput): Statement<VerificationSummaryPredicate> {
  return verificationSummary(decision, {
    policy: input.policySource,
    ...(input.verifierId ? { verifierId: input.verifierId } : {}),
    ...(input.resourceUri ? { resourceUri: input.resourceUri } : {}),
  });
}

/** A pass that verified nothing, and says so: no requirements, no evidence read, the reason it was allowed. */
function ungatedDecision(environment: string, subject: Digest, name: string | undefined, reason: string, now: Date): Decision {
  return {
    version: 1,
    environment,
    subject: { digest: formatDigest(subject), ...(name ? { name } : {}) },
    decision: 'pass',
    decidedAt: now.toISOString(),
    requirements: [],
    waivers: [],
    evidence: { counted: [], ignored: [] },
    ungated: reason,
  };
}

/** Neither gated nor allowed ungated: an input error that shows the two entries that would make it one or the other. */
function unknownEnvironment(input: PromotionInput): GateError {
  const env = input.environment;
  const known = Object.keys(input.policy.environments);
  const listed = known.length > 0 ? known.join(', ') : 'none';
  return new GateError(
    'ENVIRONMENT_UNKNOWN',
    `environment "${env}" is not in ${input.policySource.uri} (promotion.environments has ${listed}); add it or fix the name: ` +
      `\`promotion: { environments: { ${env}: { requires: { provenance: { workflows: [OWNER/REPO/.github/workflows/build.yml] } } } } }\`, ` +
      `or promote it ungated with \`promotion: { allowWithoutPolicy: [${env}] }\` (see docs/gate.md)`,
    { file: input.policySource.uri },
  );
}

function toDigest(subject: string | Digest): Digest {
  if (typeof subject !== 'string') return subject;
  try {
    return parseSubject(subject);
  } catch (cause) {
    throw new GateError('SUBJECT_INVALID', `${(cause as TrustgateError).message} (the subject to promote)`, { cause });
  }
}
