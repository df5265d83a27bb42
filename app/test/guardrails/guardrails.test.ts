import { describe, expect, test } from '@jest/globals';
import { judgeBudget, judgeGuardrails, offListLinks } from '@trustgate/app';
import { guardrailsPolicySchema } from '@trustgate/core';

const policy = guardrailsPolicySchema.parse({ agentPrsPerDay: 2, initiatorPrsPerDay: 1, allowedHosts: ['github.com'] });

describe('judgeBudget', () => {
  test('exceeding either budget blocks', () => {
    expect(judgeBudget(policy, { agent: 'copilot', initiator: 'alice' }, { agent: 2, initiator: 2 }).kind).toBe('exceeded');
    expect(judgeBudget(policy, { agent: 'copilot', initiator: 'alice' }, { agent: 2, initiator: 1 }).kind).toBe('within');
  });

  test('a count that could not be read fails closed', () => {
    const out = judgeBudget(policy, { agent: 'copilot' }, new Error('connection refused'));
    expect(out.kind).toBe('unreadable');
    expect(judgeGuardrails(out, []).conclusion).toBe('failure');
  });

  test('no budget configured means nothing to count', () => {
    expect(judgeBudget(guardrailsPolicySchema.parse({}), { agent: 'x' }, new Error('down'))).toEqual({ kind: 'within', lines: [] });
  });
});

describe('offListLinks', () => {
  test('subdomains of an allowed host pass; look-alike hosts do not', () => {
    const text = 'https://api.github.com/x https://github.com.evil.io/y https://notgithub.com/z';
    expect(offListLinks([{ where: 'body', text }], ['github.com']).map((l) => l.host)).toEqual(['github.com.evil.io', 'notgithub.com']);
  });
});
