import { TrustgateError } from '@trustgate/core';

export type ScannerErrorCode = 'SCAN_PATH_NOT_FOUND' | 'SCAN_IO_ERROR';

/** A scan that could not run at all (missing path, unreadable file); a malformed model is a finding, not this. */
export class ScannerError extends TrustgateError<ScannerErrorCode> {
  constructor(code: ScannerErrorCode, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(code, message, options);
    this.name = 'ScannerError';
  }
}
