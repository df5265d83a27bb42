import type { ScanPolicy } from '@trustgate/core';

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

/** Decompressed output is capped by the absolute limit and by the compression ratio, whichever is lower. */
export function outputCap(compressed: number, limits: ScanLimits): number {
  return Math.min(limits.maxDecompressedBytes, Math.max(1 << 20, Math.ceil(compressed * limits.maxCompressionRatio)), 0x7fffffff);
}
