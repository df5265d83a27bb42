import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { combineVerdict, VERDICTS } from '@trustgate/core';
import fc from 'fast-check';
import { analyseBytes, FIXTURES, fixture, policy } from './helpers.js';

// Rules that mean "could not be analysed": a result carrying one is incomplete, so `error` (or `unsafe`), never a pass.
const FAILURE_RULES = new Set(['TG-PKL-004', 'TG-LIM-001', 'TG-ZIP-001', 'TG-ZIP-005', 'TG-ARC-001', 'TG-ARC-002', 'TG-NPY-002']);
// Small limits bound the work per input, so no input can hang the test.
const bounded = policy({ limits: { ...policy().limits, maxOpcodes: 100_000, maxDecompressedBytes: 1 << 22 } });

const BENIGN = ['benign', 'malicious', 'review'].flatMap((d) => readdirSync(join(FIXTURES, d)).map((f) => `${d}/${f}`));

async function check(bytes: Uint8Array) {
  const a = await analyseBytes(bytes, bounded, 'fuzz');
  expect(VERDICTS).toContain(a.verdict);
  if (a.findings.some((f) => FAILURE_RULES.has(f.rule))) {
    expect(a.completeness).not.toBe('complete');
    expect(['error', 'unsafe']).toContain(a.verdict);
  }
  expect(a.verdict).toBe(combineVerdict(a.findingVerdict, a.completeness));
  return a;
}

describe('property: hostile bytes', () => {
  test('random bytes never crash and failures are never safe', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (b) => void (await check(b))),
      { numRuns: 400 },
    );
  });

  test('random bytes behind a pickle protocol header are never safe unless they are a complete pickle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.uint8Array({ maxLength: 512 }), async (proto, body) => {
        const a = await check(new Uint8Array([0x80, proto, ...body]));
        if (!body.includes(0x2e)) expect(a.verdict).not.toBe('safe');
      }),
      { numRuns: 400 },
    );
  });

  test('mutated real fixtures never crash and failures are never safe', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BENIGN),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (file, flips) => {
          const bytes = fixture(file).slice();
          if (bytes.length === 0) return;
          for (const [at, v] of flips) bytes[at % bytes.length] = v;
          await check(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a truncated binary pickle, checkpoint or archive is never safe', async () => {
    const files = BENIGN.filter((f) => !/notes|empty|_p0|_p1/.test(f));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.double({ min: 0.05, max: 0.95, noNaN: true }), async (file, frac) => {
        const bytes = fixture(file);
        // A tar is padded to 10 KiB records; cutting only padding leaves a complete archive, so cut into members.
        const keep = file.endsWith('.tar') ? frac * 0.35 : frac;
        const a = await check(bytes.subarray(0, Math.floor(bytes.length * keep)));
        expect(a.verdict).not.toBe('safe');
      }),
      { numRuns: 300 },
    );
  });
});
