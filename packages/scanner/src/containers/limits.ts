import type { ScanPolicy } from '@trustgate/core/base';

export type ScanLimits = ScanPolicy['limits'];

/** Thrown by container readers; the analyser turns it into a finding of `rule` (parse error or limit). */
export class ContainerError extends Error {
  constructor(
    message: string,
    readonly kind: 'parse' | 'limit' | 'unsupported',
    readonly offset?: number,
  ) {
    super(message);
  }
}

// Decompressed data is held in memory; one buffer never exceeds this whatever the policy allows.
export const IN_MEMORY_CAP = 1 << 30;

export const SPENT = "the file's decompression budget (scan.limits.maxDecompressedBytes) is spent";

/** What one file on disk may decompress in total, across all its nested members and streams. */
export class DecompressionBudget {
  constructor(public remaining: number) {}

  take(n: number): void {
    this.remaining = Math.max(0, this.remaining - n);
  }
}

/** Decompressed output is capped by the file's remaining budget, the ratio limit and the in-memory cap. */
export function outputCap(compressed: number, limits: ScanLimits, budget: DecompressionBudget): number {
  const byRatio = Math.max(1 << 20, Math.ceil(compressed * limits.maxCompressionRatio));
  return Math.min(budget.remaining, byRatio, IN_MEMORY_CAP);
}
