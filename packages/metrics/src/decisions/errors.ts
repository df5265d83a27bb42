import { TrustgateError } from '@trustgate/core';

/** Input errors of the decision log (exit 2): a key that is not an Ed25519 key, a log file that cannot be read. */
export type DecisionLogErrorCode = 'DECISION_KEY_INVALID' | 'DECISIONS_UNREADABLE';

export class DecisionLogError extends TrustgateError<DecisionLogErrorCode> {
  constructor(code: DecisionLogErrorCode, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(code, message, options);
    this.name = 'DecisionLogError';
  }
}
