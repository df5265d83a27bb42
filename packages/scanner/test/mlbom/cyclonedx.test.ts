import { describe, expect, it } from '@jest/globals';
import { buildReport, defaultPolicy } from '@trustgate/core';
import { buildMlBom } from '../../src/mlbom/index.js';
import { scanPaths } from '../../src/scan.js';
import { cycloneDxValidator } from '../../../../test/support/cyclonedx-schema.js';
import { FIXTURES } from '../formats/harness.js';

const validator = cycloneDxValidator;

describe('ML-BOM', () => {
  it('emits one machine-learning-model component per model, valid against CycloneDX 1.6', async () => {
    const paths = [
      'onnx/benign.onnx',
      'gguf/ssti.gguf',
      'gguf/benign.gguf',
      'templates/benign/tokenizer_config.json',
      'keras/lambda.keras',
    ];
    const files = await scanPaths(paths, { policy: defaultPolicy().scan, cwd: FIXTURES, workers: 0 });
    const report = buildReport(files, ['unsafe', 'error'], { name: 'trustgate', version: '0.1.0' });
    const bom = buildMlBom(report, {
      timestamp: '2026-11-21T00:00:00.000Z',
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    });
    const validate = validator();
    expect(validate(bom) ? [] : validate.errors).toEqual([]);
    expect(bom.components.map((c) => [c.type, c.name, c.components?.map((f) => f.name)])).toEqual([
      ['machine-learning-model', 'gguf', ['gguf/benign.gguf', 'gguf/ssti.gguf']],
      ['machine-learning-model', 'keras', ['keras/lambda.keras']],
      ['machine-learning-model', 'onnx', ['onnx/benign.onnx']],
    ]);
    const [llm, keras, onnx] = bom.components;
    const prop = (c: typeof onnx, n: string) => c?.properties?.find((p) => p.name === `trustgate:${n}`)?.value;
    expect(onnx?.hashes).toEqual([{ alg: 'SHA-256', content: files[0]?.sha256 }]);
    expect(files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect([prop(onnx, 'verdict'), prop(onnx, 'framework'), prop(onnx, 'opset'), prop(onnx, 'producer')]).toEqual([
      'safe',
      'onnx',
      '17',
      'trustgate-fixtures 1.0',
    ]);
    expect([prop(llm, 'verdict'), prop(llm, 'format'), prop(llm, 'hash-basis')]).toEqual([
      'unsafe',
      'gguf',
      'sha256 manifest of the files',
    ]);
    expect([prop(keras, 'verdict'), prop(keras, 'format')]).toEqual(['unsafe', 'zip']);
    expect(llm?.modelCard).toEqual({ modelParameters: { modelArchitecture: 'llama' } });
  });

  it('the schema check can fail', () => {
    const validate = validator();
    expect(validate({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'machine-learning-model' }] })).toBe(false);
  });
});
