import { twoSidedP, Z95 } from './normal.js';
import type { SurvivalSamples } from './samples.js';

export type Ties = 'efron' | 'breslow';

export interface CoxOptions {
  ties?: Ties;
  maxIterations?: number;
  /** Convergence: relative change of the log partial likelihood (R's coxph default, 1e-9). */
  tolerance?: number;
}

export interface CoxCoefficient {
  beta: number;
  hazardRatio: number;
  /** Model-based standard error (inverse information), and the cluster-robust one (sandwich over `cluster`). */
  se: number;
  robustSe: number;
  /** 95 % interval of the hazard ratio from the robust standard error. */
  low: number;
  high: number;
  /** Two-sided Wald p-value, robust. */
  p: number;
}

export interface CoxFit {
  ties: Ties;
  coefficients: CoxCoefficient[];
  logLikelihood: number;
  nullLogLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Weighted subjects and events used, and clusters for the robust variance. */
  subjects: number;
  events: number;
  clusters: number;
}

interface Pass {
  loglik: number;
  score: Float64Array;
  info: Float64Array;
}

/**
 * Cox proportional-hazards fit, stratified (each stratum its own baseline hazard), weights as frequency weights
 * (a record of weight w is w identical subjects, so w tied events are w deaths for Efron's approximation).
 * Newton–Raphson from beta = 0 with step halving; robust variance clustered on `cluster`. Undefined when there are
 * no events or the information is singular (a covariate that never varies within a stratum with events).
 */
export function coxFit(s: SurvivalSamples, options: CoxOptions = {}): CoxFit | undefined {
  const ties = options.ties ?? 'efron';
  const maxIterations = options.maxIterations ?? 30;
  const tolerance = options.tolerance ?? 1e-9;
  const p = s.covariates;
  let events = 0;
  let subjects = 0;
  for (let i = 0; i < s.length; i++) {
    subjects += s.weight[i] as number;
    if (s.event[i]) events += s.weight[i] as number;
  }
  if (events === 0) return undefined;
  const order = descendingOrder(s);
  const x = centred(s);
  let beta = new Float64Array(p);
  let pass = evaluate(s, x, order, beta, ties);
  const nullLogLikelihood = pass.loglik;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const step = solve(pass.info, pass.score, p);
    if (!step) return undefined;
    let next = beta.map((b, j) => b + (step[j] as number));
    let trial = evaluate(s, x, order, next, ties);
    // Step halving keeps the likelihood from going down (Newton can overshoot when a ratio runs towards 0 or infinity).
    for (let h = 0; h < 20 && !(trial.loglik >= pass.loglik - 1e-12 * Math.abs(pass.loglik)); h++) {
      next = beta.map((b, j) => b + ((next[j] as number) - b) / 2);
      trial = evaluate(s, x, order, next, ties);
    }
    const done = Math.abs(trial.loglik - pass.loglik) <= tolerance * Math.abs(pass.loglik);
    beta = next;
    pass = trial;
    if (done) {
      converged = true;
      break;
    }
  }
  const variance = invert(pass.info, p);
  if (!variance) return undefined;
  const meat = clusteredScores(s, x, order, beta, ties);
  const robust = sandwich(variance, meat.outer, p);
  const coefficients = [...beta].map((b, j): CoxCoefficient => {
    const se = Math.sqrt(variance[j * p + j] as number);
    const robustSe = Math.sqrt(robust[j * p + j] as number);
    return {
      beta: b,
      hazardRatio: Math.exp(b),
      se,
      robustSe,
      low: Math.exp(b - Z95 * robustSe),
      high: Math.exp(b + Z95 * robustSe),
      p: twoSidedP(b / robustSe),
    };
  });
  return {
    ties,
    coefficients,
    logLikelihood: pass.loglik,
    nullLogLikelihood,
    iterations,
    converged,
    subjects,
    events,
    clusters: meat.clusters,
  };
}

/** Stratum ascending, time descending: walking it, each risk set is everything already seen in the stratum. */
function descendingOrder(s: SurvivalSamples): Uint32Array {
  const idx = Array.from({ length: s.length }, (_, i) => i);
  idx.sort((a, b) => (s.stratum[a] as number) - (s.stratum[b] as number) || (s.time[b] as number) - (s.time[a] as number));
  return Uint32Array.from(idx);
}

/** Covariates minus their weighted mean: the same fit, with exp() kept in range. */
function centred(s: SurvivalSamples): Float64Array {
  const p = s.covariates;
  const mean = new Float64Array(p);
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const w = s.weight[i] as number;
    total += w;
    for (let j = 0; j < p; j++) mean[j] = (mean[j] as number) + w * (s.x[i * p + j] as number);
  }
  const x = new Float64Array(s.x.length);
  for (let i = 0; i < s.length; i++) for (let j = 0; j < p; j++) x[i * p + j] = (s.x[i * p + j] as number) - (mean[j] as number) / total;
  return x;
}

