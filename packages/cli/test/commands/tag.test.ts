import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkStatement } from '@trustgate/core';
import { runCli } from '../../../../test/support/cli.js';

const examples = new URL('../../../../examples/ai-tag/', import.meta.url).pathname;

function run(args: string[]) {
  return runCli(['tag', ...args], { cwd: examples });
}

describe('trustgate tag', () => {
  test('--format json prints the CLI contract and --statement writes an in-toto statement about the head commit', async () => {
    const statement = join(mkdtempSync(join(tmpdir(), 'tag-')), 's.json');
    const r = await run([
      '--event',
      'agent-event.json',
      '--commits',
      'agent-commits.json',
      '--files',
      'agent-files.json',
      '--line-log',
      'ai-line-log.note',
      '--statement',
      statement,
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['cohort', 'agent', 'initiator', 'markers', 'aiLineShare']);
    expect(out).toMatchObject({ cohort: 'agent', agent: 'copilot', initiator: { id: 'Codertocat', rule: 'co-author-trailer' } });
    expect(out.aiLineShare.share).toBe(0.583);
    const s = JSON.parse(readFileSync(statement, 'utf8'));
    expect(checkStatement(s).ok).toBe(true);
    expect(s.predicateType).toBe('https://trustgate.dev/ai-tag/v1');
    expect(s.subject[0].digest).toEqual({ gitCommit: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' });
    expect(s.predicate.version).toBe(1);
  });

  test('a disclosure policy turns silence into human', async () => {
    const r = await run([
      '--event',
      'human-event.json',
      '--commits',
      'human-commits.json',
      '--policy',
      'policy-disclosure.yml',
      '--format',
      'text',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Codertocat\/Hello-World#2: human\n/);
  });

  test('hidden text in instruction files exits 1', async () => {
    const r = await run(['--event', 'human-event.json', '--instructions', 'instructions']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['TG-AIH-001', 'TG-AIH-004']);
  });

  test('usage and input errors exit 2 with a code', async () => {
    expect((await run([])).stderr).toContain('--event F is required');
    const bad = await run(['--event', 'agent-commits.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('agent-commits.json is not a pull_request webhook payload');
    expect(bad.stderr).toContain('(code EVENT_INVALID)');
    expect((await run(['--event', 'missing.json'])).stderr).toContain('(code IO_ERROR)');
  });
});
