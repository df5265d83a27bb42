import { describe, expect, test } from '@jest/globals';
import { codeownerRules, evaluateArchitectureReview, parseCodeowners, reviewersToRequest } from '@trustgate/app';
import { reviewPolicySchema } from '@trustgate/core';

const policy = reviewPolicySchema.parse({
  rules: [
    { name: 'api', paths: ['src/api/**'], teams: ['org/architects'], count: 1 },
    { name: 'db', paths: ['db/**'], users: ['dba1', 'dba2'], count: 2 },
  ],
});
const members = new Set(['org/architects\nbob']);
const isMember = (team: string, login: string) => members.has(`${team}\n${login}`);

describe('evaluateArchitectureReview', () => {
  test('an unknown initiator needs the extra approvals: one architect is no longer enough, two are', () => {
    const base = { policy, cohort: 'agent' as const, changedFiles: ['src/api/a.ts'], isMember: () => true, extraApprovals: 1 };
    const one = evaluateArchitectureReview({ ...base, approvers: ['bob'] });
    expect(one.kind).toBe('waiting');
    expect(one.kind !== 'not-required' && one.rules[0]?.required).toBe(2);
    expect(evaluateArchitectureReview({ ...base, approvers: ['bob', 'carol'] }).kind).toBe('met');
  });

  test('every applicable rule must hold; rules that cover no changed file do not apply', () => {
    const out = evaluateArchitectureReview({ policy, cohort: 'agent', changedFiles: ['src/api/a.ts'], approvers: ['bob'], isMember });
    expect(out.kind).toBe('met');
    expect(out.kind !== 'not-required' && out.rules.map((r) => r.rule.name)).toEqual(['api']);
  });

  test('a rule with too few approvals keeps the review waiting and lists who can satisfy it', () => {
    const out = evaluateArchitectureReview({
      policy,
      cohort: 'assisted',
      changedFiles: ['src/api/a.ts', 'db/m.sql'],
      approvers: ['bob', 'dba1'],
      isMember,
    });
    expect(out.kind).toBe('waiting');
    if (out.kind !== 'waiting') return;
    expect(out.rules.map((r) => [r.rule.name, r.met, r.approvedBy, r.canSatisfy])).toEqual([
      ['api', true, ['bob'], ['@org/architects']],
      ['db', false, ['dba1'], ['@dba1', '@dba2']],
    ]);
    expect(reviewersToRequest(out.rules, 'org', new Set(['dba2']))).toEqual({ reviewers: [], teamReviewers: [] });
    expect(reviewersToRequest(out.rules, 'org', new Set())).toEqual({ reviewers: ['dba2'], teamReviewers: [] });
  });

  test('cohorts outside the policy are not required to have the review', () => {
    const out = evaluateArchitectureReview({ policy, cohort: 'human', changedFiles: ['src/api/a.ts'], approvers: [], isMember });
    expect(out).toEqual({ kind: 'not-required', reason: 'cohort "human" is not one of agent, assisted' });
  });

  test('an override is used only while the rules are not met', () => {
    const override = { actor: 'sec', team: 'org/security', reason: 'incident' };
    const out = evaluateArchitectureReview({ policy, cohort: 'agent', changedFiles: ['db/x'], approvers: [], isMember, override });
    expect(out.kind).toBe('overridden');
  });
});

describe('CODEOWNERS', () => {
  test('the last matching line owns a file; teams and users are told apart', () => {
    const lines = parseCodeowners('# owners\n* @org/everyone\n/src/api/ @org/architects @carol\n*.md @docs-writer\n');
    expect(codeownerRules(lines, ['src/api/a.ts', 'README.md', 'x/y.ts'])).toEqual([
      { name: 'CODEOWNERS /src/api/', paths: ['src/api/a.ts'], teams: ['org/architects'], users: ['carol'], count: 1 },
      { name: 'CODEOWNERS *.md', paths: ['README.md'], teams: [], users: ['docs-writer'], count: 1 },
      { name: 'CODEOWNERS *', paths: ['x/y.ts'], teams: ['org/everyone'], users: [], count: 1 },
    ]);
  });
});
