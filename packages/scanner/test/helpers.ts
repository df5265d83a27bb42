import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPolicy, type ScanPolicy } from '@trustgate/core';
import { analyseSource, bufferSource } from '@trustgate/scanner';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function policy(overrides: Partial<ScanPolicy> = {}): ScanPolicy {
  return { ...defaultPolicy().scan, ...overrides };
}

export function fixture(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, rel)));
}

export async function analyseBytes(bytes: Uint8Array, p: ScanPolicy = policy(), name = 'x') {
  return analyseSource(bufferSource(name, bytes), p);
}

export function rules(a: { findings: { rule: string }[] }): string[] {
  return [...new Set(a.findings.map((f) => f.rule))].sort();
}
