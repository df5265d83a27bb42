import { describe, expect, test } from '@jest/globals';
import { runCli } from '../../../../test/support/cli.js';

const examples = new URL('../../../../examples/agents/', import.meta.url).pathname;
const run = (args: string[]) => runCli(['agents', ...args], { cwd: examples });

describe('trustgate agents', () => {
  test('a benign repository under the org allowlist: exit 0, every file safe', async () => {
    const r = await run(['repos/benign', '--policy', 'policy.yml', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ files: 33, safe: 33, verdict: 'safe', blocking: false });
    expect(out.files[0]).toEqual(
      expect.objectContaining({ path: '.aider.conf.yml', kind: 'instructions', format: 'aider-conf', verdict: 'safe' }),
    );
    expect(out.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the same repository with no policy: every MCP server is unlisted, so it blocks (exit 1)', async () => {
    const r = await run(['repos/benign']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('TG-MCP-001 high: .mcp.json: MCP server "github"');
  });

  test('a hostile repository: exit 1, SARIF with one result per finding', async () => {
    const r = await run(['repos/hostile', '--policy', 'policy.yml', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    const ids = new Set(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId));
    for (const id of [
      'TG-MCP-001',
      'TG-MCP-002',
      'TG-MCP-003',
      'TG-MCP-004',
      'TG-MCP-005',
      'TG-MCP-006',
      'TG-MCP-007',
      'TG-MCP-008',
      'TG-MCP-009',
    ])
      expect(ids).toContain(id);
    for (const id of ['TG-AIH-001', 'TG-AIH-002', 'TG-AIH-003', 'TG-AIH-004', 'TG-AGT-003']) expect(ids).toContain(id);
  });

  test('--files marks the PR changed agent files (also removed ones) for the architecture review', async () => {
    const r = await run(['repos/benign', '--policy', 'policy.yml', '--files', 'pr-files.json', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.review).toEqual({
      required: true,
      files: ['.cursor/rules/old.mdc', '.mcp.json', 'AGENTS.md'],
      rule: { teams: ['acme/platform-security'], users: [], count: 1 },
    });
  });

  test('usage errors exit 2 with a stable code', async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(['repos/benign', '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of text, json, sarif, markdown/);
    expect((await run(['no-such-dir'])).code).toBe(2);
  });
});
