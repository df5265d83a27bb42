import { asTrustgateError } from '@trustgate/core';
import { VerifyError } from '../errors.js';
import { type VerifiedAttestation, type VerifyAttestationOptions, verifyAttestationSync } from './verify.js';

/** A bundle as an API handed it over: where it came from and the parsed JSON (anything: the server is not trusted). */
export interface FetchedAttestation {
  origin: string;
  document: unknown;
}

/** Why one fetched bundle did not count. */
export interface RejectedAttestation {
  origin: string;
  code: string;
  message: string;
}

export type VerifiedFetchedAttestation = VerifiedAttestation & { origin: string; rejected: RejectedAttestation[] };

/**
 * The first of several fetched bundles that verifies, with the reason each other one was refused. None is
 * ATTESTATION_NOT_FOUND; none verifying is ATTESTATION_NOT_VERIFIED listing every refusal: a bundle that fails
 * (another repository's, another digest's, a forged signature, a malformed document) never counts.
 */
export function firstVerifiedAttestation(
  fetched: readonly FetchedAttestation[],
  options: VerifyAttestationOptions & { where: string },
): VerifiedFetchedAttestation {
  if (fetched.length === 0) throw new VerifyError('ATTESTATION_NOT_FOUND', `no attestation found for ${options.where}`);
  const rejected: RejectedAttestation[] = [];
  for (const item of fetched) {
    try {
      const verified = verifyAttestationSync(item.document, { ...options, source: item.origin });
      return { ...verified, origin: item.origin, rejected };
    } catch (err) {
      const e = asTrustgateError(err);
      rejected.push({ origin: item.origin, code: e.code, message: e.message });
    }
  }
  throw notVerified(rejected, options.where);
}

export function notVerified(rejected: readonly RejectedAttestation[], where: string): VerifyError {
  const reasons = rejected.map((r) => `${r.code}: ${r.message}`).join('; ');
  return new VerifyError('ATTESTATION_NOT_VERIFIED', `${rejected.length} attestation(s) found for ${where}, none verified (${reasons})`, {
    details: { rejected },
  });
}
