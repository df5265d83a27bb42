import { describe, expect, test } from '@jest/globals';
import { isIllustrative, snippetKind, snippetsOf, where } from '../support/markdown-snippets.js';

describe('snippetsOf', () => {
  const md = [
    '# title', // 1
    '```sh', // 2
    'trustgate scan ./models', // 3
    '```', // 4
    'text', // 5
    '1. a list item', // 6
    '   ~~~yaml illustrative', // 7
    '   version: 1', // 8
    '     nested: true', // 9
    '   ~~~', // 10
    '````', // 11
    '```', // 12
    '````', // 13
  ].join('\n');
  const snippets = snippetsOf(md, 'docs/x.md');

  test('finds each fence with language, flags, file and opening line', () => {
    expect(snippets.map((s) => [where(s), s.lang, s.flags])).toEqual([
      ['docs/x.md:2', 'sh', []],
      ['docs/x.md:7', 'yaml', ['illustrative']],
      ['docs/x.md:11', '', []],
    ]);
  });

  test('strips the fence indentation and keeps the inner one; a shorter fence does not close a longer one', () => {
    expect(snippets[0]?.text).toBe('trustgate scan ./models\n');
    expect(snippets[1]?.text).toBe('version: 1\n  nested: true\n');
    expect(snippets[2]?.text).toBe('```\n');
  });

  test('the illustrative marker and the kinds', () => {
    expect(snippets.map(isIllustrative)).toEqual([false, true, false]);
    expect(snippets.map(snippetKind)).toEqual(['shell', 'config', 'other']);
    const workflow = snippetsOf('```yaml\n- uses: actions/checkout@v4\n```\n', 'README.md');
    expect(workflow.map(snippetKind)).toEqual(['workflow']);
  });
});
