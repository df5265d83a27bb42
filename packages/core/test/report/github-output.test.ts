import { describe, expect, it } from '@jest/globals';
import { buildReport, type FileResult, ruleCatalog, STEP_SUMMARY_LIMIT, toSarif, toStepSummary } from '@trustgate/core';

const file = (path: string, verdict: FileResult['verdict'], findings: FileResult['findings'] = []): FileResult => ({
  path,
  format: verdict === 'safe' ? 'unknown' : 'pickle',
  sha256: 'a'.repeat(64),
  verdict,
  findingVerdict: verdict === 'error' ? 'safe' : verdict,
  completeness: verdict === 'error' ? 'failed' : 'complete',
  findings,
});
const critical = (i: number) => ({
  rule: 'TG-PKL-001',
  severity: 'critical' as const,
  message: `imports posix.system: runs commands (${'x'.repeat(200)}) #${i}`,
});

describe('the step summary at GitHub scale', () => {
  it('stays under 1 MiB for 50,000 files, findings first (worst first), counts for the rest', () => {
    const files: FileResult[] = [];
    for (let i = 0; i < 50_000; i++) {
      if (i % 25 === 0) files.push(file(`models/m${i}.pkl`, 'unsafe', [critical(i), critical(i + 1), critical(i + 2)]));
      else if (i % 97 === 0)
        files.push(file(`models/r${i}.joblib`, 'review', [{ rule: 'TG-PKL-010', severity: 'medium', message: 'imports sklearn' }]));
      else files.push(file(`src/f${i}.py`, 'safe', [{ rule: 'TG-SRC-000', severity: 'info', message: 'not a model' }]));
    }
    const report = buildReport(files, ['unsafe', 'error'], { name: 'trustgate', version: 't' });
    const md = toStepSummary(report, { title: 'trustgate model scan', reportPath: '/tmp/r.json' });
    expect(Buffer.byteLength(md)).toBeLessThan(STEP_SUMMARY_LIMIT / 2);
    expect(md.split('\n')[0]).toBe('### trustgate model scan: ⛔ unsafe (blocking)');
    expect(md).toContain('50000 files: ');
    // Unsafe rows come before review rows; the rest is counted, and where to find it is named.
    expect(md.indexOf('⛔ unsafe | TG-PKL-001')).toBeLessThan(
      md.indexOf('🟡 review') === -1 ? Number.MAX_SAFE_INTEGER : md.indexOf('🟡 review'),
    );
    expect(md).toMatch(/_\d+ more rows of 6495 \(findings of 2495 files\) are not shown here: see the JSON report `\/tmp\/r.json`\._/);
    expect(md).toMatch(/\| unknown \| 47505 \|/);
  });

  it('a small scan lists every finding and no "more rows" line', () => {
    const report = buildReport([file('a.pkl', 'unsafe', [critical(1)]), file('b.py', 'safe')], ['unsafe'], { name: 't', version: 't' });
    const md = toStepSummary(report, { title: 'scan', maxBytes: 100_000 });
    expect(md).toContain('| `a.pkl` | ⛔ unsafe | TG-PKL-001 | critical |');
    expect(md).not.toContain('more rows');
  });
});

describe('SARIF as code scanning maps it', () => {
  const report = buildReport(
    [
      file('/ws/models/evil.pkl', 'unsafe', [critical(1), { rule: 'TG-INFO', severity: 'info', message: 'metadata' }]),
      file('models/inner.zip', 'unsafe', [{ ...critical(2), location: { path: 'models/inner.zip!/a.pkl', offset: 12 } }]),
      file('/elsewhere/x.pkl', 'unsafe', [critical(3)]),
      file('src/a.py', 'safe', [{ rule: 'TG-INFO', severity: 'info', message: 'metadata' }]),
    ],
    ['unsafe'],
    { name: 'trustgate', version: '1' },
  );
  const sarif = toSarif(report, ruleCatalog(), { root: '/ws', cwd: '/ws', automationId: 'trustgate/model-scan/' }) as {
    runs: {
      automationDetails: { id: string };
      originalUriBaseIds: Record<string, { uri: string }>;
      results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
      tool: { driver: { rules: { id: string }[] } };
    }[];
  };
  const run = sarif.runs[0]!;
  it('uses URIs relative to the checkout under %SRCROOT%, absolute file: URIs only outside it', () => {
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///ws/' } });
    expect(run.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation)).toEqual([
      { uri: 'models/evil.pkl', uriBaseId: '%SRCROOT%' },
      { uri: 'models/inner.zip', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///elsewhere/x.pkl' },
    ]);
  });
  it('names the gate in automationDetails and leaves info-level findings (and their rules) out', () => {
    expect(run.automationDetails).toEqual({ id: 'trustgate/model-scan/' });
    expect(run.results.map((r) => r.ruleId)).toEqual(['TG-PKL-001', 'TG-PKL-001', 'TG-PKL-001']);
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['TG-PKL-001']);
  });
});
