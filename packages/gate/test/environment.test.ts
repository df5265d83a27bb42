import { describe, expect, test } from '@jest/globals';
import { parsePolicy } from '@trustgate/core';
import { environmentRule } from '@trustgate/gate';

const promotion = (yaml: string) => parsePolicy(`version: 1\npromotion:\n${yaml}`, 'trustgate.yml').promotion;

describe('environmentRule: deployments fail closed', () => {
  const policy = promotion('  environments:\n    production: { requires: { tests: true } }\n  allowWithoutPolicy: [preview]\n');

  test('an environment with an entry is gated by it', () => {
    expect(environmentRule(policy, 'production', 'trustgate.yml')).toEqual({ kind: 'gated', policy: policy.environments.production });
  });
  test('an environment listed in allowWithoutPolicy is allowed, and the comment says why', () => {
    const rule = environmentRule(policy, 'preview', 'trustgate.yml');
    expect(rule).toEqual({
      kind: 'allowed-without-policy',
      reason: expect.stringContaining('promotion.allowWithoutPolicy of trustgate.yml'),
    });
  });
  test('any other environment is rejected with how to add a policy or allow it explicitly', () => {
    const rule = environmentRule(policy, 'staging', 'trustgate.yml');
    expect(rule.kind).toBe('no-policy');
    const reason = rule.kind === 'no-policy' ? rule.reason : '';
    expect(reason).toContain('trustgate.yml has no promotion policy for environment `staging`');
    expect(reason).toContain('    staging:\n      requires:');
    expect(reason).toContain('allowWithoutPolicy: [staging]');
  });
  test('names compare exactly: Preview is not preview', () => {
    expect(environmentRule(policy, 'Preview', 'trustgate.yml').kind).toBe('no-policy');
  });
  test('no policy file at all is a rejection', () => {
    const rule = environmentRule(undefined, 'production', 'acme/app');
    expect(rule).toEqual({ kind: 'no-policy', reason: expect.stringContaining('no trustgate policy in acme/app') });
  });
  test('an environment both gated and allowed without a policy is a config error', () => {
    expect(() => promotion('  environments:\n    production: {}\n  allowWithoutPolicy: [production]\n')).toThrow(
      /has a policy under promotion.environments/,
    );
  });
});
