import { describe, expect, test } from '@jest/globals';
import { blocksFile, combineVerdict, defaultPolicy } from '@trustgate/core';
import { analyseSource, bufferSource } from '@trustgate/scanner';
import { type FuzzCase, generate } from './grammar.js';
import { FUZZ_REGRESSIONS } from './regressions.js';

// A short fixed-seed run in every test run; `npm run fuzz` runs longer (FUZZ_SECONDS, FUZZ_SEED, FUZZ_CASES).
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const CASES = Number(process.env.FUZZ_CASES ?? 400);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
const policy = { ...defaultPolicy().scan, limits: { ...defaultPolicy().scan.limits, maxOpcodes: 200_000 } };

/** What is wrong with the scanner's answer for a case of known ground truth, or undefined. */
async function judge(c: FuzzCase): Promise<string | undefined> {
  const a = await analyseSource(bufferSource('fuzz', c.bytes), policy);
  if (a.verdict !== combineVerdict(a.findingVerdict, a.completeness)) return `inconsistent verdict ${a.verdict}`;
  if (c.unknown) return undefined;
  if (c.malicious && a.findingVerdict !== 'unsafe') return `payload not found (${a.verdict}, ${c.how})`;
  if (c.malicious && !blocksFile(a, policy.failOn)) return `payload passes the default policy (${c.how})`;
  // Refused though pickle.load may read them: junk after a pickle (review), a straddled frame (error), and a zip
  // inside the pickle's bytes, which zipfile.is_zipfile also takes the whole file for (a polyglot, review).
  const refused = ['junk after', 'framed, straddling', 'nested in _load_from_bytes'];
  if (!c.malicious && !refused.includes(c.how) && a.verdict !== 'safe')
    return `benign program is ${a.verdict}: ${a.findings.map((f) => f.rule).join(',')}`;
  return undefined;
}

describe('fuzz: grammar pickles with known ground truth', () => {
  test('regressions found by earlier runs stay fixed', async () => {
    const failing: string[] = [];
    for (const r of FUZZ_REGRESSIONS) {
      const why = await judge(generate(r.seed));
      if (why) failing.push(`${r.name} (seed ${r.seed}): ${why}`);
    }
    expect(failing).toEqual([]);
  });

  test(
    `${CASES} cases from seed ${SEED}`,
    async () => {
      const failures: string[] = [];
      const deadline = Date.now() + SECONDS * 1000;
      let ran = 0;
      for (let i = 0; i < CASES && Date.now() < deadline; i++, ran++) {
        const seed = SEED * 1_000_003 + i;
        const c = generate(seed);
        const why = await judge(c);
        if (why) failures.push(`seed ${seed}: ${why}; bytes ${Buffer.from(c.bytes).toString('hex').slice(0, 400)}`);
        if (failures.length >= 10) break;
      }
      if (process.env.FUZZ_REPORT) console.log(`fuzz: ${ran} cases, ${failures.length} failures`);
      // A failure is a bypass or a false alarm: add its seed to regressions.ts once fixed.
      expect(failures).toEqual([]);
    },
    (SECONDS + 30) * 1000,
  );
});
