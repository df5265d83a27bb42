/**
 * The App's in-process work queue: deliveries are acknowledged as soon as their claim is stored and processed here,
 * a few at a time, so GitHub never waits on our API calls (it gives up after 10 s) and a slow GitHub or a rate-limit
 * wait does not turn into failed deliveries. Nothing is lost if the process dies: the claim is in the store, and the
 * reconciler asks GitHub to redeliver a claim whose lease ran out.
 *
 * Answers come first: while webhooks are being received, no new job starts beyond the first, so a burst is answered
 * at full speed (GitHub's timeout is on the answer) and processing widens again as soon as the burst ends.
 */
/** A place held in the queue: filled with a job once the delivery is claimed, or released when it is not. */
export interface Reservation {
  fill(job: () => Promise<void>): void;
  release(): void;
}

export class WorkQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private reserved = 0;
  private receiving = 0;
  private drained: (() => void)[] = [];

  constructor(
    /** Deliveries processed at the same time. */
    readonly concurrency: number,
    /** Deliveries held (reserved, waiting and running) before new ones are refused, so memory stays bounded. */
    readonly capacity: number,
  ) {
    if (!(concurrency >= 1) || !(capacity >= concurrency)) {
      throw new RangeError(`work queue needs concurrency >= 1 and capacity >= concurrency (got ${concurrency}, ${capacity})`);
    }
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
        this.waiting.push(job);
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
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.receiving--;
      this.pump();
    };
  }

  /** Resolves once nothing is reserved, waiting or running. */
  idle(): Promise<void> {
    if (this.depth === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private pump(): void {
    const width = this.receiving > 0 ? 1 : this.concurrency;
    while (this.running < width && this.waiting.length > 0) {
      const job = this.waiting.shift() as () => Promise<void>;
      this.running++;
      // Jobs report their own failures (store and metrics); the queue only keeps count.
      job()
        .catch(() => undefined)
        .finally(() => {
          this.running--;
          this.pump();
          this.settle();
        });
    }
  }

  private settle(): void {
    if (this.depth === 0) for (const resolve of this.drained.splice(0)) resolve();
  }
}
