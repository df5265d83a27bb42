import { TrustgateError } from '@trustgate/core';

export type AttributionErrorCode =
  | 'EVENT_INVALID'
  | 'COMMITS_INVALID'
  | 'FILES_INVALID'
  | 'RULE_INVALID'
  | 'LINE_LOG_INVALID'
  | 'CLASSIFICATION_INVALID'
  | 'AGENT_CONFIG_INVALID';

/** Every attribution failure: a payload, commit list, rule or line log that could not be read as documented. */
export class AttributionError extends TrustgateError<AttributionErrorCode> {
  constructor(code: AttributionErrorCode, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(code, message, options);
    this.name = 'AttributionError';
  }
}
