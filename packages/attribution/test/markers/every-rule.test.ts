import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { BUILTIN_RULES_FILE, classifyPullRequest } from '@trustgate/attribution';
import { apiCommit, prEvent } from '../fixtures/github.js';
import { placed } from './placed.js';

// Every built-in rule on a payload in GitHub's shape: its sample matches, and its negative twin (a human named
// Claude, prose that mentions Devin, an address that merely contains "copilot") matches neither it nor any rule
// that would decide a cohort.
const cases = JSON.parse(readFileSync(new URL('../../rules/rule-cases.json', import.meta.url), 'utf8')).cases as Record<
  string,
  { match: string; miss: string }
>;
const rules = BUILTIN_RULES_FILE.rules.filter((r) => !r.id.startsWith('TG-AIM-'));

function classify(rule: (typeof rules)[number], value: string) {
  const { pr, commits, options } = placed({ on: rule.on, value, ...(rule.trailer ? { trailer: rule.trailer } : {}) });
  return classifyPullRequest(prEvent(pr), commits.map(apiCommit), options);
}

describe('every marker rule, with its negative twin', () => {
  test('every rule has a case', () => {
    expect(rules.filter((r) => !cases[r.id]).map((r) => r.id)).toEqual([]);
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const c = cases[id];
    if (!c) throw new Error(`no case for ${id}`);
    expect(classify(rule, c.match).markers.map((m) => m.rule)).toContain(id);
    if (c.miss === '(none)') return;
    const twin = classify(rule, c.miss);
    expect(twin.markers.map((m) => m.rule)).not.toContain(id);
    expect(twin.markers.filter((m) => m.tier !== 'mention').map((m) => m.rule)).toEqual([]);
  });
});
