import type { CommandSpec } from '../spec.js';
import { SIGNER_OPTIONS, VERIFY_EXIT_CODES, VERIFY_OUTPUT_OPTIONS } from './shared.js';

export const verifyModelSpec = {
  name: 'verify-model',
  summary: 'verify an OpenSSF model signature over a model directory',
  synopsis: ['MODEL_PATH --signature F (--certificate-identity ID --certificate-oidc-issuer URL | --key PEM) [options]'],
  description:
    "Verifies an OpenSSF model signature (model_signing's model.sig): the Sigstore bundle, then every file of the model\nagainst the signed manifest (sha256, blake2 or blake3; files or shards). Differences are listed file by file.",
  positionals: [{ name: 'MODEL_PATH', description: 'the model directory (or single file) that was signed', required: true, kind: 'path' }],
  options: {
    signature: { type: 'string', value: 'F', kind: 'file', required: true, description: 'the model signature (model.sig)' },
    ...SIGNER_OPTIONS,
    ...VERIFY_OUTPUT_OPTIONS,
    'ignore-paths': {
      type: 'string',
      value: 'P',
      multiple: true,
      description: 'a path (relative to the model) not covered by the signature (.git*, .github and the signature are always ignored)',
    },
  },
  exitCodes: VERIFY_EXIT_CODES,
} as const satisfies CommandSpec;
