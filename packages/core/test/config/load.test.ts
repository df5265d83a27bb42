import { describe, expect, it } from '@jest/globals';
import { ConfigError, parsePolicy } from '@trustgate/core';

function problemOf(text: string): ConfigError {
  try {
    parsePolicy(text, '.github/trustgate.yml');
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parsePolicy', () => {
  it('fills defaults for a minimal policy', () => {
    const p = parsePolicy('version: 1\n', 'x.yml');
    expect(p.scan.failOn).toEqual(['unsafe', 'review', 'error']);
    expect(p.attribution.requireDisclosure).toBe(false);
    expect(p.promotion.environments).toEqual({});
  });

  it('names file, line and column for bad YAML', () => {
    const err = problemOf('version: 1\nscan:\n  failOn: [unsafe\n');
    expect(err.code).toBe('CONFIG_YAML_ERROR');
    expect(err.message).toMatch(/^\.github\/trustgate\.yml:\d+:\d+: YAML syntax/);
    expect(err.line).toBeGreaterThanOrEqual(3);
  });

  it('points at an unknown key with its line and column', () => {
    const err = problemOf('version: 1\nscan:\n  failOn: [unsafe]\n  failon: [error]\n');
    expect(err.code).toBe('CONFIG_SCHEMA_ERROR');
    expect(err.line).toBe(4);
    expect(err.column).toBe(3);
    expect(err.key).toBe('scan.failon');
    expect(err.message).toBe('.github/trustgate.yml:4:3: unknown key "failon" at scan; remove it or check its spelling');
  });

  it('points at a value of the wrong type', () => {
    const err = problemOf('version: 1\nguardrails:\n  agentPrsPerDay: lots\n');
    expect(err.code).toBe('CONFIG_SCHEMA_ERROR');
    expect([err.line, err.column]).toEqual([3, 19]);
    expect(err.key).toBe('guardrails.agentPrsPerDay');
  });

  it('points into arrays by index', () => {
    const err = problemOf('version: 1\nscan:\n  failOn:\n    - unsafe\n    - maybe\n');
    expect([err.line, err.column, err.key]).toEqual([5, 7, 'scan.failOn[1]']);
  });

  it('rejects duplicate keys rather than silently keeping one', () => {
    const err = problemOf('version: 1\nversion: 1\n');
    expect(err.code).toBe('CONFIG_YAML_ERROR');
    expect(err.line).toBe(2);
  });

  it('requires the version', () => {
    const err = problemOf('scan: {}\n');
    expect(err.code).toBe('CONFIG_SCHEMA_ERROR');
    expect(err.key).toBe('version');
  });
});
