import { TrustgateError } from '@trustgate/core';

/** Stable codes callers switch on; the message says what happened, to which file, and what to do. */
export type GateErrorCode =
  | 'ENVIRONMENT_UNKNOWN'
  | 'SUBJECT_INVALID'
  | 'EVIDENCE_UNREADABLE'
  | 'EVIDENCE_INVALID'
  | 'ATTESTATIONS_API_ERROR'
  | 'RELEASE_NOT_FOUND';

export class GateError extends TrustgateError<GateErrorCode> {
  constructor(code: GateErrorCode, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(code, message, options);
    this.name = 'GateError';
  }
}
