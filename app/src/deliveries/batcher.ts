/**
 * Group commit: calls made while a batch is being written wait and go together in the next one, so a burst of
 * deliveries costs a few store round trips instead of one each. One batch is in flight at a time; an idle batcher
 * writes on the next turn of the event loop.
 */
export class Batcher<I, O> {
  private pending: { item: I; resolve: (out: O) => void; reject: (err: unknown) => void }[] = [];
  private busy = false;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 200,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, this.maxBatch);
    try {
      const out = await this.write(batch.map((b) => b.item));
      for (const [i, b] of batch.entries()) b.resolve(out[i] as O);
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
    if (this.pending.length > 0) setImmediate(() => void this.flush());
    else this.busy = false;
  }
}
