/** Option groups several command specs share (data only). */

/** `-q` of the commands CI runs: only what blocks or fails, never the all-clear lines (each says what it keeps). */
export function quietOption(description: string) {
  return { type: 'boolean', short: 'q', description } as const;
}

/** Who must have signed: `(--certificate-identity[-regexp] ID --certificate-oidc-issuer URL | --key PEM)`. */
export const SIGNER_OPTIONS = {
  'certificate-identity': { type: 'string', value: 'ID', description: 'the certificate SAN, matched exactly' },
  'certificate-identity-regexp': { type: 'string', value: 'RE', description: 'or a regexp for the SAN, anchored by trustgate (^...$)' },
  'certificate-oidc-issuer': { type: 'string', value: 'URL', description: 'the OIDC issuer, matched exactly' },
  key: { type: 'string', value: 'PEM', kind: 'file', description: 'a managed public key (PEM file) instead of a certificate identity' },
} as const;

/** Trust root and output of every verify command. */
export const VERIFY_OUTPUT_OPTIONS = {
  'trusted-root': {
    type: 'string',
    value: 'F',
    kind: 'file',
    description: 'trusted_root.json (or JSON Lines of roots); default: the bundled public-good root',
  },
  format: { type: 'string', value: 'F', choices: ['text', 'json'], default: 'text', description: 'result format on stdout' },
  statement: { type: 'string', value: 'F', kind: 'output', description: 'write an in-toto verification Statement for the promotion gate' },
  quiet: quietOption('text format: print nothing when verified (a failure and any warning still go to stderr)'),
} as const;

export const VERIFY_EXIT_CODES =
  'Exit codes: 0 verified, 1 not verified (signature, certificate, log, identity, digest), 2 usage or unreadable/malformed input.';

/** Where the trust-tax store lives. */
export const STORE_OPTIONS = {
  database: { type: 'string', value: 'URL', description: 'PostgreSQL URL (default: $DATABASE_URL, else the embedded store)' },
  'data-dir': {
    type: 'string',
    value: 'DIR',
    kind: 'directory',
    description: 'the embedded store (default: $TRUSTGATE_DATA_DIR or .trustgate/data)',
  },
} as const;
