import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildHistoryReport, type HistoryReport, readHistories } from '@trustgate/metrics';
import { buildSurvivalHistory, DEFAULT_LAW } from '../fixtures/survival-history.js';

let report: HistoryReport;
let cleanup: () => void;

beforeAll(async () => {
  const built = buildSurvivalHistory();
  cleanup = built.cleanup;
  const run = await readHistories([{ dir: built.dir, repo: 'o/known-law' }], { windows: [14, 30, 90], classify: {} });
  report = buildHistoryReport(run, {
    windows: [14, 30, 90],
    asOf: new Date(Date.parse('2025-01-01T00:00:00Z') + DEFAULT_LAW.endDays * 86_400_000).toISOString(),
  });
}, 120_000);
afterAll(() => cleanup?.());

describe('a generated history with a known survival law', () => {
  test("the cohorts come from the commits' markers: agent (Copilot author), assisted (Claude trailer), unknown", () => {
    expect(report.cohorts.map((c) => c.cohort)).toEqual(['agent', 'assisted', 'unknown']);
    const added = report.cohorts.reduce((s, c) => s + c.linesAdded, 0);
    expect(added).toBeGreaterThan(2500);
  });

  test('stratified by file, the Cox hazard ratio of AI lines recovers the true ratio within its 95% interval', () => {
    const ai = report.hazard.byFile?.ratios[0];
    expect(ai?.of).toBe('ai');
    expect(ai?.low).toBeLessThan(DEFAULT_LAW.hazardRatio);
    expect(ai?.high).toBeGreaterThan(DEFAULT_LAW.hazardRatio);
    expect(report.hazard.byFile?.converged).toBe(true);
    // Agent and assisted lines follow the same law.
    for (const r of report.hazard.byCohort?.ratios ?? []) {
      expect(r.low).toBeLessThan(DEFAULT_LAW.hazardRatio);
      expect(r.high).toBeGreaterThan(DEFAULT_LAW.hazardRatio);
    }
    expect(report.hazard.byCohort?.ratios.map((r) => r.of)).toEqual(['agent', 'assisted']);
  });

  test('without file strata the confounded ratio (AI favours high-churn files) lies above the true one', () => {
    const pooled = report.hazard.byRepository?.ratios[0];
    expect(pooled?.low).toBeGreaterThan(DEFAULT_LAW.hazardRatio);
  });

  test('Kaplan–Meier survival falls with time and AI lines survive less than baseline lines', () => {
    const at = (cohort: string, w: number) => report.cohorts.find((c) => c.cohort === cohort)?.windows[w]?.survival as number;
    expect(at('unknown', 0)).toBeGreaterThan(at('unknown', 2));
    expect(at('assisted', 2)).toBeLessThan(at('unknown', 2));
    const curve = report.curves.find((c) => c.cohort === 'unknown')?.points ?? [];
    expect(curve[0]).toMatchObject({ day: 0, survival: 1 });
    expect(curve.every((p, i) => i === 0 || p.survival <= (curve[i - 1]?.survival as number))).toBe(true);
  });
});
