import { TrustgateError } from '@trustgate/core/base';

export type RemoteReadErrorCode =
  /** 401/403 on a file: gated or private; the whole scan stops (an input error, not a verdict). */
  | 'REMOTE_ACCESS'
  /** Any other HTTP failure, a network error, or a redirect loop. */
  | 'REMOTE_HTTP'
  /** 200 with the whole body to a range request on a file too big to take whole. */
  | 'REMOTE_RANGE_IGNORED'
  /** The ETag or commit changed between two reads of one file: the bytes analysed are not one file. */
  | 'REMOTE_CHANGED'
  /** The server's size (Content-Range total, body length) is not what the listing said. */
  | 'REMOTE_SIZE_MISMATCH';

/** A ranged read of a remote file that failed; the file's verdict becomes `error` (see remote/scan.ts). */
export class RemoteReadError extends TrustgateError<RemoteReadErrorCode> {
  constructor(code: RemoteReadErrorCode, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(code, message, options);
    this.name = 'RemoteReadError';
  }
}
