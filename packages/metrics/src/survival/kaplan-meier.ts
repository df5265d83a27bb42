import { Z95 } from './normal.js';
import { type SurvivalSamples, sortedOrder } from './samples.js';

/** One step of a Kaplan–Meier curve: the estimate just after `time`. */
export interface KaplanMeierStep {
  time: number;
  /** Weighted subjects at risk just before `time`, and events at `time`. */
  atRisk: number;
  events: number;
  survival: number;
  /** Greenwood's variance of log S, summed to `time`. */
  greenwood: number;
  /** 95 % log-log interval (null at S = 0 or 1, where it is undefined). */
  low: number | null;
  high: number | null;
}

export interface KaplanMeierCurve {
  subjects: number;
  events: number;
  /** The longest time any subject was followed (the curve says nothing past it). */
  followUp: number;
  steps: KaplanMeierStep[];
}

/**
 * Product-limit estimate over weighted records (`keep` selects them; strata are ignored, the curve pools them).
 * Censorings tied with events count as at risk at that time, as usual.
 */
export function kaplanMeier(s: SurvivalSamples, keep: (i: number) => boolean = () => true): KaplanMeierCurve {
  const order = sortedOrder({ ...s, stratum: new Int32Array(s.length) }, keep);
  let atRisk = 0;
  for (const i of order) atRisk += s.weight[i] as number;
  const subjects = atRisk;
  let survival = 1;
  let greenwood = 0;
  let totalEvents = 0;
  const steps: KaplanMeierStep[] = [];
  const followUp = order.length === 0 ? 0 : (s.time[order[order.length - 1] as number] as number);
  let k = 0;
  while (k < order.length) {
    const time = s.time[order[k] as number] as number;
    let events = 0;
    let leaving = 0;
    while (k < order.length && s.time[order[k] as number] === time) {
      const i = order[k] as number;
      const w = s.weight[i] as number;
      if (s.event[i]) events += w;
      leaving += w;
      k++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      // Greenwood: d / (n (n - d)); undefined once everyone at risk has had the event.
      greenwood = atRisk > events ? greenwood + events / (atRisk * (atRisk - events)) : Number.POSITIVE_INFINITY;
      totalEvents += events;
      steps.push({ time, atRisk, events, survival, greenwood, ...logLogInterval(survival, greenwood) });
    }
    atRisk -= leaving;
  }
  return { subjects, events: totalEvents, followUp, steps };
}

/** Kalbfleisch–Prentice interval: symmetric on log(-log S), so it stays inside (0, 1). */
function logLogInterval(survival: number, greenwood: number): { low: number | null; high: number | null } {
  if (survival <= 0 || survival >= 1 || !Number.isFinite(greenwood)) return { low: null, high: null };
  const spread = (Z95 * Math.sqrt(greenwood)) / Math.log(survival);
  const a = survival ** Math.exp(spread);
  const b = survival ** Math.exp(-spread);
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

/** The curve's value at `time` (right-continuous step function), with its interval. */
export function survivalAt(curve: KaplanMeierCurve, time: number): { survival: number; low: number | null; high: number | null } {
  let last: KaplanMeierStep | undefined;
  for (const step of curve.steps) {
    if (step.time > time) break;
    last = step;
  }
  return last ? { survival: last.survival, low: last.low, high: last.high } : { survival: 1, low: null, high: null };
}