/** Visit each group of records sharing a stratum and a time, as [from, to) positions of `order`. */
function groups(s: SurvivalSamples, order: Uint32Array, visit: (from: number, to: number, newStratum: boolean) => void): void {
  let k = 0;
  let stratum = Number.NaN;
  while (k < order.length) {
    const first = order[k] as number;
    const t = s.time[first] as number;
    const st = s.stratum[first] as number;
    let e = k + 1;
    while (e < order.length && s.time[order[e] as number] === t && s.stratum[order[e] as number] === st) e++;
    visit(k, e, st !== stratum);
    stratum = st;
    k = e;
  }
}

/** Efron spreads d tied deaths over d steps (step r removes r/d of the dead from the risk set); Breslow uses one. */
function tieSteps(ties: Ties, dead: number): { steps: number; each: number } {
  return ties === 'efron' ? { steps: dead, each: 1 } : { steps: 1, each: dead };
}

/** Log partial likelihood, score and information at `beta`. */
function evaluate(s: SurvivalSamples, x: Float64Array, order: Uint32Array, beta: Float64Array, ties: Ties): Pass {
  const p = s.covariates;
  const eta = linearPredictor(x, beta, s.length, p);
  const score = new Float64Array(p);
  const info = new Float64Array(p * p);
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  const d1 = new Float64Array(p);
  const d2 = new Float64Array(p * p);
  const mean = new Float64Array(p);
  let s0 = 0;
  let loglik = 0;
  groups(s, order, (from, to, newStratum) => {
    if (newStratum) {
      s0 = 0;
      s1.fill(0);
      s2.fill(0);
    }
    let dead = 0;
    let d0 = 0;
    d1.fill(0);
    d2.fill(0);
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      const w = s.weight[i] as number;
      const r = w * Math.exp(eta[i] as number);
      s0 += r;
      addOuter(s1, s2, x, i, p, r);
      if (s.event[i]) {
        dead += w;
        d0 += r;
        addOuter(d1, d2, x, i, p, r);
        loglik += w * (eta[i] as number);
        for (let j = 0; j < p; j++) score[j] = (score[j] as number) + w * (x[i * p + j] as number);
      }
    }
    if (dead === 0) return;
    const { steps, each } = tieSteps(ties, dead);
    for (let r = 0; r < steps; r++) {
      const f = ties === 'efron' ? r / dead : 0;
      const den = s0 - f * d0;
      loglik -= each * Math.log(den);
      for (let j = 0; j < p; j++) {
        mean[j] = ((s1[j] as number) - f * (d1[j] as number)) / den;
        score[j] = (score[j] as number) - each * (mean[j] as number);
      }
      for (let j = 0; j < p; j++)
        for (let l = 0; l < p; l++) {
          const m = j * p + l;
          info[m] =
            (info[m] as number) + each * (((s2[m] as number) - f * (d2[m] as number)) / den - (mean[j] as number) * (mean[l] as number));
        }
    }
  });
  return { loglik, score, info };
}

function linearPredictor(x: Float64Array, beta: Float64Array, n: number, p: number): Float64Array {
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let j = 0; j < p; j++) e += (x[i * p + j] as number) * (beta[j] as number);
    eta[i] = e;
  }
  return eta;
}

function addOuter(v: Float64Array, m: Float64Array, x: Float64Array, i: number, p: number, r: number): void {
  for (let j = 0; j < p; j++) {
    const xj = x[i * p + j] as number;
    v[j] = (v[j] as number) + r * xj;
    for (let l = 0; l < p; l++) m[j * p + l] = (m[j * p + l] as number) + r * xj * (x[i * p + l] as number);
  }
}

/** Hazard pieces of one (stratum, time) group with events: for those at risk (a, b) and those dying there (aDead, bDead, c). */
interface EventStep {
  a: number;
  b: Float64Array;
  aDead: number;
  bDead: Float64Array;
  c: Float64Array;
}

/**
 * Score residuals summed per cluster; their outer products are the sandwich's meat. A record's residual is its event
 * term minus its share of every risk set it was in; under Efron the tied dead stay at risk with weight 1 - r/d in
 * step r (as R's survival package defines them).
 */
