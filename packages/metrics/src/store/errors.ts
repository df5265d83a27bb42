import { TrustgateError } from '@trustgate/core/base';

export type StoreErrorCode = 'STORE_NOT_FOUND' | 'STORE_OPEN_ERROR' | 'STORE_MIGRATION_ERROR' | 'STORE_QUERY_ERROR';

export class StoreError extends TrustgateError<StoreErrorCode> {
  constructor(code: StoreErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'StoreError';
  }
}
