import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import { defaultPolicy, type ScanPolicy, VERDICTS } from '@trustgate/core';
import fc from 'fast-check';
import type { Analysis, FormatAnalyser } from '../../src/analyser.js';
import { bufferSource } from '../../src/source.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/formats');

/** A scanNested stub: the real dispatcher lives in the scanner core; these tests drive one analyser at a time. */
async function noNested(): Promise<Analysis> {
  return { format: 'unknown', findings: [], verdict: 'review', findingVerdict: 'review', completeness: 'complete' };
}

export async function analyseBytes(
  analyser: FormatAnalyser,
  name: string,
  bytes: Uint8Array,
  policy?: ScanPolicy,
  directory?: string,
): Promise<Analysis> {
  const source = bufferSource(name, bytes, directory);
  return analyser.analyse({ source, policy: policy ?? defaultPolicy().scan, depth: 0, scanNested: noNested });
}

export function fixture(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, rel)));
}

export async function analyseFixture(analyser: FormatAnalyser, rel: string, policy?: ScanPolicy): Promise<Analysis> {
  const file = path.join(FIXTURES, rel);
  return analyseBytes(analyser, rel, fixture(rel), policy, path.dirname(file));
}

export function rules(a: Analysis): string[] {
  return [...new Set(a.findings.map((f) => f.rule))].sort();
}

/** First bytes as the dispatcher hands them to `sniff`. */
export function head(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(0, 4096);
}

export interface FuzzCase {
  kind: 'random' | 'mutated';
  bytes: Uint8Array;
  analysis: Analysis;
}

/**
 * Random bytes behind a format's magic, and single-byte mutations of a real fixture: every one must come back
 * with a verdict (no throw, no hang); `check` adds the format's own property.
 */
export async function fuzzAnalyser(
  analyser: FormatAnalyser,
  base: Uint8Array,
  options: { magic?: number[]; maxLength?: number; numRuns?: number },
  check: (c: FuzzCase) => void = () => {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: options.maxLength ?? 300 }),
      fc.nat(base.length - 1),
      fc.integer({ min: 0, max: 255 }),
      async (noise, at, byte) => {
        const cases = [
          { kind: 'random' as const, bytes: new Uint8Array([...(options.magic ?? []), ...noise]) },
          { kind: 'mutated' as const, bytes: Uint8Array.from(base, (b, i) => (i === at ? byte : b)) },
        ];
        for (const c of cases) {
          const analysis = await analyseBytes(analyser, `fuzz.${analyser.format}`, c.bytes);
          expect(VERDICTS).toContain(analysis.verdict);
          check({ ...c, analysis });
        }
      },
    ),
    { numRuns: options.numRuns ?? 300 },
  );
}
