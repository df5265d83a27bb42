import type { CommandSpec } from '../spec.js';
import { SIGNER_OPTIONS, VERIFY_EXIT_CODES, VERIFY_OUTPUT_OPTIONS } from './shared.js';

export const verifyBundleSpec = {
  name: 'verify-bundle',
  summary: 'verify a Sigstore bundle for a file or digest',
  synopsis: ['[--staging] --bundle F (--certificate-identity ID --certificate-oidc-issuer URL | --key PEM) [options] FILE_OR_DIGEST'],
  description:
    'Verifies a Sigstore bundle (v0.1-v0.3, message signature or DSSE) over a file or a sha256:<hex> digest.\nFollows the sigstore-conformance CLI protocol: exit 0 = verified, non-zero = not verified.',
  positionals: [
    { name: 'FILE_OR_DIGEST', description: 'the signed file, or its digest as sha256:<hex>', required: true, digest: true, kind: 'file' },
  ],
  options: {
    bundle: { type: 'string', value: 'F', kind: 'file', required: true, description: 'the Sigstore bundle (JSON)' },
    ...SIGNER_OPTIONS,
    ...VERIFY_OUTPUT_OPTIONS,
    staging: { type: 'boolean', description: 'the bundle comes from the staging instance (needs --trusted-root)' },
  },
  exitCodes: VERIFY_EXIT_CODES,
} as const satisfies CommandSpec;
