import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { blocksFile, defaultPolicy } from '@trustgate/core';
import { analyseSource, bufferSource } from '@trustgate/scanner';
import { type Attack, ATTACKS } from './attacks.js';

const policy = defaultPolicy().scan;
const BENIGN = join(dirname(fileURLToPath(import.meta.url)), 'benign');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : [join(dir, e)]));
}

const counts = new Map<string, { blocked: number; total: number }>();

describe('public corpus: every attack blocks under the default policy', () => {
  test.each(ATTACKS.map((a) => [a.name, a] as const))('%s', async (_name, attack: Attack) => {
    const a = await analyseSource(bufferSource(attack.file ?? 'sample', attack.bytes()), policy);
    const c = counts.get(attack.class) ?? { blocked: 0, total: 0 };
    c.total++;
    if (blocksFile(a, policy.failOn)) c.blocked++;
    counts.set(attack.class, c);
    expect({ verdict: a.verdict, blocks: blocksFile(a, policy.failOn) }).toEqual({ verdict: attack.expect, blocks: true });
  });
});

describe('public corpus: every benign model written by a real library passes', () => {
  const benign = files(BENIGN).filter((f) => !f.endsWith('MANIFEST.json'));
  test.each(benign.map((f) => [f.slice(BENIGN.length + 1), f]))('%s', async (_name, file) => {
    const a = await analyseSource(bufferSource(file, new Uint8Array(readFileSync(file))), policy);
    expect({ verdict: a.verdict, findings: a.findings.filter((f) => f.severity !== 'info' && f.severity !== 'low') }).toEqual({
      verdict: 'safe',
      findings: [],
    });
  });
});
