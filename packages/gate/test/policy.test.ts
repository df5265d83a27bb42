import { describe, expect, test } from '@jest/globals';
import { ConfigError, parsePolicy } from '@trustgate/core';

const load = (yaml: string) => () => parsePolicy(`version: 1\npromotion:\n  environments:\n${yaml}`, 'trustgate.yml');

describe('promotion policy schema', () => {
  test('a waiver naming no requirement id is rejected at its line', () => {
    const bad = load('    prod:\n      waivers:\n        - { requirement: scans, reason: r, approver: a, expires: 2030-01-01 }\n');
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/trustgate\.yml:6:\d+: promotion\.environments\.prod\.waivers\[0\]\.requirement: not a requirement id/);
  });

  test('promotedFrom must name another environment of the policy', () => {
    expect(load('    prod:\n      requires: { promotedFrom: [stagin] }\n')).toThrow(
      /"stagin" is not an environment under promotion\.environments/,
    );
    expect(load('    prod:\n      requires: { promotedFrom: [prod] }\n')).toThrow(/environment "prod" cannot require itself/);
    expect(load('    staging: {}\n    prod:\n      requires: { promotedFrom: [staging] }\n')).not.toThrow();
  });

  test('unknown keys are errors, not ignored', () => {
    expect(load('    prod:\n      requires: { test: true }\n')).toThrow(/unknown key "test"/);
  });
});
