import type { CommandSpec } from '../spec.js';

export const initSpec = {
  name: 'init',
  summary: 'write a commented .github/trustgate.yml to start from',
  options: {
    out: { type: 'string', value: 'F', kind: 'output', default: '.github/trustgate.yml', description: 'where to write the policy' },
    force: { type: 'boolean', description: 'overwrite the file if it exists' },
  },
  exitCodes: 'Exit codes: 0 written, 2 the file exists (use --force) or cannot be written.',
} as const satisfies CommandSpec;
