import { describe, expect, it } from '@jest/globals';
import { graphDefAnalyser, savedModelAnalyser } from '../../src/formats/savedmodel/index.js';
import { analyseFixture, fixture, fuzzAnalyser, head } from './harness.js';

describe('tensorflow SavedModel and GraphDef', () => {
  it('passes a benign SavedModel whose saver writes to a runtime path', async () => {
    expect(savedModelAnalyser.sniff(head(fixture('savedmodel/benign/saved_model.pb')), undefined as never)).toBe(true);
    const a = await analyseFixture(savedModelAnalyser, 'savedmodel/benign/saved_model.pb');
    expect(a.verdict).toBe('safe');
    expect(a.findings.map((f) => [f.rule, f.severity, f.evidence])).toEqual([['TG-TF-004', 'low', 'SaveV2']]);
    expect(a.metadata).toEqual({
      framework: 'tensorflow',
      producer: 'tensorflow 2.15.0',
      properties: { metaGraphs: '1', nodes: '7', tags: 'serve' },
    });
  });

  it('walks the graph, library functions and graphs embedded in attributes', async () => {
    const a = await analyseFixture(savedModelAnalyser, 'savedmodel/malicious/saved_model.pb');
    expect(a.verdict).toBe('unsafe');
    expect(a.findings.map((f) => [f.rule, f.severity, f.evidence ?? '']).sort()).toEqual([
      ['TG-TF-002', 'critical', 'PyFunc'],
      ['TG-TF-003', 'high', 'ReadFile'],
      ['TG-TF-003', 'high', 'WriteFile'],
      ['TG-TF-003', 'high', 'file:///tmp/exfil.log'],
      ['TG-TF-004', 'high', 'SaveV2'],
      ['TG-TF-005', 'medium', 'TotallyCustomOp'],
      ['TG-TF-006', 'medium', ''],
      ['TG-TF-006', 'medium', 'DatasetFromGraph'],
    ]);
    expect(a.findings.find((f) => f.evidence === 'ReadFile')?.message).toContain('function __inference_loader_7');
    expect(a.findings.find((f) => f.evidence === 'WriteFile')?.message).toContain('embedded graph');
  });

  it('scans bare GraphDef files', async () => {
    expect(graphDefAnalyser.sniff(head(fixture('savedmodel/benign-graph.pb')), undefined as never)).toBe(true);
    expect(savedModelAnalyser.sniff(head(fixture('savedmodel/benign-graph.pb')), undefined as never)).toBe(false);
    expect((await analyseFixture(graphDefAnalyser, 'savedmodel/benign-graph.pb')).verdict).toBe('safe');
    const bad = await analyseFixture(graphDefAnalyser, 'savedmodel/pyfunc-graph.pb');
    expect(bad.verdict).toBe('unsafe');
    expect(bad.findings.map((f) => f.rule)).toEqual(['TG-TF-002']);
  });

  it('never crashes on random or mutated protobuf bytes', async () => {
    const base = fixture('savedmodel/malicious/saved_model.pb');
    for (const analyser of [savedModelAnalyser, graphDefAnalyser])
      await fuzzAnalyser(analyser, base, { magic: [0x08, 0x01, 0x12], numRuns: 150 });
  });
});
