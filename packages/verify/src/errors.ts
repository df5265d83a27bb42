import { TrustgateError } from '@trustgate/core';

/** Stable failure codes of packages/verify; callers switch on these, never on message text. */
export type VerifyErrorCode =
  | 'BUNDLE_INVALID'
  | 'TRUSTED_ROOT_INVALID'
  | 'KEY_INVALID'
  | 'POLICY_MISSING'
  | 'SIGNATURE_INVALID'
  | 'CERTIFICATE_INVALID'
  | 'TLOG_INVALID'
  | 'TIMESTAMP_INVALID'
  | 'IDENTITY_MISMATCH'
  | 'DIGEST_MISMATCH'
  | 'STATEMENT_INVALID'
  | 'PREDICATE_TYPE_MISMATCH'
  | 'MANIFEST_MISMATCH'
  | 'ATTESTATION_NOT_FOUND'
  | 'ATTESTATION_NOT_VERIFIED'
  | 'RELEASE_MISMATCH'
  | 'MODEL_PATH_UNSAFE'
  | 'IO_ERROR';

export class VerifyError extends TrustgateError<VerifyErrorCode> {
  /** Structured detail for reports, e.g. the per-file differences of MANIFEST_MISMATCH. */
  readonly details?: unknown;

  constructor(code: VerifyErrorCode, message: string, options: { cause?: unknown; file?: string; details?: unknown } = {}) {
    super(code, message, options);
    this.name = 'VerifyError';
    if (options.details !== undefined) this.details = options.details;
  }
}

/** Map an error from @sigstore/verify (its `code` union) to ours, keeping its message as the detail. */
export function fromSigstoreError(err: unknown, what: string): VerifyError {
  if (err instanceof VerifyError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const detail = err instanceof Error ? err.message : String(err);
  // Not a VerificationError: the library tripped over a malformed field (e.g. a missing checkpoint).
  if (typeof code !== 'string') return new VerifyError('BUNDLE_INVALID', `${what}: the bundle is malformed (${detail})`, { cause: err });
  const ours: VerifyErrorCode =
    code === 'CERTIFICATE_ERROR'
      ? 'CERTIFICATE_INVALID'
      : code === 'TIMESTAMP_ERROR'
        ? 'TIMESTAMP_INVALID'
        : typeof code === 'string' && code.startsWith('TLOG')
          ? 'TLOG_INVALID'
          : code === 'PUBLIC_KEY_ERROR'
            ? 'KEY_INVALID'
            : 'SIGNATURE_INVALID';
  return new VerifyError(ours, `${what}: ${detail}${typeof code === 'string' ? ` [${code}]` : ''}`, { cause: err });
}
