import { describe, expect, it } from '@jest/globals';
import { defaultPolicy } from '@trustgate/core';
import { kerasConfigAnalyser, kerasH5Analyser, kerasMetadataAnalyser, kerasSavedMetadataAnalyser } from '../../src/formats/keras/index.js';
import { analyseBytes, analyseFixture, fixture, fuzzAnalyser, head, rules } from './harness.js';

describe('keras', () => {
  it('passes a benign HDF5 model and a weights-only file', async () => {
    const a = await analyseFixture(kerasH5Analyser, 'keras/benign.h5');
    expect(a.verdict).toBe('safe');
    expect(a.metadata).toEqual({ framework: 'keras', formatVersion: '2.15.0', properties: { config: 'present', backend: 'tensorflow' } });
    expect(kerasH5Analyser.sniff(head(fixture('keras/benign.h5')), undefined as never)).toBe(true);
    const w = await analyseFixture(kerasH5Analyser, 'keras/weights-only.weights.h5');
    expect(w.verdict).toBe('safe');
    expect(w.metadata?.properties?.['config']).toBe('weights only');
  });

  it('finds a Lambda nested in a wrapper inside a nested model, with its bytecode names', async () => {
    const a = await analyseFixture(kerasH5Analyser, 'keras/lambda.h5');
    expect(a.verdict).toBe('unsafe');
    expect(rules(a)).toEqual(['TG-KRS-001']);
    expect(a.findings[0]?.message).toContain('$.config.layers[1].config.layers[0].config.layer');
    expect(a.findings[0]?.evidence?.split(', ')).toEqual(
      expect.arrayContaining(['__import__', 'os', 'system', 'touch /tmp/pwned', '<payload>']),
    );
  });

  it('reads a model_config too large for the object header (dense attribute storage)', async () => {
    const a = await analyseFixture(kerasH5Analyser, 'keras/large-config.h5');
    expect(rules(a)).toEqual(['TG-KRS-001']);
    expect(a.findings[0]?.message).toContain('$.config.layers[1500]');
  });

  it('reads keras_metadata.pb of a TF-Keras SavedModel and finds its Lambda layer', async () => {
    expect(kerasSavedMetadataAnalyser.sniff(head(fixture('savedmodel/keras/keras_metadata.pb')), undefined as never)).toBe(true);
    const a = await analyseFixture(kerasSavedMetadataAnalyser, 'savedmodel/keras/keras_metadata.pb');
    expect(a.verdict).toBe('unsafe');
    expect(a.findings.map((f) => f.rule)).toEqual(['TG-KRS-001']);
    expect(a.findings[0]?.message).toContain('at root.layer-0 runs Python code');
    const benign = await analyseFixture(kerasSavedMetadataAnalyser, 'savedmodel/keras/benign_keras_metadata.pb');
    expect([benign.verdict, benign.metadata]).toEqual(['safe', { framework: 'keras', properties: { objects: '1' } }]);
    await fuzzAnalyser(kerasSavedMetadataAnalyser, fixture('savedmodel/keras/keras_metadata.pb'), { numRuns: 100 });
  });

  it('passes a benign .keras config and reads metadata.json', async () => {
    expect(kerasConfigAnalyser.sniff(head(fixture('keras/benign-config.json')), undefined as never)).toBe(true);
    expect((await analyseFixture(kerasConfigAnalyser, 'keras/benign-config.json')).verdict).toBe('safe');
    expect(kerasMetadataAnalyser.sniff(head(fixture('keras/metadata.json')), undefined as never)).toBe(true);
    expect((await analyseFixture(kerasMetadataAnalyser, 'keras/metadata.json')).metadata).toEqual({
      framework: 'keras',
      formatVersion: '3.6.0',
    });
  });

  it('flags a Keras 3 Lambda once', async () => {
    const a = await analyseFixture(kerasConfigAnalyser, 'keras/lambda-config.json');
    expect(a.findings.map((f) => f.rule)).toEqual(['TG-KRS-001']);
  });

  it('flags the safe_mode bypass family', async () => {
    const a = await analyseFixture(kerasConfigAnalyser, 'keras/bypass-config.json');
    expect(a.verdict).toBe('unsafe');
    expect(a.findings.map((f) => [f.rule, f.evidence]).sort()).toEqual([
      ['TG-KRS-002', 'keras.config.enable_unsafe_deserialization'],
      ['TG-KRS-002', 'keras.utils.get_file'],
      ['TG-KRS-002', 'os.system'],
      ['TG-KRS-003', 'TorchModuleWrapper'],
      ['TG-KRS-003', 'enable_unsafe_deserialization'],
      ['TG-KRS-003', 'get_file'],
      ['TG-KRS-003', 'system'],
      ['TG-KRS-004', 'acme>MyLayer'],
    ]);
  });

  it('accepts allowlisted modules and custom objects from the policy', async () => {
    const policy = defaultPolicy().scan;
    policy.keras.allowModules = ['acme.*'];
    policy.keras.allowRegisteredNames = ['acme>Block'];
    const config = { module: 'acme.layers', class_name: 'Block', registered_name: 'acme>Block', config: {} };
    const a = await analyseBytes(kerasConfigAnalyser, 'config.json', new TextEncoder().encode(JSON.stringify(config)), policy);
    expect(a.verdict).toBe('safe');
  });

  it('refuses random HDF5 bytes and never crashes on mutated ones', async () => {
    const base = fixture('keras/lambda.h5');
    await fuzzAnalyser(
      kerasH5Analyser,
      base,
      { magic: [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a], maxLength: 512, numRuns: 200 },
      ({ kind, analysis }) => {
        if (kind === 'random') expect(analysis.verdict).toBe('error');
        // A mutation can legitimately defuse the payload (e.g. "Lambda" -> "Lambdb"); a pass must still be a Keras read.
        else if (analysis.verdict === 'safe') expect(analysis.metadata?.framework).toBe('keras');
      },
    );
  });
});
