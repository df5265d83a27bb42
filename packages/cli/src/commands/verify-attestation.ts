import { notAvailable } from './not-available.js';

export default notAvailable(
  'verify-attestation',
  'verify a GitHub artifact attestation',
  `Usage: trustgate verify-attestation ARTIFACT_OR_DIGEST --bundle F (--owner O | --repo O/R) [--signer-workflow W] [--predicate-type T]`,
);
