import { PREDICATE_TYPES, parseDigest, type SignerIdentity, type Statement } from '@trustgate/core';
import { parseBundles } from '../bundle/load.js';
import { requireSubject, type VerifiedBundle, type VerifiedTimestamp, verifyBundle } from '../bundle/verify.js';
import { VerifyError } from '../errors.js';
import type { AcceptedSigner, SignerClaims } from '../identity.js';
import type { LoadedTrustedRoots, TrustedRootInput } from '../trust/root.js';
import { resolveRoots } from '../blob.js';

export interface VerifyAttestationOptions {
  /** `sha256:<hex>` (or sha512) of the artifact; when given, it must be a subject of the Statement. */
  subjectDigest?: string;
  /** Accepted signers; any one suffices. Empty is a refusal. */
  signers: readonly AcceptedSigner[];
  /** Default SLSA provenance v1; `null` accepts any predicate type. */
  predicateType?: string | null;
  trustedRoot?: TrustedRootInput | LoadedTrustedRoots;
  source?: string;
}

export interface VerifiedAttestation {
  statement: Statement;
  /** Claims of the Fulcio certificate that signed it, after the identity policy accepted them. */
  signer: SignerClaims;
  matched: SignerIdentity;
  /** Times vouched for by a verified SET or RFC 3161 token (never an unsigned field, never the predicate's claim). */
  timestamps: VerifiedTimestamp[];
  /** The earliest of them: when the attestation was signed, at the latest. */
  signedAt?: Date;
  trustedRootSource: string;
  warnings: string[];
}

/**
 * Verify one attestation bundle (DSSE with an in-toto Statement, as actions/attest produces) against accepted
 * signers and return the verified Statement. Input is the bundle's JSON (object or text), or JSON Lines of bundles,
 * in which case the first that verifies is returned and, if none does, the first failure is thrown.
 */
export async function verifyAttestationBundle(bundleJson: unknown, options: VerifyAttestationOptions): Promise<VerifiedAttestation> {
  return verifyAttestationSync(bundleJson, options);
}

export function verifyAttestationSync(bundleJson: unknown, options: VerifyAttestationOptions): VerifiedAttestation {
  const source = options.source ?? 'attestation';
  const bundles = parseBundles(
    typeof bundleJson === 'string' || Buffer.isBuffer(bundleJson) ? bundleJson.toString() : JSON.stringify(bundleJson),
    source,
  );
  const roots = resolveRoots(options.trustedRoot);
  const digest = options.subjectDigest === undefined ? undefined : parseDigest(options.subjectDigest);
  const wantType = options.predicateType === undefined ? PREDICATE_TYPES.slsaProvenance : options.predicateType;
  let firstError: unknown;
  for (const bundle of bundles) {
    try {
      if (bundle.content.$case !== 'dsseEnvelope') {
        throw new VerifyError('STATEMENT_INVALID', `${source} is a message signature, not an attestation (DSSE with an in-toto Statement)`);
      }
      const verified: VerifiedBundle = verifyBundle(bundle, { policy: { signers: options.signers }, roots });
      const statement = verified.statement;
      if (!statement)
        throw new VerifyError('STATEMENT_INVALID', `${source}: the DSSE payload is ${verified.payloadType}, not an in-toto Statement`);
      if (wantType !== null && statement.predicateType !== wantType) {
        throw new VerifyError('PREDICATE_TYPE_MISMATCH', `${source}: predicate type is ${statement.predicateType}, expected ${wantType}`);
      }
      if (digest) requireSubject(statement, digest);
      if (verified.signer.kind !== 'certificate') throw new VerifyError('KEY_INVALID', `${source} is not signed by a certificate`);
      const earliest = Math.min(...verified.timestamps.map((t) => t.time.getTime()));
      return {
        statement,
        signer: verified.signer.claims,
        matched: verified.signer.matched,
        timestamps: verified.timestamps,
        ...(Number.isFinite(earliest) ? { signedAt: new Date(earliest) } : {}),
        trustedRootSource: verified.trustedRootSource,
        warnings: verified.warnings,
      };
    } catch (err) {
      firstError ??= err;
    }
  }
  throw firstError;
}
