import type { ArchitectureReviewRule, ReviewPolicy } from '@trustgate/core';
import picomatch from 'picomatch';

export type Cohort = 'agent' | 'assisted' | 'human' | 'unknown' | 'bot';

/** `org/team` slugs of a team, as written in the policy. */
export type TeamSlug = string;

export interface RuleStatus {
  rule: ArchitectureReviewRule;
  /** Changed files the rule covers. */
  files: string[];
  /** Approvers of the head commit who satisfy this rule. */
  approvedBy: string[];
  /** Approvals needed: the rule's count, plus the policy's extra when the initiator is unknown. */
  required: number;
  met: boolean;
  /** Who can satisfy it: `@org/team` and `@user`, for the summary and reviewer requests. */
  canSatisfy: string[];
}

export interface ReviewOverrideRecord {
  actor: string;
  team: string;
  reason: string;
}

export type ArchitectureReviewOutcome =
  | { kind: 'not-required'; reason: string }
  | { kind: 'met'; rules: RuleStatus[] }
  | { kind: 'waiting'; rules: RuleStatus[] }
  | { kind: 'overridden'; rules: RuleStatus[]; override: ReviewOverrideRecord };

export interface ArchitectureReviewInput {
  policy: ReviewPolicy;
  cohort: Cohort;
  changedFiles: readonly string[];
  /** Approvals that count for the head commit (see approvalsForCommit). */
  approvers: readonly string[];
  /** Whether `login` is an active member of `team`, as read from GitHub. */
  isMember: (team: TeamSlug, login: string) => boolean;
  /** Rules derived from CODEOWNERS when the policy asks for them. */
  codeownerRules?: readonly ArchitectureReviewRule[];
  override?: ReviewOverrideRecord;
  /** Added to every rule's count: an agent change whose initiator is unknown (see `review.unknownInitiatorApprovals`). */
  extraApprovals?: number;
  /** Rules that hold whatever the cohort: changes to MCP configs, skills and instruction files (`agents.review`). */
  alwaysRules?: readonly ArchitectureReviewRule[];
}

/** The rules that apply to the changed files: every listed rule whose paths match must hold. */
export function applicableRules(
  rules: readonly ArchitectureReviewRule[],
  changedFiles: readonly string[],
): { rule: ArchitectureReviewRule; files: string[] }[] {
  return rules
    .map((rule) => {
      const match = picomatch(rule.paths, { dot: true });
      return { rule, files: changedFiles.filter((f) => match(f)) };
    })
    .filter((r) => r.files.length > 0);
}

/** Decide the architecture review of one pull request head from plain values. */
export function evaluateArchitectureReview(input: ArchitectureReviewInput): ArchitectureReviewOutcome {
  const { policy, cohort } = input;
  const always = input.alwaysRules ?? [];
  const cohortApplies = (policy.cohorts as readonly string[]).includes(cohort);
  if (!cohortApplies && applicableRules(always, input.changedFiles).length === 0) {
    return { kind: 'not-required', reason: `cohort "${cohort}" is not one of ${policy.cohorts.join(', ')}` };
  }
  const all = cohortApplies ? [...policy.rules, ...(input.codeownerRules ?? []), ...always] : [...always];
  const applicable = applicableRules(all, input.changedFiles);
  if (applicable.length === 0) {
    return { kind: 'not-required', reason: 'no review rule covers the changed files' };
  }
  const rules = applicable.map(({ rule, files }): RuleStatus => {
    const users = new Set(rule.users.map((u) => u.toLowerCase()));
    const approvedBy = input.approvers.filter(
      (login) => users.has(login.toLowerCase()) || rule.teams.some((t) => input.isMember(t, login)),
    );
    const required = rule.count + (input.extraApprovals ?? 0);
    return {
      rule,
      files,
      approvedBy,
      required,
      met: approvedBy.length >= required,
      canSatisfy: [...rule.teams.map((t) => `@${t}`), ...rule.users.map((u) => `@${u}`)],
    };
  });
  if (rules.every((r) => r.met)) return { kind: 'met', rules };
  if (input.override) return { kind: 'overridden', rules, override: input.override };
  return { kind: 'waiting', rules };
}

/** Reviewers to request for the rules still pending, minus people who must not or already did approve. */
export function reviewersToRequest(
  rules: readonly RuleStatus[],
  owner: string,
  notAllowed: ReadonlySet<string>,
): { reviewers: string[]; teamReviewers: string[] } {
  const reviewers = new Set<string>();
  const teamReviewers = new Set<string>();
  const lowerNotAllowed = new Set([...notAllowed].map((l) => l.toLowerCase()));
  for (const r of rules) {
    if (r.met) continue;
    const done = new Set(r.approvedBy.map((a) => a.toLowerCase()));
    for (const u of r.rule.users) if (!lowerNotAllowed.has(u.toLowerCase()) && !done.has(u.toLowerCase())) reviewers.add(u);
    // GitHub can only request teams of the repository's own organisation.
    for (const t of r.rule.teams) {
      const [org, slug] = t.split('/');
      if (slug && org?.toLowerCase() === owner.toLowerCase()) teamReviewers.add(slug);
    }
  }
  return { reviewers: [...reviewers].sort(), teamReviewers: [...teamReviewers].sort() };
}
