import type { CommandSpec } from '../spec.js';
import { VERIFY_EXIT_CODES, VERIFY_OUTPUT_OPTIONS } from './shared.js';

export const verifyReleaseAssetSpec = {
  name: 'verify-release-asset',
  summary: "verify a release asset against GitHub's release attestation",
  synopsis: ['TAG [FILE] --repo O/R [--trusted-root F] [--format text|json] [--quiet]'],
  description:
    "Verifies that FILE is an asset of release TAG, as `gh release verify-asset` does (without FILE, that the release has\na valid attestation, as `gh release verify`): reads the release and its tag from the REST API, fetches the\nattestations of the tag's sha1 (predicate type release), and accepts only one signed by GitHub's release signer\n(https://dotcom.releases.github.com) for this repository, tag and release whose subjects hold FILE's sha256.\nImmutable releases carry one; pass GitHub's trusted root (`gh attestation trusted-root`) with --trusted-root.\nToken from GITHUB_TOKEN or GH_TOKEN, API root from GITHUB_API_URL.",
  positionals: [
    { name: 'TAG', description: 'the release tag, exactly (tags are case-sensitive)', required: true },
    { name: 'FILE', description: 'the local file to check against the release assets', kind: 'file' },
  ],
  options: {
    repo: { type: 'string', value: 'O/R', required: true, description: 'the repository of the release' },
    'trusted-root': VERIFY_OUTPUT_OPTIONS['trusted-root'],
    format: VERIFY_OUTPUT_OPTIONS.format,
    quiet: VERIFY_OUTPUT_OPTIONS.quiet,
  },
  exitCodes: VERIFY_EXIT_CODES,
} as const satisfies CommandSpec;
