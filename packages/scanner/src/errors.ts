import { TrustgateError } from '@trustgate/core/base';

export type ScannerErrorCode =
  | 'SCAN_PATH_NOT_FOUND'
  | 'SCAN_IO_ERROR'
  /** `hf://` or Hub URL that names no model repository. */
  | 'SCAN_REMOTE_REFERENCE'
  /** The Hub refused: private, gated, or a token without access (401/403). */
  | 'SCAN_REMOTE_ACCESS'
  /** No such repository or revision (404). */
  | 'SCAN_REMOTE_NOT_FOUND'
  /** The Hub could not be reached or answered something else. */
  | 'SCAN_REMOTE_HTTP';

/** A scan that could not run at all (missing path, unreadable file); a malformed model is a finding, not this. */
export class ScannerError extends TrustgateError<ScannerErrorCode> {
  constructor(code: ScannerErrorCode, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(code, message, options);
    this.name = 'ScannerError';
  }
}
