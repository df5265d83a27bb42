import { TrustgateError } from '@trustgate/core';

export type AppErrorCode =
  | 'APP_CONFIG_UNREADABLE'
  | 'APP_GITHUB_ERROR'
  | 'APP_BUDGET_UNREADABLE'
  | 'APP_PAYLOAD_INVALID'
  | 'APP_SETTINGS_INVALID'
  | 'APP_DELIVERY_FAILED'
  | 'APP_BUSY'
  | 'APP_STORE_UNAVAILABLE'
  | 'APP_REQUEST_INVALID';

export class AppError extends TrustgateError<AppErrorCode> {
  constructor(code: AppErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'AppError';
  }
}
