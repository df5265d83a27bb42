import { MetricsError } from '../errors.js';

/**
 * Right-censored survival data as columns: each record is `weight` identical subjects (lines) that entered at time 0
 * and left at `time`, by an event (`event` 1) or censoring (0). Typed arrays keep a million records in tens of MB.
 */
export interface SurvivalSamples {
  readonly length: number;
  /** Covariates per record (row-major, `covariates` per record). */
  readonly covariates: number;
  time: Float64Array;
  event: Uint8Array;
  weight: Float64Array;
  stratum: Int32Array;
  cluster: Int32Array;
  /** A caller's label per record (e.g. the cohort), for selecting subsets. */
  group: Uint8Array;
  x: Float64Array;
}

/** Grows as records are added; `samples()` returns trimmed views. */
export class SurvivalTable {
  private n = 0;
  private cap: number;
  private time: Float64Array;
  private event: Uint8Array;
  private weight: Float64Array;
  private stratum: Int32Array;
  private cluster: Int32Array;
  private group: Uint8Array;
  private x: Float64Array;

  constructor(
    readonly covariates: number,
    capacity = 1024,
  ) {
    this.cap = capacity;
    this.time = new Float64Array(capacity);
    this.event = new Uint8Array(capacity);
    this.weight = new Float64Array(capacity);
    this.stratum = new Int32Array(capacity);
    this.cluster = new Int32Array(capacity);
    this.group = new Uint8Array(capacity);
    this.x = new Float64Array(capacity * covariates);
  }

  get length(): number {
    return this.n;
  }

  add(time: number, event: boolean, weight: number, stratum: number, cluster: number, x: readonly number[], group = 0): void {
    if (!(time >= 0) || !(weight > 0) || !Number.isInteger(weight) || x.length !== this.covariates)
      throw new MetricsError(
        'SURVIVAL_INPUT_ERROR',
        `survival record (time ${time}, weight ${weight}) is invalid: time >= 0 and a positive whole weight are required`,
      );
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.time[i] = time;
    this.event[i] = event ? 1 : 0;
    this.weight[i] = weight;
    this.stratum[i] = stratum;
    this.cluster[i] = cluster;
    this.group[i] = group;
    for (let j = 0; j < this.covariates; j++) this.x[i * this.covariates + j] = x[j] as number;
  }

  samples(): SurvivalSamples {
    const n = this.n;
    return {
      length: n,
      covariates: this.covariates,
      time: this.time.subarray(0, n),
      event: this.event.subarray(0, n),
      weight: this.weight.subarray(0, n),
      stratum: this.stratum.subarray(0, n),
      cluster: this.cluster.subarray(0, n),
      group: this.group.subarray(0, n),
      x: this.x.subarray(0, n * this.covariates),
    };
  }

  private grow(): void {
    this.cap *= 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.time = grow(this.time, this.cap);
    this.event = grow(this.event, this.cap);
    this.weight = grow(this.weight, this.cap);
    this.stratum = grow(this.stratum, this.cap);
    this.cluster = grow(this.cluster, this.cap);
    this.group = grow(this.group, this.cap);
    this.x = grow(this.x, this.cap * this.covariates);
  }
}

/** Record indices ordered by stratum, then time ascending, then events before censorings. */
export function sortedOrder(s: SurvivalSamples, keep: (i: number) => boolean = () => true): Uint32Array {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (keep(i)) idx.push(i);
  idx.sort(
    (a, b) =>
      (s.stratum[a] as number) - (s.stratum[b] as number) ||
      (s.time[a] as number) - (s.time[b] as number) ||
      (s.event[b] as number) - (s.event[a] as number),
  );
  return Uint32Array.from(idx);
}

/**
 * The records `keep` selects, with covariates recomputed by `covariates(i)` and strata by `stratum(i)`: one table
 * serves several models (by cohort, AI against the rest, strata by file or by repository).
 */
export function project(
  s: SurvivalSamples,
  keep: (i: number) => boolean,
  count: number,
  covariates: (i: number) => readonly number[],
  stratum: (i: number) => number = (i) => s.stratum[i] as number,
): SurvivalSamples {
  const out = new SurvivalTable(count, Math.max(16, s.length));
  for (let i = 0; i < s.length; i++)
    if (keep(i))
      out.add(s.time[i] as number, s.event[i] === 1, s.weight[i] as number, stratum(i), s.cluster[i] as number, covariates(i), s.group[i]);
  return out.samples();
}
