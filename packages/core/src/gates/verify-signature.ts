import { errorCodeOutput, policyInput, trustedRootInput } from './shared.js';
import type { GateDescription } from './types.js';

const identity = "Default: the policy's verify.identities (any one of them suffices).";

export const verifySignatureGate: GateDescription = {
  gate: 'verify-signature',
  title: 'trustgate verify signature',
  summary: 'Verify a Sigstore bundle, an OpenSSF model signature or a GitHub artifact attestation against an exact signer identity.',
  icon: 'check-circle',
  inputs: [
    { name: 'mode', description: 'blob, attestation or model.', required: true, flag: false },
    { name: 'subject', description: 'The file, directory (model mode) or sha256:<hex> digest to verify.', required: true, flag: false },
    { name: 'bundle', description: 'Sigstore bundle (blob, attestation) or model.sig (model).', required: true, flag: '--bundle' },
    policyInput,
    {
      name: 'certificate-identity',
      description: `Expected certificate identity (SAN), matched exactly. ${identity}`,
      overrides: 'verify.identities',
      flag: '--certificate-identity',
    },
    {
      name: 'certificate-identity-regexp',
      description: `Regexp for the identity; trustgate anchors it. ${identity}`,
      overrides: 'verify.identities',
      flag: '--certificate-identity-regexp',
    },
    {
      name: 'certificate-oidc-issuer',
      description: `Expected OIDC issuer, matched exactly. ${identity}`,
      overrides: 'verify.identities',
      flag: '--certificate-oidc-issuer',
    },
    { name: 'key', description: 'Public key PEM file, instead of an identity.', flag: '--key' },
    { name: 'owner', description: 'attestation mode: the repository owner that must have signed.', flag: '--owner' },
    { name: 'repo', description: 'attestation mode: owner/repo that must have signed.', flag: '--repo' },
    {
      name: 'signer-workflow',
      description: 'attestation mode: the workflow that must have signed (owner/repo/.github/workflows/f.yml).',
      flag: '--signer-workflow',
    },
    {
      name: 'predicate-type',
      description: 'attestation mode: predicate type to require.',
      default: 'https://slsa.dev/provenance/v1',
      flag: '--predicate-type',
    },
    trustedRootInput,
    {
      name: 'ignore-paths',
      description: 'model mode: paths inside the model not covered by the signature (comma or newline separated).',
      kind: 'list',
      flag: '--ignore-paths',
    },
    {
      name: 'verification-statement',
      description: 'Write an in-toto verification Statement to this file (evidence for the promotion gate / actions/attest).',
      flag: '--statement',
    },
  ],
  outputs: [
    { name: 'verified', description: 'true when the signature verified against the policy.' },
    { name: 'signer-identity', description: 'The identity that signed.' },
    errorCodeOutput,
  ],
};
