import type { CommandSpec } from '../spec.js';
import { VERIFY_EXIT_CODES, VERIFY_OUTPUT_OPTIONS } from './shared.js';

export const verifyAttestationSpec = {
  name: 'verify-attestation',
  summary: 'verify a GitHub artifact attestation',
  synopsis: ['ARTIFACT_OR_DIGEST --bundle F (--owner O | --repo O/R) [options]'],
  description: "Verifies a GitHub artifact attestation (bundle or JSON Lines of bundles) for an artifact, with gh's semantics.",
  positionals: [
    {
      name: 'ARTIFACT_OR_DIGEST',
      description: 'the artifact, its digest as sha256:<hex>, or an OCI image as oci://REGISTRY/REPO@sha256:<hex> (never pulled)',
      required: true,
      digest: true,
      kind: 'file',
    },
  ],
  options: {
    bundle: { type: 'string', value: 'F', kind: 'file', required: true, description: 'the attestation bundle (JSON or JSON Lines)' },
    owner: { type: 'string', value: 'O', description: 'the owner of the repository the signing workflow ran in' },
    repo: {
      type: 'string',
      value: 'O/R',
      description: 'the repository the signing workflow ran in (and, without --signer-workflow, where it lives)',
    },
    'signer-workflow': {
      type: 'string',
      value: 'W',
      description: 'O/R/.github/workflows/f.yml (any ref) or ...f.yml@refs/heads/main (exact)',
    },
    'predicate-type': { type: 'string', value: 'T', description: 'the predicate type required (default https://slsa.dev/provenance/v1)' },
    'cert-oidc-issuer': { type: 'string', value: 'URL', description: 'the OIDC issuer (default GitHub Actions)' },
    'deny-self-hosted-runners': { type: 'boolean', description: 'reject attestations signed on self-hosted runners' },
    ...VERIFY_OUTPUT_OPTIONS,
  },
  exitCodes: VERIFY_EXIT_CODES,
} as const satisfies CommandSpec;
