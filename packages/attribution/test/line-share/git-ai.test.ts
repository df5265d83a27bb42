import { describe, expect, test } from '@jest/globals';
import { computeLineShare, parseGitAiNote } from '@trustgate/attribution';

// The complete example of the Git AI Standard v3.0.0 (specs/git_ai_standard_v3.0.0.md, section 1.2.5), prompts trimmed.
const NOTE = `src/main.rs
  abcd1234abcd1234 1-10,15-20
  efab5678efab5678 25,30-35
src/lib.rs
  abcd1234abcd1234 1-50
"src/my file.rs"
  efab5678efab5678 3
---
{
  "schema_version": "authorship/3.0.0",
  "git_ai_version": "1.0.23",
  "base_commit_sha": "7734793b756b3921c88db5375a8c156e9532447b",
  "prompts": {
    "abcd1234abcd1234": {
      "agent_id": { "tool": "cursor", "id": "6ef2299e-a67f-432b-aa80-3d2fb4d28999", "model": "claude-4.5-opus" },
      "human_author": "Developer <dev@example.com>",
      "messages": [{ "type": "user", "text": "Add error handling" }],
      "total_additions": 25, "total_deletions": 5, "accepted_lines": 20, "overriden_lines": 0
    },
    "efab5678efab5678": {
      "agent_id": { "tool": "cursor", "id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "model": "claude-3-sonnet" },
      "messages": [], "total_additions": 6, "total_deletions": 0, "accepted_lines": 6, "overriden_lines": 0
    }
  }
}
`;

describe('git-ai authorship log (refs/notes/ai, standard v3)', () => {
  test('parses files, ranges and prompt records', () => {
    const log = parseGitAiNote(NOTE, 'note');
    expect(log.schemaVersion).toBe('authorship/3.0.0');
    expect(log.baseCommitSha).toBe('7734793b756b3921c88db5375a8c156e9532447b');
    expect(log.files).toEqual([
      {
        path: 'src/main.rs',
        ranges: [
          [1, 10],
          [15, 20],
          [25, 25],
          [30, 35],
        ],
      },
      { path: 'src/lib.rs', ranges: [[1, 50]] },
      { path: 'src/my file.rs', ranges: [[3, 3]] },
    ]);
    expect(log.prompts.abcd1234abcd1234).toEqual({ tool: 'cursor', model: 'claude-4.5-opus', humanAuthor: 'Developer <dev@example.com>' });
  });

  test('AI line share per file against the lines the PR adds', () => {
    const share = computeLineShare([{ source: 'git-ai', files: parseGitAiNote(NOTE).files }], {
      'src/main.rs': 46,
      'src/lib.rs': 50,
      'README.md': 4,
    });
    expect(share.files).toEqual([
      { path: 'src/lib.rs', aiLines: 50, changedLines: 50, share: 1 },
      { path: 'src/main.rs', aiLines: 23, changedLines: 46, share: 0.5 },
      { path: 'src/my file.rs', aiLines: 1 },
    ]);
    expect(share).toMatchObject({ source: 'git-ai', aiLines: 74, changedLines: 100, share: 0.74 });
  });

  test.each([
    ['no divider', 'src/a.rs\n  abcd1234abcd1234 1-2\n'],
    [
      'descending range',
      'src/a.rs\n  abcd1234abcd1234 5-2\n---\n{"schema_version":"authorship/3.0.0","prompts":{"abcd1234abcd1234":{"agent_id":{"tool":"x"}}}}',
    ],
    ['unknown hash', 'src/a.rs\n  abcd1234abcd1234 1\n---\n{"schema_version":"authorship/3.0.0","prompts":{}}'],
    ['old schema', 'src/a.rs\n  abcd123 1\n---\n{"schema_version":"authorship/2.0.0","prompts":{}}'],
    ['metadata not JSON', 'src/a.rs\n  abcd1234abcd1234 1\n---\n{nope'],
    ['entry without a file', '  abcd1234abcd1234 1\n---\n{}'],
  ])('%s is LINE_LOG_INVALID', (_name, text) => {
    expect(() => parseGitAiNote(text, 'n')).toThrow(expect.objectContaining({ code: 'LINE_LOG_INVALID' }));
  });
});
