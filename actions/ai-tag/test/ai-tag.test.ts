import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { aiTag, type PullRequestApi } from '@trustgate/action-ai-tag';
import { fakeActionIO } from '../../../test/support/fake-action-io.js';

const examples = new URL('../../../examples/ai-tag/', import.meta.url);
const example = (name: string) => JSON.parse(readFileSync(new URL(name, examples), 'utf8'));

function fakeIO(eventFile: string, inputs: Record<string, string> = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'ai-tag-ws-'));
  return fakeActionIO(inputs, { workspace, env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile } });
}

/** An in-memory pull request: the API's answers and a record of label writes. */
function fakeApi(commits: unknown[], files: unknown[] = [], contents: Record<string, string> = {}, notes: Record<string, string> = {}) {
  const writes: string[] = [];
  const api: PullRequestApi = {
    listCommits: async () => commits,
    listFiles: async () => files,
    fileText: async (path) => contents[path],
    addLabel: async (name) => {
      writes.push(`+${name}`);
    },
    removeLabel: async (name) => {
      writes.push(`-${name}`);
    },
    gitAiNote: async (sha) => notes[sha],
  };
  return { api, writes };
}

function eventFile(event: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ai-tag-')), 'event.json');
  writeFileSync(file, JSON.stringify(event));
  return file;
}

describe('ai-tag action', () => {
  test('an agent PR gets ai:agent, outputs and a summary naming every marker with its commit and rule', async () => {
    const note = readFileSync(new URL('ai-line-log.note', examples), 'utf8');
    const commits = example('agent-commits.json');
    const { api, writes } = fakeApi(commits, example('agent-files.json'), {}, { [commits[1].sha]: note });
    const { io, outputs, summaries } = fakeIO(eventFile(example('agent-event.json')));
    expect(await aiTag(io, api)).toEqual({ failed: false });
    expect(writes).toEqual(['+ai:agent']);
    expect(outputs).toMatchObject({ cohort: 'agent', agent: 'copilot', initiator: 'Codertocat', 'ai-line-share': '0.583' });
    expect(JSON.parse(outputs.classification ?? '{}').version).toBe(1);
    expect(summaries[0]).toContain('| 1111111 | TG-AI-003 |');
    expect(summaries[0]).toContain('| PR | TG-AI-001 |');
  });

  test('an assisted PR swaps a stale ai:agent label for ai:assisted (custom label names from inputs)', async () => {
    const event = example('assisted-event.json');
    event.pull_request.labels = [{ name: 'bot-made' }];
    const { api, writes } = fakeApi(example('assisted-commits.json'));
    const { io, outputs } = fakeIO(eventFile(event), { 'agent-label': 'bot-made', 'assisted-label': 'ai-helped' });
    await aiTag(io, api);
    expect(writes).toEqual(['-bot-made', '+ai-helped']);
    expect(outputs).toMatchObject({ cohort: 'assisted', agent: 'claude-code', initiator: 'Codertocat', 'ai-line-share': '' });
  });

  test('a PR with no marker keeps no AI label and is unknown', async () => {
    const event = example('human-event.json');
    event.pull_request.labels = [{ name: 'ai:assisted' }];
    const { api, writes } = fakeApi(example('human-commits.json'));
    const { io, outputs } = fakeIO(eventFile(event));
    await aiTag(io, api);
    expect(writes).toEqual(['-ai:assisted']);
    expect(outputs.cohort).toBe('unknown');
  });

  test('hidden text in a changed AGENTS.md fails the step and is annotated', async () => {
    const files = [
      { filename: 'AGENTS.md', status: 'modified', additions: 2 },
      { filename: 'src/a.ts', status: 'added', additions: 3 },
    ];
    const { api } = fakeApi(example('human-commits.json'), files, { 'AGENTS.md': 'Be brief.\u202Eecalper\u202C', 'src/a.ts': '\u200B' });
    const { io, annotations } = fakeIO(eventFile(example('human-event.json')), { label: 'false' });
    const outcome = await aiTag(io, api);
    expect(outcome.failed).toBe(true);
    expect(annotations.map(({ finding: a }) => [a.rule, a.location?.path])).toEqual([['TG-AIH-002', 'AGENTS.md']]);
  });

  test('an Agent Trace record the PR adds to the repository is a marker naming its agent and model, and counts lines', async () => {
    const record = {
      version: '0.1.0',
      tool: { name: 'cursor' },
      files: [
        {
          path: 'src/a.ts',
          conversations: [{ contributor: { type: 'ai', model_id: 'anthropic/claude-sonnet-4' }, ranges: [{ start_line: 1, end_line: 3 }] }],
        },
      ],
    };
    const files = [
      { filename: '.agent-trace/traces.jsonl', status: 'added', additions: 1 },
      { filename: 'src/a.ts', status: 'added', additions: 3 },
    ];
    const { api } = fakeApi(example('human-commits.json'), files, { '.agent-trace/traces.jsonl': `${JSON.stringify(record)}\n` });
    const { io, outputs } = fakeIO(eventFile(example('human-event.json')), { label: 'false' });
    expect(await aiTag(io, api)).toEqual({ failed: false });
    const c = JSON.parse(outputs.classification ?? '{}');
    expect(c.markers).toContainEqual(
      expect.objectContaining({ rule: 'TG-AI-199', agent: 'cursor', model: 'anthropic/claude-sonnet-4', field: 'agent-trace' }),
    );
    expect(outputs).toMatchObject({ cohort: 'assisted', 'ai-line-share': '0.75' });
  });

  test('a changed MCP config with an unlisted, unpinned server fails the step; the report and review flag are outputs', async () => {
    const files = [
      { filename: '.mcp.json', status: 'added', additions: 5 },
      { filename: 'src/a.ts', status: 'added', additions: 3 },
    ];
    const mcp = JSON.stringify({ mcpServers: { helper: { command: 'npx', args: ['-y', '@evil/mcp-helper'] } } });
    const { api } = fakeApi(example('human-commits.json'), files, { '.mcp.json': mcp, 'src/a.ts': 'x' });
    const { io, outputs, annotations, summaries } = fakeIO(eventFile(example('human-event.json')), { label: 'false' });
    const outcome = await aiTag(io, api);
    expect(outcome).toMatchObject({ failed: true, reason: expect.stringContaining('1 changed agent file(s) are unsafe') });
    expect(outputs).toMatchObject({ 'agents-verdict': 'unsafe', 'agents-review-required': 'true' });
    expect(JSON.parse(outputs['agents-report'] ?? '{}').review.files).toEqual(['.mcp.json']);
    expect(annotations.map(({ finding }) => finding.rule)).toEqual(['TG-MCP-001', 'TG-MCP-003']);
    expect(summaries[1]).toContain('### trustgate agents: `unsafe`');
  });

  test('other events are skipped; a malformed payload fails with EVENT_INVALID', async () => {
    const { api, writes } = fakeApi([]);
    const skip = fakeIO(eventFile({}));
    await expect(aiTag({ ...skip.io, env: { GITHUB_EVENT_NAME: 'push' } }, api)).resolves.toEqual({ failed: false });
    await expect(aiTag(fakeIO(eventFile({ pull_request: {} })).io, api)).rejects.toMatchObject({ code: 'EVENT_INVALID' });
    expect(writes).toEqual([]);
  });
});