function clusteredScores(
  s: SurvivalSamples,
  x: Float64Array,
  order: Uint32Array,
  beta: Float64Array,
  ties: Ties,
): { outer: Float64Array; clusters: number } {
  const p = s.covariates;
  const eta = linearPredictor(x, beta, s.length, p);
  const bounds: [number, number, EventStep | undefined][] = [];
  const s1 = new Float64Array(p);
  const d1 = new Float64Array(p);
  let s0 = 0;
  groups(s, order, (from, to, newStratum) => {
    if (newStratum) {
      s0 = 0;
      s1.fill(0);
    }
    let dead = 0;
    let d0 = 0;
    d1.fill(0);
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      const r = (s.weight[i] as number) * Math.exp(eta[i] as number);
      s0 += r;
      for (let j = 0; j < p; j++) s1[j] = (s1[j] as number) + r * (x[i * p + j] as number);
      if (s.event[i]) {
        dead += s.weight[i] as number;
        d0 += r;
        for (let j = 0; j < p; j++) d1[j] = (d1[j] as number) + r * (x[i * p + j] as number);
      }
    }
    if (dead === 0) {
      bounds.push([from, to, undefined]);
      return;
    }
    const step: EventStep = { a: 0, b: new Float64Array(p), aDead: 0, bDead: new Float64Array(p), c: new Float64Array(p) };
    const { steps, each } = tieSteps(ties, dead);
    for (let r = 0; r < steps; r++) {
      const f = ties === 'efron' ? r / dead : 0;
      const den = s0 - f * d0;
      const keep = 1 - f;
      step.a += each / den;
      step.aDead += (each * keep) / den;
      for (let j = 0; j < p; j++) {
        const mean = ((s1[j] as number) - f * (d1[j] as number)) / den;
        step.b[j] = (step.b[j] as number) + (each * mean) / den;
        step.bDead[j] = (step.bDead[j] as number) + (each * keep * mean) / den;
        step.c[j] = (step.c[j] as number) + (each * mean) / dead;
      }
    }
    bounds.push([from, to, step]);
  });
  // Walk each stratum in ascending time, carrying the hazard pieces of earlier event times.
  const byCluster = new Map<number, Float64Array>();
  let cumA = 0;
  const cumB = new Float64Array(p);
  let stratum = Number.NaN;
  for (let g = bounds.length - 1; g >= 0; g--) {
    const [from, to, step] = bounds[g] as [number, number, EventStep | undefined];
    const st = s.stratum[order[from] as number] as number;
    if (st !== stratum) {
      cumA = 0;
      cumB.fill(0);
      stratum = st;
    }
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      const w = s.weight[i] as number;
      const risk = Math.exp(eta[i] as number);
      const dead = s.event[i] === 1;
      const a = cumA + (step ? (dead ? step.aDead : step.a) : 0);
      let u = byCluster.get(s.cluster[i] as number);
      if (!u) {
        u = new Float64Array(p);
        byCluster.set(s.cluster[i] as number, u);
      }
      for (let j = 0; j < p; j++) {
        const xj = x[i * p + j] as number;
        const b = (cumB[j] as number) + (step ? ((dead ? step.bDead[j] : step.b[j]) as number) : 0);
        let residual = -risk * (xj * a - b);
        if (dead && step) residual += xj - (step.c[j] as number);
        u[j] = (u[j] as number) + w * residual;
      }
    }
    if (step) {
      cumA += step.a;
      for (let j = 0; j < p; j++) cumB[j] = (cumB[j] as number) + (step.b[j] as number);
    }
  }
  const outer = new Float64Array(p * p);
  for (const u of byCluster.values())
    for (let j = 0; j < p; j++)
      for (let l = 0; l < p; l++) outer[j * p + l] = (outer[j * p + l] as number) + (u[j] as number) * (u[l] as number);
  return { outer, clusters: byCluster.size };
}

function multiply(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let v = 0;
      for (let k = 0; k < p; k++) v += (a[i * p + k] as number) * (b[k * p + j] as number);
      out[i * p + j] = v;
    }
  return out;
}

function sandwich(bread: Float64Array, meat: Float64Array, p: number): Float64Array {
  return multiply(multiply(bread, meat, p), bread, p);
}

/** Gauss–Jordan inverse with partial pivoting; undefined when singular. */
function invert(m: Float64Array, p: number): Float64Array | undefined {
  const a = Float64Array.from(m);
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) inv[i * p + i] = 1;
  let scale = 0;
  for (const v of m) scale = Math.max(scale, Math.abs(v));
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r * p + c] as number) > Math.abs(a[pivot * p + c] as number)) pivot = r;
    const v = a[pivot * p + c] as number;
    if (!(Math.abs(v) > 1e-12 * scale)) return undefined;
    for (let k = 0; k < p; k++) {
      [a[c * p + k], a[pivot * p + k]] = [a[pivot * p + k] as number, a[c * p + k] as number];
      [inv[c * p + k], inv[pivot * p + k]] = [inv[pivot * p + k] as number, inv[c * p + k] as number];
    }
    for (let k = 0; k < p; k++) {
      a[c * p + k] = (a[c * p + k] as number) / v;
      inv[c * p + k] = (inv[c * p + k] as number) / v;
    }
    for (let r = 0; r < p; r++) {
      const f = a[r * p + c] as number;
      if (r === c || f === 0) continue;
      for (let k = 0; k < p; k++) {
        a[r * p + k] = (a[r * p + k] as number) - f * (a[c * p + k] as number);
        inv[r * p + k] = (inv[r * p + k] as number) - f * (inv[c * p + k] as number);
      }
    }
  }
  return inv;
}

function solve(info: Float64Array, score: Float64Array, p: number): Float64Array | undefined {
  const inv = invert(info, p);
  if (!inv) return undefined;
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let v = 0;
    for (let j = 0; j < p; j++) v += (inv[i * p + j] as number) * (score[j] as number);
    out[i] = v;
  }
  return out;
}
