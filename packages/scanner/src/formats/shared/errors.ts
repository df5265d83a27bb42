import { TrustgateError } from '@trustgate/core/base';

export type ModelFormatErrorCode = 'MODEL_FORMAT_MALFORMED' | 'MODEL_FORMAT_LIMIT';

/** A model file whose bytes do not follow its format (malformed) or exceed a hard cap (limit). */
export class ModelFormatError extends TrustgateError<ModelFormatErrorCode> {
  constructor(code: ModelFormatErrorCode, message: string, options: { cause?: unknown; file?: string } = {}) {
    super(code, message, options);
    this.name = 'ModelFormatError';
  }
}

export function malformed(message: string, cause?: unknown): ModelFormatError {
  return new ModelFormatError('MODEL_FORMAT_MALFORMED', message, { cause });
}

export function overLimit(message: string): ModelFormatError {
  return new ModelFormatError('MODEL_FORMAT_LIMIT', message);
}
