import { describe, expect, test } from '@jest/globals';
import { computeLineShare, parseAgentTrace } from '@trustgate/attribution';

// A Trace Record in the shape of the Agent Trace specification (https://agent-trace.dev, v0.1.0).
const RECORD = {
  version: '0.1.0',
  id: '3f1e2d4c-5b6a-4789-8abc-def012345678',
  timestamp: '2026-11-20T10:00:00Z',
  vcs: { type: 'git', revision: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0' },
  tool: { name: 'cursor', version: '2.0.0' },
  files: [
    {
      path: 'src/app.ts',
      conversations: [
        {
          url: 'https://example.com/conversations/1',
          contributor: { type: 'ai', model_id: 'anthropic/claude-sonnet-4' },
          ranges: [
            { start_line: 1, end_line: 10 },
            { start_line: 8, end_line: 12 },
            { start_line: 40, end_line: 41, contributor: { type: 'human' } },
          ],
        },
        { contributor: { type: 'human' }, ranges: [{ start_line: 20, end_line: 30 }] },
      ],
    },
    { path: 'README.md', conversations: [{ contributor: { type: 'mixed' }, ranges: [{ start_line: 1, end_line: 3 }] }] },
  ],
};

describe('Agent Trace', () => {
  test('counts AI ranges, with range-level contributor overrides', () => {
    const [record] = parseAgentTrace(JSON.stringify(RECORD), 'trace.json');
    expect(record).toEqual({
      version: '0.1.0',
      revision: RECORD.vcs.revision,
      tool: 'cursor',
      models: ['anthropic/claude-sonnet-4'],
      files: [
        {
          path: 'src/app.ts',
          ranges: [
            [1, 10],
            [8, 12],
          ],
        },
      ],
    });
    expect(computeLineShare([{ source: 'agent-trace', files: record?.files ?? [] }], { 'src/app.ts': 24 })).toEqual({
      source: 'agent-trace',
      files: [{ path: 'src/app.ts', aiLines: 12, changedLines: 24, share: 0.5 }],
      aiLines: 12,
      changedLines: 24,
      share: 0.5,
    });
  });

  test('reads JSON Lines (.agent-trace/traces.jsonl) and arrays', () => {
    const line = JSON.stringify(RECORD);
    expect(parseAgentTrace(`${line}\n${line}\n`)).toHaveLength(2);
    expect(parseAgentTrace(JSON.stringify([RECORD, RECORD, RECORD]))).toHaveLength(3);
  });

  test.each([
    ['empty', ''],
    ['no version', '{"files":[]}'],
    ['range without lines', JSON.stringify({ version: '0.1.0', files: [{ path: 'a', conversations: [{ ranges: [{ start_line: 3 }] }] }] })],
    ['a bad JSON line', `${JSON.stringify(RECORD)}\n{oops`],
  ])('%s is LINE_LOG_INVALID', (_name, text) => {
    expect(() => parseAgentTrace(text, 't')).toThrow(expect.objectContaining({ code: 'LINE_LOG_INVALID' }));
  });
});
