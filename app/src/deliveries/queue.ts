/**
 * The App's in-process work queue: deliveries are acknowledged as soon as their claim is stored and processed here,
 * a few at a time, so GitHub never waits on our API calls (it gives up after 10 s) and a slow GitHub or a rate-limit
 * wait does not turn into failed deliveries. Nothing is lost if the process dies: the claim is in the store, and the
 * reconciler asks GitHub to redeliver a claim whose lease ran out.
 *
 * Answers come first: during a burst of webhooks (one being received, or one received less than `quietMs` ago) a job
 * starts only once it has waited `maxDeferMs`, so a short burst is answered with all the CPU (GitHub's timeout is on
 * the answer). When the burst is over, or under sustained load once jobs have waited their limit, up to `concurrency`
 * run: with GitHub's real latency a job takes seconds, and running them one at a time would let the queue overflow.
 */
/** A place held in the queue: filled with a job once the delivery is claimed, or released when it is not. */
export interface Reservation {
  fill(job: () => Promise<void>): void;
  release(): void;
}

export interface BurstOptions {
  /** How long after the last webhook the burst counts as over (default 50 ms). */
  quietMs?: number;
  /** The longest a job is held back by a burst (default 1 s). */
  maxDeferMs?: number;
}

export class WorkQueue {
  private readonly waiting: { job: () => Promise<void>; since: number }[] = [];
  private running = 0;
  private reserved = 0;
  private receiving = 0;
  private lastReceived = Number.NEGATIVE_INFINITY;
  private wake: { at: number; timer: NodeJS.Timeout } | undefined;
  private drained: (() => void)[] = [];
  private readonly quietMs: number;
  private readonly maxDeferMs: number;

  constructor(
    /** Deliveries processed at the same time. */
    readonly concurrency: number,
    /** Deliveries held (reserved, waiting and running) before new ones are refused, so memory stays bounded. */
    readonly capacity: number,
    burst: BurstOptions = {},
  ) {
    if (!(concurrency >= 1) || !(capacity >= concurrency)) {
      throw new RangeError(`work queue needs concurrency >= 1 and capacity >= concurrency (got ${concurrency}, ${capacity})`);
    }
    this.quietMs = burst.quietMs ?? 50;
    this.maxDeferMs = burst.maxDeferMs ?? 1000;
  }

  /** Reserved, waiting and running jobs. */
  get depth(): number {
    return this.reserved + this.waiting.length + this.running;
  }

  /**
   * Hold a place before the delivery is claimed, so that a claimed delivery always has one (undefined: the queue is
   * full, and the caller refuses the delivery so that GitHub records a failure).
   */
  reserve(): Reservation | undefined {
    if (this.depth >= this.capacity) return undefined;
    this.reserved++;
    let held = true;
    const give = () => {
      if (!held) return false;
      held = false;
      this.reserved--;
      return true;
    };
    return {
      fill: (job) => {
        if (!give()) return;
        this.waiting.push({ job, since: performance.now() });
        this.pump();
      },
      release: () => {
        if (give()) this.settle();
      },
    };
  }

  /** Mark a webhook as being received until the returned function is called. */
  receive(): () => void {
    this.receiving++;
    this.lastReceived = performance.now();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.receiving--;
      this.lastReceived = performance.now();
      this.pump();
    };
  }

  /** Resolves once nothing is reserved, waiting or running. */
  idle(): Promise<void> {
    if (this.depth === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private pump(): void {
    const now = performance.now();
    const quietAt = this.receiving > 0 ? Number.POSITIVE_INFINITY : this.lastReceived + this.quietMs;
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const head = this.waiting[0] as { job: () => Promise<void>; since: number };
      // During a burst only a job that has waited its limit starts (the oldest first).
      if (now < quietAt && now < head.since + this.maxDeferMs) break;
      this.waiting.shift();
      this.running++;
      // Jobs report their own failures (store and metrics); the queue only keeps count.
      head
        .job()
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.pump();
          this.settle();
        });
    }
    // Held back by a burst: look again when it is over, or when the oldest job has waited its limit.
    const head = this.waiting[0];
    if (head && this.running < this.concurrency) this.wakeAt(Math.min(quietAt, head.since + this.maxDeferMs));
  }

  private wakeAt(at: number): void {
    if (!Number.isFinite(at) || (this.wake && this.wake.at <= at)) return;
    if (this.wake) clearTimeout(this.wake.timer);
    const timer = setTimeout(
      () => {
        this.wake = undefined;
        this.pump();
      },
      Math.max(0, at - performance.now()) + 1,
    );
    this.wake = { at, timer };
  }

  private settle(): void {
    if (this.depth === 0) for (const resolve of this.drained.splice(0)) resolve();
  }
}
