import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { BUILTIN_RULES_FILE, compileRules } from '@trustgate/attribution';

const rulesDir = new URL('../../rules/', import.meta.url);

describe('the versioned rules file', () => {
  test('src/markers/builtin-rules.ts is generated from rules/markers.json + tool-mentions.json (run rules/generate.mjs)', () => {
    const script = fileURLToPath(new URL('generate.mjs', rulesDir));
    const json = JSON.parse(execFileSync(process.execPath, [script, '--json'], { encoding: 'utf8' }));
    expect(BUILTIN_RULES_FILE).toEqual(json);
  });

  test('every rule compiles, has a unique id, a source, and never matches display names alone', () => {
    const compiled = compileRules();
    expect(compiled.length).toBe(BUILTIN_RULES_FILE.rules.length);
    for (const { rule } of compiled) {
      expect(rule.source.length).toBeGreaterThan(10);
      expect([
        'author-email',
        'committer-email',
        'author-login',
        'committer-login',
        'name-suffix',
        'subject',
        'message',
        'trailer',
        'pr-author',
        'pr-body',
        'branch',
        'label',
        'pr-title',
        'author-name',
        'git-ai-note',
        'agent-trace',
      ]).toContain(rule.on);
      // A display name alone never decides a cohort.
      if (rule.on === 'author-name') expect(rule.tier).toBe('mention');
      if (rule.on === 'trailer') expect(rule.trailer).toBeDefined();
      // A name-suffix rule must be anchored at the end: it matches a tool's suffix, not a person's name.
      if (rule.on === 'name-suffix') expect(rule.pattern.endsWith('$')).toBe(true);
    }
  });

  test('covers every tool the issue names', () => {
    const agents = new Set(BUILTIN_RULES_FILE.rules.map((r) => r.agent));
    for (const a of [
      'copilot',
      'claude-code',
      'cursor',
      'aider',
      'devin',
      'codex',
      'openhands',
      'jules',
      'gemini',
      'amazon-q',
      'qwen-code',
      'windsurf',
      'replit',
      'opencode',
      'entire',
      'dependabot',
      'renovate',
    ])
      expect(agents).toContain(a);
    const trailers = new Set(BUILTIN_RULES_FILE.rules.map((r) => r.trailer?.toLowerCase()));
    for (const t of ['co-authored-by', 'assisted-by', 'generated-by', 'made-with', 'entire-session', 'replit-commit-author'])
      expect(trailers).toContain(t);
  });
});
