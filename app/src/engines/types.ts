import type { Policy } from '@trustgate/core';
import type { DecisionEntry, DecisionSigner } from '@trustgate/metrics';
import type { GitHub, RepoRef } from '../github/types.js';
import type { Cohort } from '../review/rules.js';

/** What the App knows about a pull request, read from GitHub. */
export interface PullRequestFacts {
  number: number;
  title: string;
  body: string;
  author: string;
  authorType: string;
  labels: string[];
  assignees: string[];
  headRef: string;
  headSha: string;
  baseRef: string;
  createdAt: string;
}

export interface Classification {
  cohort: Cohort;
  /** The agent that wrote the change (agent cohort). */
  agent?: string;
  /** The human who started the agent, a resolved GitHub login; their approval never counts. */
  initiator?: string;
  /** Set when an agent or assisted change's initiator could not be resolved to an account: the check says so. */
  unknownInitiator?: string;
}

export type ClassifyPullRequest = (input: {
  pr: PullRequestFacts;
  policy: Policy;
  github: GitHub;
  repo: RepoRef;
}) => Promise<Classification>;

export interface PromotionRequest {
  policy: Policy;
  /** Where the policy was read and the sha256 of its bytes, recorded with the decision. */
  policySource: { uri: string; sha256: string };
  environment: string;
  /** `sha256:<hex>` of the artifact, or `gitCommit:<sha>` when the deployment names only a commit. */
  subject: string;
  repo: RepoRef;
  github: GitHub;
}

export interface PromotionDecision {
  approved: boolean;
  /** Markdown explaining the decision, posted with the approval or rejection. */
  comment: string;
  /** The decision as the signed decision log records it (when the engine decided one). */
  entry?: DecisionEntry;
}

export type DecidePromotion = (req: PromotionRequest) => Promise<PromotionDecision>;

/** The engines a handler calls; injected so tests and future engine versions plug in without touching handlers. */
export interface Engines {
  classify: ClassifyPullRequest;
  decidePromotion: DecidePromotion;
  /** Signs the decision log; absent means deployment decisions are not logged. */
  decisionSigner?: DecisionSigner;
}
