import type { CommandSpec } from '../spec.js';
import { quietOption, STORE_OPTIONS } from './shared.js';

export const gateSpec = {
  name: 'gate',
  summary: 'decide a promotion from policy and signed evidence',
  synopsis: ['--policy F --environment NAME --subject sha256:HEX (--evidence F... | --repo O/R) [options]'],
  description:
    "Decides whether the artifact with digest --subject may be promoted to --environment under the policy's\npromotion.environments section. Evidence is Sigstore bundles (JSON, JSON Lines, or a GitHub attestations\nAPI response); with --repo and GITHUB_TOKEN the attestations API is read too. Only bundles that verify\nagainst the policy's signers and name this exact digest count.",
  positionals: [{ name: 'EVIDENCE', description: 'more evidence files (as after --evidence)', variadic: true, kind: 'file' }],
  options: {
    policy: { type: 'string', value: 'F', kind: 'file', required: true, description: 'the policy (.github/trustgate.yml)' },
    environment: { type: 'string', value: 'NAME', required: true, description: 'the environment to promote to' },
    subject: {
      type: 'string',
      value: 'sha256:HEX',
      required: true,
      description: 'the digest of the artifact to promote (or oci://REGISTRY/REPO@sha256:HEX)',
    },
    evidence: { type: 'string', value: 'F', kind: 'file', multiple: true, description: 'a Sigstore bundle or JSON Lines of bundles' },
    format: { type: 'string', value: 'F', choices: ['json', 'markdown'], default: 'markdown', description: 'decision output' },
    'dry-run': { type: 'boolean', description: 'report the decision but exit 0' },
    quiet: quietOption('markdown format: print nothing when the promotion passes (a failing decision is printed in full)'),
    statement: {
      type: 'string',
      value: 'F',
      kind: 'output',
      description: 'write the decision as an in-toto Statement (SLSA verification summary)',
    },
    'trusted-root': {
      type: 'string',
      value: 'F',
      kind: 'file',
      description: 'Sigstore trusted_root.json (default: the bundled public-good root)',
    },
    repo: { type: 'string', value: 'O/R', description: "also read the repository's attestations API (needs GITHUB_TOKEN)" },
    'log-decision': { type: 'boolean', description: 'append the decision to the signed decision log in the store (trustgate decisions)' },
    'signing-key': {
      type: 'string',
      value: 'PEM',
      kind: 'file',
      description: 'Ed25519 key that signs the log record (default: $TRUSTGATE_DECISION_KEY_FILE or $TRUSTGATE_DECISION_KEY)',
    },
    ...STORE_OPTIONS,
  },
  exitCodes: 'Exit codes: 0 pass, 1 fail, 2 usage, config or I/O error.',
} as const satisfies CommandSpec;
