import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { analyseTemplate, chatTemplateAnalyser, tokenizerConfigAnalyser } from '../../src/formats/templates/index.js';
import { analyseBytes, analyseFixture, fixture, head, rules } from './harness.js';

describe('chat templates', () => {
  it('passes benign tokenizer_config.json and chat_template.jinja', async () => {
    for (const [analyser, file] of [
      [tokenizerConfigAnalyser, 'templates/benign/tokenizer_config.json'],
      [chatTemplateAnalyser, 'templates/benign/chat_template.jinja'],
    ] as const) {
      expect(analyser.sniff(head(fixture(file)), undefined as never)).toBe(true);
      const a = await analyseFixture(analyser, file);
      expect(a.verdict).toBe('safe');
      expect(rules(a)).toEqual(['TG-TPL-004']);
    }
  });

  it('flags attr("__class__") in a named template of a template list', async () => {
    const a = await analyseFixture(tokenizerConfigAnalyser, 'templates/malicious/tokenizer_config.json');
    expect(a.verdict).toBe('unsafe');
    expect(a.findings.find((f) => f.rule === 'TG-TPL-002')?.message).toContain('chat_template.rag');
  });

  it('flags the cycler.__init__.__globals__ escape in chat_template.jinja', async () => {
    const a = await analyseFixture(chatTemplateAnalyser, 'templates/malicious/chat_template.jinja');
    expect(a.verdict).toBe('unsafe');
    expect(rules(a)).toEqual(['TG-TPL-002', 'TG-TPL-003']);
  });

  it.each([
    ["{{ messages['__class__'].__mro__ }}", ['TG-TPL-002']],
    ['{{ lipsum }}', ['TG-TPL-003']],
    ['{{ joiner() }}', ['TG-TPL-003']],
    ['{{ x|attr(name) }}', ['TG-TPL-005']],
    ['{{ self._TemplateReference__context }}', ['TG-TPL-002']],
    ['{% if %}', ['TG-TPL-001']],
    ['{% for m in messages %}{{ m.content }}{% endfor %}', []],
  ])('%s -> %j', (text, expected) => {
    expect([...new Set(analyseTemplate(text, 't.jinja', 'chat template').map((f) => f.rule))].sort()).toEqual(expected);
  });

  it('never crashes on random templates or configs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 3 }), async (text, json) => {
        const t = await analyseBytes(chatTemplateAnalyser, 'x.jinja', new TextEncoder().encode(`{{ message }}${text}`));
        expect(['safe', 'review', 'unsafe', 'error']).toContain(t.verdict);
        const c = await analyseBytes(
          tokenizerConfigAnalyser,
          'tokenizer_config.json',
          new TextEncoder().encode(JSON.stringify({ chat_template: json })),
        );
        expect(['safe', 'review', 'unsafe', 'error']).toContain(c.verdict);
      }),
      { numRuns: 300 },
    );
  });
});
