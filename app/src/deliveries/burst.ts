/**
 * Answers come first: GitHub's 10 s timeout is on the answer, not on processing. During a burst of webhooks (one
 * being received, or one received less than `quietMs` ago) a job waits before it starts, at most `maxDeferMs`, so a
 * short burst is answered with all the CPU; under sustained load jobs start once they have waited their limit.
 */
export class AnswersFirst {
  private receiving = 0;
  private lastReceived = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly quietMs = 50,
    private readonly maxDeferMs = 1000,
  ) {}

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
    };
  }

  /** Resolves once no webhook has been received for `quietMs`, or `maxDeferMs` from now. */
  async quiet(): Promise<void> {
    const until = performance.now() + this.maxDeferMs;
    for (;;) {
      const now = performance.now();
      const quietAt = this.receiving > 0 ? now + this.quietMs : this.lastReceived + this.quietMs;
      if (now >= quietAt || now >= until) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(quietAt, until) - now + 1));
    }
  }
}
