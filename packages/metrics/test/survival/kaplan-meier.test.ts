import { describe, expect, test } from '@jest/globals';
import { kaplanMeier, survivalAt } from '../../src/survival/kaplan-meier.js';
import { SurvivalTable } from '../../src/survival/samples.js';
import { expandedCsv, generatedRows, table } from './data.js';
import { rSurvival, runR } from './r-survival.js';

describe('Kaplan–Meier', () => {
  test('the product-limit estimate and Greenwood variance of a hand-worked example', () => {
    // 10 lines: 3 die at day 2, 2 censored at day 2 (still at risk then), 1 dies at day 5, 4 censored at day 9.
    const t = new SurvivalTable(1);
    t.add(2, true, 3, 0, 0, [0]);
    t.add(2, false, 2, 0, 1, [0]);
    t.add(5, true, 1, 0, 2, [0]);
    t.add(9, false, 4, 0, 3, [0]);
    const curve = kaplanMeier(t.samples());
    expect(curve.steps.map((s) => [s.time, s.atRisk, s.events])).toEqual([
      [2, 10, 3],
      [5, 5, 1],
    ]);
    expect(curve.steps[0]?.survival).toBeCloseTo(0.7, 12);
    expect(curve.steps[1]?.survival).toBeCloseTo(0.7 * 0.8, 12);
    expect(curve.steps[1]?.greenwood).toBeCloseTo(3 / (10 * 7) + 1 / (5 * 4), 12);
    expect(survivalAt(curve, 4.9).survival).toBeCloseTo(0.7, 12);
    expect(survivalAt(curve, 1).survival).toBe(1);
    expect(curve.subjects).toBe(10);
    expect(curve.events).toBe(4);
  });

  const haveR = rSurvival();
  (haveR ? describe : describe.skip)('parity with R survival::survfit', () => {
    test('estimate, Greenwood standard error and log-log interval at every event time', () => {
      const rows = generatedRows(5, 300);
      const curve = kaplanMeier(table(rows).samples());
      const r = runR(
        expandedCsv(rows),
        `f <- survfit(Surv(time, event) ~ 1, data = d, conf.type = "log-log"); k <- f$n.event > 0;
         out(sum(k), f$time[k], f$surv[k], f$std.err[k], pmin(f$lower[k], f$upper[k]), pmax(f$lower[k], f$upper[k]))`,
      );
      const n = r[0] as number;
      expect(curve.steps).toHaveLength(n);
      const col = (c: number) => r.slice(1 + c * n, 1 + (c + 1) * n);
      const [times, surv, se, low, high] = [col(0), col(1), col(2), col(3), col(4)];
      curve.steps.forEach((s, i) => {
        expect(s.time).toBe(times[i]);
        expect(s.survival).toBeCloseTo(surv[i] as number, 10);
        expect(Math.sqrt(s.greenwood)).toBeCloseTo(se[i] as number, 10);
        if (Number.isNaN(low[i] as number)) expect(s.low).toBeNull();
        else {
          expect(s.low).toBeCloseTo(low[i] as number, 10);
          expect(s.high).toBeCloseTo(high[i] as number, 10);
        }
      });
    });
  });
});
