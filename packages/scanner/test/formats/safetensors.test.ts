import { describe, expect, it } from '@jest/globals';
import { safetensorsAnalyser } from '../../src/formats/safetensors/index.js';
import { analyseFixture, fixture, fuzzAnalyser, head, rules } from './harness.js';

describe('safetensors', () => {
  it('passes a well-formed file and reports its tensors', async () => {
    const a = await analyseFixture(safetensorsAnalyser, 'safetensors/benign.safetensors');
    expect(a.verdict).toBe('safe');
    expect(a.findings).toEqual([]);
    expect(a.metadata).toEqual({ framework: 'pytorch', properties: { tensors: '2', parameters: '6', dtypes: 'F16,F32' } });
    expect(safetensorsAnalyser.sniff(head(fixture('safetensors/benign.safetensors')), undefined as never)).toBe(true);
  });

  it.each([
    ['overlap.safetensors', 'unsafe', ['TG-ST-006', 'TG-ST-007']],
    ['shape-mismatch.safetensors', 'unsafe', ['TG-ST-004']],
    ['trailing.safetensors', 'unsafe', ['TG-ST-007']],
    ['bad-dtype.safetensors', 'unsafe', ['TG-ST-003', 'TG-ST-007']],
    ['out-of-range.safetensors', 'unsafe', ['TG-ST-005']],
    ['huge-length.safetensors', 'unsafe', ['TG-ST-002']],
    ['not-json.safetensors', 'error', ['TG-ST-001']],
  ])('flags %s as %s', async (file, verdict, expected) => {
    const a = await analyseFixture(safetensorsAnalyser, `safetensors/${file}`);
    expect(a.verdict).toBe(verdict);
    expect(rules(a)).toEqual(expected);
  });

  it('reads only the header of a huge declared file', async () => {
    const header = new TextEncoder().encode('{"w":{"dtype":"U8","shape":[10737418240],"data_offsets":[0,10737418240]}}');
    const reads: number[] = [];
    const source = {
      name: 'big.safetensors',
      size: 8 + header.length + 10737418240,
      async read(offset: number, length: number) {
        reads.push(length);
        if (offset === 0) return new Uint8Array(new BigUint64Array([BigInt(header.length)]).buffer);
        return header.subarray(0, length);
      },
    };
    const a = await safetensorsAnalyser.analyse({ source, policy: undefined as never, depth: 0, scanNested: async () => a });
    expect(a.verdict).toBe('safe');
    expect(Math.max(...reads)).toBe(header.length);
  });

  it('never calls random or mutated bytes safe unless they validate', async () => {
    const base = fixture('safetensors/benign.safetensors');
    await fuzzAnalyser(safetensorsAnalyser, base, { maxLength: 256 }, ({ bytes, analysis }) => {
      if (analysis.verdict === 'safe') expect([analysis.findings, bytes.length > 8]).toEqual([[], true]);
    });
  });
});
