import type { CommandSpec } from '../spec.js';
import { quietOption, STORE_OPTIONS } from './shared.js';

export const decisionsExportSpec = {
  name: 'decisions export',
  summary: 'write the signed decision log as JSON Lines',
  options: {
    since: { type: 'string', value: 'WHEN', description: 'only records from this time on, e.g. 90d or an ISO date' },
    out: { type: 'string', value: 'F', kind: 'output', description: 'write to F (atomically) instead of stdout' },
    ...STORE_OPTIONS,
  },
} as const satisfies CommandSpec;

export const decisionsVerifySpec = {
  name: 'decisions verify',
  summary: 'check an exported decision log offline: hash chain and signatures',
  positionals: [{ name: 'FILE', description: 'JSON Lines from trustgate decisions export', required: true, kind: 'file' }],
  options: {
    key: {
      type: 'string',
      value: 'PEM',
      kind: 'file',
      multiple: true,
      required: true,
      description: 'an Ed25519 public key records may be signed with (repeat for rotated keys)',
    },
    format: { type: 'string', value: 'F', choices: ['text', 'json'], default: 'text', description: 'result format on stdout' },
    quiet: quietOption('text format: print nothing when the chain holds (a broken record is still printed)'),
  },
  exitCodes:
    'Exit codes: 0 the chain holds, 1 a record is edited, missing, out of order, forked or not signed by a --key, 2 unreadable input.',
} as const satisfies CommandSpec;

export const decisionsSpec = {
  name: 'decisions',
  summary: 'the signed, hash-chained log of gate decisions (export, verify)',
  synopsis: ['export [--since WHEN] [--out F] [--database URL | --data-dir DIR]', 'verify FILE --key PEM [--key PEM]...'],
  description:
    "Every decision of `trustgate gate --log-decision` and of the App's deployment protection rule is appended to the\nstore as a record chained to the one before by its sha256 and signed with Ed25519. Records are kept at least\n6 months (EU AI Act Art. 12). See docs/gate.md.",
  options: {},
  subcommands: [decisionsExportSpec, decisionsVerifySpec],
} as const satisfies CommandSpec;
