import { TrustgateError } from '@trustgate/core';

export type MetricsErrorCode =
  | 'LEDGER_PATCH_ERROR'
  | 'LEDGER_INPUT_ERROR'
  | 'BACKFILL_GIT_ERROR'
  | 'BACKFILL_API_ERROR'
  | 'TRUST_TAX_INPUT_ERROR'
  | 'SURVIVAL_INPUT_ERROR'
  | 'BACKFILL_RATE_LIMITED'
  | 'BACKFILL_INTERRUPTED';

/** Errors of the trust-tax side of @trustgate/metrics (the store keeps its own StoreError). */
export class MetricsError extends TrustgateError<MetricsErrorCode> {
  constructor(code: MetricsErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'MetricsError';
  }
}
