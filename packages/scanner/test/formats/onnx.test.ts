import { describe, expect, it } from '@jest/globals';
import { defaultPolicy } from '@trustgate/core';
import { onnxAnalyser, unsafeLocation } from '../../src/formats/onnx/index.js';
import { analyseFixture, fixture, fuzzAnalyser, head, rules } from './harness.js';

describe('onnx', () => {
  it('passes a benign model and reports opset and producer', async () => {
    const a = await analyseFixture(onnxAnalyser, 'onnx/benign.onnx');
    expect(a.verdict).toBe('safe');
    expect(a.metadata).toEqual({
      framework: 'onnx',
      formatVersion: '8',
      opset: '17',
      producer: 'trustgate-fixtures 1.0',
      properties: { nodes: '1', opsets: 'ai.onnx:17' },
    });
    expect(onnxAnalyser.sniff(head(fixture('onnx/benign.onnx')), undefined as never)).toBe(true);
  });

  it('passes external data that is a plain file next to the model', async () => {
    expect((await analyseFixture(onnxAnalyser, 'onnx/external-ok/model.onnx')).verdict).toBe('safe');
  });

  it.each([
    ['traversal.onnx', '../../../../etc/passwd', 'has a ".." segment'],
    ['absolute.onnx', '/etc/shadow', 'is absolute'],
    ['backslash.onnx', '..\\secrets.bin', 'contains a backslash'],
    ['nested-external.onnx', '/proc/self/environ', 'is absolute'],
  ])('flags the external data location of %s', async (file, location, why) => {
    const a = await analyseFixture(onnxAnalyser, `onnx/${file}`);
    expect(a.verdict).toBe('unsafe');
    expect(rules(a)).toEqual(['TG-ONNX-002']);
    expect(a.findings[0]?.evidence).toBe(location);
    expect(a.findings[0]?.message).toContain(why);
  });

  it('flags a custom-op domain unless the policy allows it', async () => {
    const a = await analyseFixture(onnxAnalyser, 'onnx/custom-domain.onnx');
    expect(a.verdict).toBe('review');
    expect(a.findings.map((f) => [f.rule, f.evidence])).toEqual([['TG-ONNX-003', 'evil.ops']]);
    const policy = defaultPolicy().scan;
    policy.onnx.allowDomains = ['evil.ops'];
    expect((await analyseFixture(onnxAnalyser, 'onnx/custom-domain.onnx', policy)).verdict).toBe('safe');
  });

  it('resolves locations against the model directory', () => {
    expect(unsafeLocation('sub/weights.bin', '/models/m')).toBeUndefined();
    expect(unsafeLocation('C:/x', '/models/m')).toBe('is absolute');
    expect(unsafeLocation('.', '/models/m')).toBe('resolves outside the model directory');
  });

  it('never crashes on random or mutated bytes, and undecodable input is an error', async () => {
    const base = fixture('onnx/traversal.onnx');
    await fuzzAnalyser(onnxAnalyser, base, {}, ({ analysis }) => {
      if (analysis.verdict === 'error') expect(rules(analysis)).toEqual(['TG-ONNX-001']);
    });
  });
});
