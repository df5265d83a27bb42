import type { MarkerRuleInput } from '@trustgate/core';
import { type Cohort, COHORTS, decideAgent, decideCohort } from './cohort.js';
import { AttributionError } from './errors.js';
import { findInitiator, type Initiator, type InitiatorContext } from './initiator.js';
import type { LineShare } from './line-share/share.js';
import { type MarkerHit, MarkerMatcher, type ParsedCommit, pruneMentions } from './markers/match.js';
import type { ProvenanceFact } from './markers/provenance.js';
import { BUILTIN_RULES_VERSION, type CompiledRule, compileRules } from './markers/rules.js';
import { type CommitFacts, commitsFromApi, type PullRequestFacts, pullRequestFromEvent } from './pull-request.js';
import { parseTrailers } from './trailers.js';

/** Bumped when the stored shape changes; readers refuse versions they do not know. */
export const CLASSIFICATION_VERSION = 1;

/**
 * The storable result of tagging one pull request: plain JSON, so it can be kept before a squash merge
 * throws the per-commit trailers away, and read back with `parseClassification`.
 */
export interface Classification {
  version: typeof CLASSIFICATION_VERSION;
  cohort: Cohort;
  agent: string | null;
  initiator: Initiator | null;
  markers: MarkerHit[];
  aiLineShare?: LineShare;
  pullRequest: { repository: string; number: number; headSha: string; author: string };
  commits: number;
  /** Version of the built-in rules file and how many repository rules were added. */
  rules: { version: number; repositoryRules: number };
}

export interface ClassifyOptions {
  /** `attribution.requireDisclosure`: no marker means `human` instead of `unknown`. */
  requireDisclosure?: boolean;
  /** `attribution.rules`: the repository's own marker rules, added to the built-in ones. */
  rules?: readonly MarkerRuleInput[];
  /** Who assigned or mentioned the agent, when the caller saw those events. */
  context?: InitiatorContext;
  /** Line-level AI authorship from git-ai notes or Agent Trace, when the repository carries it. */
  lineShare?: LineShare;
  /** git-ai notes and Agent Trace records of the PR's commits: each names an agent (a marker) and maybe its human. */
  provenance?: readonly ProvenanceFact[];
}

const compiledCache = new WeakMap<readonly MarkerRuleInput[], CompiledRule[]>();
const NO_RULES: readonly MarkerRuleInput[] = [];

function rulesFor(extra: readonly MarkerRuleInput[]): CompiledRule[] {
  const cached = compiledCache.get(extra);
  if (cached) return cached;
  const compiled = compileRules(extra);
  compiledCache.set(extra, compiled);
  return compiled;
}

/** Classify already-parsed facts (the App and the action parse the payload themselves). */
export function classifyFacts(pr: PullRequestFacts, commits: readonly CommitFacts[], options: ClassifyOptions = {}): Classification {
  const extra = options.rules ?? NO_RULES;
  const matcher = new MarkerMatcher(rulesFor(extra));
  const parsed: ParsedCommit[] = commits.map((c) => ({ ...c, trailers: parseTrailers(c.message) }));
  const provenance = options.provenance ?? [];
  const markers = pruneMentions([
    ...matcher.pullRequest(pr),
    ...parsed.flatMap((c) => matcher.commit(c)),
    ...matcher.provenance(provenance),
  ]);
  const cohort = decideCohort(markers, options.requireDisclosure ?? false);
  const agent = decideAgent(markers, cohort);
  const result: Classification = {
    version: CLASSIFICATION_VERSION,
    cohort,
    agent,
    initiator: findInitiator(cohort, agent, pr, parsed, markers, options.context, provenance),
    markers,
    pullRequest: { repository: pr.repository, number: pr.number, headSha: pr.headSha, author: pr.author },
    commits: commits.length,
    rules: { version: BUILTIN_RULES_VERSION, repositoryRules: extra.length },
  };
  if (options.lineShare) result.aiLineShare = options.lineShare;
  return result;
}

/**
 * Classify a pull request from its `pull_request` webhook payload and its commits as
 * `GET /repos/{o}/{r}/pulls/{n}/commits` returns them (omit them to classify from the PR alone).
 * Throws AttributionError EVENT_INVALID / COMMITS_INVALID / RULE_INVALID.
 */
export function classifyPullRequest(event: unknown, commits: unknown = [], options: ClassifyOptions = {}): Classification {
  return classifyFacts(pullRequestFromEvent(event), commitsFromApi(commits), options);
}

/** Read a stored classification back; an unknown version or shape is CLASSIFICATION_INVALID, never a guess. */
export function parseClassification(value: unknown): Classification {
  const v = value as Partial<Classification> | null;
  if (typeof v !== 'object' || v === null || v.version !== CLASSIFICATION_VERSION)
    throw new AttributionError(
      'CLASSIFICATION_INVALID',
      `stored classification has version ${JSON.stringify(v?.version)}, expected ${CLASSIFICATION_VERSION}; classify the pull request again`,
    );
  if (!COHORTS.includes(v.cohort as Cohort) || !Array.isArray(v.markers) || typeof v.pullRequest !== 'object')
    throw new AttributionError(
      'CLASSIFICATION_INVALID',
      'stored classification lacks cohort, markers or pullRequest; classify the pull request again',
    );
  return v as Classification;
}
