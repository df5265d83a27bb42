import type { CommandSpec } from '../spec.js';
import { VERIFY_EXIT_CODES, VERIFY_OUTPUT_OPTIONS } from './shared.js';

export const verifyAttestationSpec = {
  name: 'verify-attestation',
  summary: 'verify a GitHub artifact attestation',
  synopsis: ['ARTIFACT_OR_DIGEST (--owner O | --repo O/R) [--bundle F] [options]'],
  description:
    "Verifies a GitHub artifact attestation for an artifact, with gh's semantics. With --bundle the bundle (or JSON Lines\nof bundles) is read from the file; without it the attestations are fetched by digest from GitHub's attestations\nAPI (--repo: the repository's, --owner: the organization's), as `gh attestation verify` does: token from\nGITHUB_TOKEN or GH_TOKEN, API root from GITHUB_API_URL. Only a bundle that verifies counts; API errors exit 2.",
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
    bundle: {
      type: 'string',
      value: 'F',
      kind: 'file',
      description: "the attestation bundle (JSON or JSON Lines); default: fetch from GitHub's attestations API",
    },
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
    'source-ref': { type: 'string', value: 'REF', description: 'the ref the workflow ran on, exactly, e.g. refs/tags/v1.0.0' },
    'source-digest': { type: 'string', value: 'SHA', description: 'the commit the workflow ran on (40 hex)' },
    'signer-digest': { type: 'string', value: 'SHA', description: 'the commit of the signing workflow file (40 hex)' },
    'deny-self-hosted-runners': { type: 'boolean', description: 'reject attestations signed on self-hosted runners' },
    ...VERIFY_OUTPUT_OPTIONS,
  },
  exitCodes: VERIFY_EXIT_CODES,
} as const satisfies CommandSpec;
