import type { GateInput, GateOutput } from './types.js';

/** A GitHub Actions expression as action.yml holds it. */
export const expression = (e: string): string => ['$', '{{ ', e, ' }}'].join('');

// Inputs and outputs several gates declare: one object each, so a name means one thing in every action.

export const policyInput: GateInput = {
  name: 'policy',
  description:
    'Policy file. Default: .github/trustgate.yml in the workspace when it exists, else the built-in defaults. An input below overrides the policy only when the workflow sets it.',
  flag: '--policy',
};

export const tokenInput: GateInput = {
  name: 'github-token',
  description: 'Token for GitHub API reads (attestations, pull request commits and files) and writes (labels).',
  default: expression('github.token'),
  flag: false,
};

export const trustedRootInput: GateInput = {
  name: 'trusted-root',
  description:
    "Sigstore trusted_root.json (or JSON Lines of roots) to verify with. Default: the policy's verify.trustedRoot, else the bundled public-good root; GitHub Enterprise and private repositories need GitHub's own.",
  overrides: 'verify.trustedRoot',
  flag: '--trusted-root',
};

export const errorCodeOutput: GateOutput = {
  name: 'error-code',
  description: 'Stable error code when the gate itself failed to run (empty otherwise).',
};

export const attestInput: GateInput = {
  name: 'attest',
  description:
    "Sign this gate's evidence (the scan result, the promotion decision) with actions/attest, keyed by the subjects' digests. Needs id-token: write and attestations: write.",
  kind: 'boolean',
  default: 'false',
  flag: false,
  composite: true,
};
