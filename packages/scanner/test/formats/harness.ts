import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPolicy, type ScanPolicy } from '@trustgate/core';
import type { Analysis, FormatAnalyser } from '../../src/analyser.js';
import { bufferSource } from '../../src/source.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/formats');

/** A scanNested stub: the real dispatcher lives in the scanner core; these tests drive one analyser at a time. */
async function noNested(): Promise<Analysis> {
  return { format: 'unknown', findings: [], verdict: 'review' };
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
