import { describe, expect, test } from '@jest/globals';
import { coxFit } from '../../src/survival/cox.js';
import { SurvivalTable } from '../../src/survival/samples.js';
import { expandedCsv, generatedRows, table } from './data.js';
import { rSurvival, runR } from './r-survival.js';

describe('Cox proportional hazards', () => {
  test('two subjects, one event each: the closed form (beta = 0, information 1/4 per event)', () => {
    // Times 1 (x=1) and 2 (x=0): at t=1 both are at risk; the MLE runs to infinity, so use three subjects instead:
    // x=1 dies at 1, x=0 dies at 2, x=1 censored at 3. Score at 0: (1 - 2/3) + (0 - 1/2) = -1/6.
    const t = new SurvivalTable(1);
    t.add(1, true, 1, 0, 0, [1]);
    t.add(2, true, 1, 0, 1, [0]);
    t.add(3, false, 1, 0, 2, [1]);
    const fit = coxFit(t.samples(), { ties: 'breslow' });
    // Log partial likelihood: b - log(2e^b + 1) + 0 - log(e^b + 1); its maximum solves 1 - 2e^b/(2e^b+1) - e^b/(e^b+1) = 0.
    const b = fit?.coefficients[0]?.beta as number;
    expect(1 - (2 * Math.exp(b)) / (2 * Math.exp(b) + 1) - Math.exp(b) / (Math.exp(b) + 1)).toBeCloseTo(0, 9);
    expect(fit?.logLikelihood).toBeCloseTo(b - Math.log(2 * Math.exp(b) + 1) - Math.log(Math.exp(b) + 1), 9);
    expect(fit?.converged).toBe(true);
  });

  test('frequency weights equal repeated records, Efron and Breslow alike', () => {
    const rows = generatedRows(7, 120);
    const expanded = rows.flatMap((r) => Array.from({ length: r.weight }, () => ({ ...r, weight: 1 })));
    for (const ties of ['efron', 'breslow'] as const) {
      const a = coxFit(table(rows).samples(), { ties });
      const b = coxFit(table(expanded).samples(), { ties });
      a?.coefficients.forEach((c, j) => {
        expect(c.beta).toBeCloseTo(b?.coefficients[j]?.beta as number, 8);
        expect(c.se).toBeCloseTo(b?.coefficients[j]?.se as number, 8);
        expect(c.robustSe).toBeCloseTo(b?.coefficients[j]?.robustSe as number, 8);
      });
      expect(a?.logLikelihood).toBeCloseTo(b?.logLikelihood as number, 6);
    }
  });

  test('no events, or a covariate that never varies: no fit', () => {
    const none = new SurvivalTable(1);
    none.add(1, false, 3, 0, 0, [1]);
    none.add(2, false, 1, 0, 1, [0]);
    expect(coxFit(none.samples())).toBeUndefined();
    const flat = new SurvivalTable(1);
    flat.add(1, true, 3, 0, 0, [1]);
    flat.add(2, true, 1, 0, 1, [1]);
    expect(coxFit(flat.samples())).toBeUndefined();
  });

  const haveR = rSurvival();
  (haveR ? describe : describe.skip)('parity with R survival::coxph', () => {
    test.each(['efron', 'breslow'] as const)('%s ties, strata, clusters: coefficients, variances and likelihoods agree', (ties) => {
      const rows = generatedRows(11, 400);
      const fit = coxFit(table(rows).samples(), { ties });
      const r = runR(
        expandedCsv(rows),
        `f <- coxph(Surv(time, event) ~ x1 + x2 + strata(stratum) + cluster(cluster), data = d, ties = "${ties}");
         out(coef(f), sqrt(diag(f$naive.var)), sqrt(diag(f$var)), f$loglik)`,
      );
      const [b1, b2, se1, se2, rse1, rse2, ll0, ll] = r as [number, number, number, number, number, number, number, number];
      const c = fit?.coefficients ?? [];
      expect(c[0]?.beta).toBeCloseTo(b1, 6);
      expect(c[1]?.beta).toBeCloseTo(b2, 6);
      expect(c[0]?.se).toBeCloseTo(se1, 6);
      expect(c[1]?.se).toBeCloseTo(se2, 6);
      expect(c[0]?.robustSe).toBeCloseTo(rse1, 6);
      expect(c[1]?.robustSe).toBeCloseTo(rse2, 6);
      expect(fit?.nullLogLikelihood).toBeCloseTo(ll0, 7);
      expect(fit?.logLikelihood).toBeCloseTo(ll, 7);
    });
  });
});
