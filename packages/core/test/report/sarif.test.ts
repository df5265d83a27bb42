import { describe, expect, it } from '@jest/globals';
import { toSarif } from '@trustgate/core';
import { sarifValidator } from '../../../../test/support/sarif-schema.js';
import { rules, sampleReport } from '../fixtures/report.js';

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[] }[];
}

describe('toSarif', () => {
  const sarif = toSarif(sampleReport(), rules) as SarifLog;

  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a broken log with the same validator (the check can fail)', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('gives each result what GitHub code scanning requires', () => {
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['TG-TEST-001', 'error'],
      ['TG-TEST-002', 'warning'],
      ['TG-NEW-999', 'error'],
    ]);
    expect(results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual([
      'models/evil%7C1.pkl',
      'models/archive.zip',
      'models/cut.pkl',
    ]);
    expect(results.map((r) => r.locations[0]?.physicalLocation.region)).toEqual([
      { startLine: 1, byteOffset: 12 },
      { startLine: 3, startColumn: 2 },
      { startLine: 1 },
    ]);
    expect(results[0]?.message.text).toBe('calls os.system (os.system)');
  });

  it('describes every rule used, including ones missing from the catalog', () => {
    expect(sarif.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual(['TG-NEW-999', 'TG-TEST-001', 'TG-TEST-002']);
  });
});
