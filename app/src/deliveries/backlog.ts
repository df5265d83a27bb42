/**
 * How many claimed deliveries wait in the store (in every replica), so that a flood is refused before the store fills
 * without bound: the count is read from the store at most once per `refreshMs`, and claims made here since are added.
 */
export class Backlog {
  private counted = 0;
  private since = 0;
  private pending = 0;
  private countedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly count: () => Promise<number>,
    readonly capacity: number,
    private readonly refreshMs = 1000,
  ) {}

  /** Stored (as last counted, plus claims here since) and being claimed now. */
  get depth(): number {
    return this.counted + this.since + this.pending;
  }

  /**
   * Hold a place for one delivery being claimed, or refuse it (false): refusing is how GitHub learns to send it
   * again later. A held place ends with `stored` or `release`.
   */
  reserve(): boolean {
    this.refresh();
    if (this.depth >= this.capacity) return false;
    this.pending++;
    return true;
  }

  /** The delivery was stored here (and counts until the store's own count includes it). */
  stored(): void {
    this.pending--;
    this.since++;
  }

  /** The delivery was not stored (a duplicate, or the store failed). */
  release(): void {
    this.pending--;
  }

  /** Read the count again now (not awaited by `room`: answering never waits on it). */
  refresh(force = false): Promise<void> {
    if (this.refreshing) return this.refreshing;
    if (!force && performance.now() - this.countedAt < this.refreshMs) return Promise.resolve();
    const before = this.since;
    this.refreshing = this.count()
      .then(
        (n) => {
          this.counted = n;
          this.since -= before;
          this.countedAt = performance.now();
        },
        // The store may be down: keep the last count, try again on the next delivery.
        () => undefined,
      )
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
