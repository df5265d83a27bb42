import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
// @ts-expect-error plain ESM test double without type declarations
import { addPull } from '../mock-github/server.mjs';
// @ts-expect-error plain ESM test double without type declarations
import { pullRequestEvent } from '../mock-github/webhooks.mjs';
import { agentPr, type Harness, POLICY, sha, startHarness } from './harness.js';

// Agent governance and unknown initiators in the App's architecture-review check, against the OpenAPI-built mock.
const REVIEW = 'trustgate / architecture-review';
const AGENTS_POLICY = `${POLICY}agents:
  mcp:
    allow:
      - { package: "@modelcontextprotocol/server-filesystem", version: "2025.8.21" }
  review:
    teams: ["octo-org/security"]
`;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', AGENTS_POLICY);
  h.github.state.teams.set('octo-org/architects', new Set(['bob', 'alice']));
  h.github.state.teams.set('octo-org/security', new Set(['sec-lead']));
});
afterEach(async () => {
  expect(h.github.invalid).toEqual([]);
  await h.close();
});

function lastCheck() {
  const all = h.github.calls('checks/create').filter((c) => c.body.name === REVIEW);
  return all[all.length - 1]?.body as unknown as { status: string; conclusion?: string; output: { title: string; summary: string } };
}

function humanPr(number: number, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) h.github.state.files.set(`octo-org/service@${sha(number)}:${path}`, text);
  return addPull(h.github.state, { number, headSha: sha(number), author: 'mona', authorType: 'User', files: Object.keys(files) });
}

const PINNED = JSON.stringify({
  mcpServers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '.'] } },
});
const UNLISTED = JSON.stringify({ mcpServers: { helper: { command: 'npx', args: ['-y', '@evil/mcp-helper'] } } });

describe('agent governance in the architecture review', () => {
  test("a human PR that changes an MCP config waits for agents.review's approvers, whatever its cohort", async () => {
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, humanPr(21, { '.mcp.json': PINNED }), 'opened'));
    const check = lastCheck();
    expect(check.status).toBe('in_progress');
    expect(check.output.summary).toContain(
      '| agent configuration (agents.review) | pending | 0/1 | none yet | @octo-org/security | `.mcp.json` |',
    );
    expect(check.output.summary).toContain('### trustgate agents: `review`');
    expect(h.github.calls('repos/get-content').map((c) => c.params.path)).toEqual(['.github/trustgate.yml', '.mcp.json']);
  });

  test('an unlisted, unpinned MCP server fails the check: approvals cannot make it safe', async () => {
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, humanPr(22, { '.mcp.json': UNLISTED }), 'opened'));
    const check = lastCheck();
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(check.output.title).toBe('Agent configuration is unsafe: 1 file(s) to fix');
    expect(check.output.summary).toContain('TG-MCP-001');
    expect(check.output.summary).toContain('TG-MCP-003');
  });

  test('a human PR that changes no agent file is not reviewed and reads no contents', async () => {
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, humanPr(23, { 'src/a.ts': 'x' }), 'opened'));
    expect(lastCheck().conclusion).toBe('success');
    expect(h.github.calls('repos/get-content').filter((c) => JSON.stringify(c).includes(sha(23)))).toEqual([]);
  });

  test('an agent PR with no resolvable initiator needs one more approval, and the check says why', async () => {
    await h.github.deliver('pull_request', pullRequestEvent(h.github.state, agentPr(h.github, 24, { assignees: [] }), 'opened'));
    const check = lastCheck();
    expect(check.status).toBe('in_progress');
    expect(check.output.summary).toContain('| service architecture | pending | 0/2 |');
    expect(check.output.summary).toContain('unknown initiator: nothing on the pull request names the human who started the agent');
  });
});
