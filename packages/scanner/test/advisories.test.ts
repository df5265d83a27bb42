import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ADVISORIES, type Advisory, advisoryTable, EXTRA_FORMAT_RULES, SCANNER_RULES, scanSarif, SOURCE_RULES } from '@trustgate/scanner';
import { ATTACKS } from './corpus/attacks.js';
import { op, pickle4 } from './corpus/pickle-writer.js';
import { analyseBytes, FIXTURES, fixture, rules } from './helpers.js';

function proofBytes(a: Advisory): { bytes: Uint8Array; name: string } {
  const p = a.proof;
  if ('fixture' in p) return { bytes: fixture(p.fixture), name: p.name ?? p.fixture };
  if ('attack' in p) {
    const attack = ATTACKS.find((x) => x.name === p.attack);
    if (!attack) throw new Error(`${a.id}: no corpus attack named ${p.attack}`);
    return { bytes: attack.bytes(), name: attack.file ?? 'attack.bin' };
  }
  return { bytes: pickle4(p.pickle[0], p.pickle[1], op.unicode('echo pwned')), name: 'model.pkl' };
}

describe('every mapped advisory is caught by its rule on its proof case', () => {
  test.each(ADVISORIES.map((a) => [a.id, a] as const))('%s', async (_id, a) => {
    const { bytes, name } = proofBytes(a);
    const analysis = await analyseBytes(bytes, undefined, name);
    for (const r of a.rules) expect(rules(analysis)).toContain(r);
    expect(['unsafe', 'review', 'error']).toContain(analysis.verdict);
  });

  test('ids are unique and every rule is in the catalog', () => {
    const ids = ADVISORIES.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const catalog = new Set([...SCANNER_RULES, ...EXTRA_FORMAT_RULES, ...SOURCE_RULES].map((r) => r.id));
    expect(ADVISORIES.flatMap((a) => a.rules).filter((r) => !catalog.has(r))).toEqual([]);
  });
});

describe('the advisory map is published from the data', () => {
  test('docs/scanner-advisories.md holds exactly the generated table', () => {
    const doc = readFileSync(join(FIXTURES, '../../../../docs/scanner-advisories.md'), 'utf8');
    const between = /<!-- advisories:start -->\n([\s\S]*?)\n<!-- advisories:end -->/.exec(doc)?.[1];
    expect(between).toBe(advisoryTable());
  });

  test('SARIF rule descriptors carry the advisories and a help URI', async () => {
    const a = await analyseBytes(fixture('formats/breadth/r/promise.rds'), undefined, 'promise.rds');
    const report = {
      tool: { name: 'trustgate', version: '0' },
      summary: {},
      files: [
        {
          path: 'promise.rds',
          format: a.format,
          verdict: a.verdict,
          findingVerdict: a.findingVerdict,
          completeness: a.completeness,
          findings: a.findings,
        },
      ],
    };
    const sarif = scanSarif(report as never) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string; properties: Record<string, unknown> }[] } } }[];
    };
    const rule = sarif.runs[0]?.tool.driver.rules.find((r) => r.id === 'TG-R-002');
    expect(rule?.properties.advisories).toEqual(['CVE-2024-27322']);
    expect(rule?.helpUri).toMatch(/scanner-advisories\.md#tg-r-002$/);
  });
});
