import { describe, expect, it } from '@jest/globals';
import { ggufAnalyser } from '../../src/formats/gguf/index.js';
import { analyseFixture, fixture, fuzzAnalyser, head, rules } from './harness.js';

describe('gguf', () => {
  it('passes a benign model and reports its metadata', async () => {
    const a = await analyseFixture(ggufAnalyser, 'gguf/benign.gguf');
    expect(a.verdict).toBe('safe');
    expect(rules(a)).toEqual(['TG-TPL-004']);
    expect(a.metadata).toEqual({
      framework: 'gguf',
      formatVersion: '3',
      properties: {
        tensors: '1',
        'general.architecture': 'llama',
        'general.name': 'tiny',
        'tokenizer.ggml.model': 'llama',
        vocabulary: '3',
      },
    });
    expect(ggufAnalyser.sniff(head(fixture('gguf/benign.gguf')), undefined as never)).toBe(true);
  });

  it('flags an SSTI payload in a named chat template', async () => {
    const a = await analyseFixture(ggufAnalyser, 'gguf/ssti.gguf');
    expect(a.verdict).toBe('unsafe');
    expect(rules(a)).toEqual(['TG-TPL-002', 'TG-TPL-003', 'TG-TPL-004']);
    const dunder = a.findings.filter((f) => f.rule === 'TG-TPL-002').map((f) => f.evidence);
    expect(dunder.sort()).toEqual(['__globals__', '__init__']);
    expect(a.findings.find((f) => f.rule === 'TG-TPL-003')?.message).toContain('tokenizer.chat_template.tool_use');
  });

  it.each([
    ['tensor-out-of-range.gguf', 'unsafe', ['TG-GGUF-003']],
    ['huge-string.gguf', 'unsafe', ['TG-GGUF-002']],
    ['truncated.gguf', 'error', ['TG-GGUF-001']],
  ])('flags %s as %s', async (file, verdict, expected) => {
    const a = await analyseFixture(ggufAnalyser, `gguf/${file}`);
    expect(a.verdict).toBe(verdict);
    expect(rules(a)).toEqual(expected);
  });

  it('survives random and mutated bytes without crashing or hanging', async () => {
    const base = fixture('gguf/ssti.gguf');
    await fuzzAnalyser(ggufAnalyser, base, { magic: [0x47, 0x47, 0x55, 0x46] }, ({ kind, analysis }) => {
      if (kind === 'random' && analysis.verdict === 'safe') expect(analysis.findings.every((f) => f.severity === 'low')).toBe(true);
    });
  });
});
