import { attestInput, errorCodeOutput, expression, policyInput, tokenInput, trustedRootInput } from './shared.js';
import type { GateDescription } from './types.js';

// actions/attest v4.2.2, pinned by commit (a tag can be moved; test/actions/pins.test.ts checks every pin).
export const ATTEST_ACTION = 'actions/attest@1e69f48acb82d1966a394da916b4c1698aa569d6';

export const promotionGateGate: GateDescription = {
  gate: 'promotion-gate',
  title: 'trustgate promotion gate',
  summary: "Promote a digest to an environment only when signed evidence for that exact digest satisfies the environment's policy.",
  icon: 'lock',
  command: 'gate',
  inputs: [
    { name: 'environment', description: 'Target environment name, as in the policy.', required: true, flag: '--environment' },
    { name: 'subject-digest', description: 'sha256:<hex> of the artifact to promote.', flag: '--subject' },
    { name: 'subject-path', description: 'The artifact file, when no digest is given.', flag: false },
    policyInput,
    {
      name: 'evidence',
      description:
        'Evidence files (in-toto statements or Sigstore bundles), one per line. The attestations API is read as well when a token is given.',
      kind: 'list',
      flag: '--evidence',
    },
    tokenInput,
    trustedRootInput,
    { name: 'dry-run', description: 'Evaluate and report without failing the step.', kind: 'boolean', default: 'false', flag: false },
    attestInput,
  ],
  outputs: [
    { name: 'decision', description: 'pass or fail.' },
    { name: 'decision-report', description: 'Path of the JSON decision.' },
    { name: 'decision-statement', description: 'Path of the decision Statement (SLSA verification summary).' },
    { name: 'subject-digest', description: 'The digest decided on (what the attest step signs).' },
    { name: 'subject-name', description: "The artifact's name (the subject-path file name, else the digest)." },
    { name: 'predicate', description: 'Path of the VSA predicate alone (input of actions/attest).' },
    errorCodeOutput,
  ],
  after: [
    {
      if: "inputs.attest == 'true' && steps.gate.outputs.decision-statement != ''",
      uses: ATTEST_ACTION,
      with: {
        'subject-digest': expression('steps.gate.outputs.subject-digest'),
        'subject-name': expression('steps.gate.outputs.subject-name'),
        'predicate-type': 'https://slsa.dev/verification_summary/v1',
        'predicate-path': expression('steps.gate.outputs.predicate'),
      },
    },
  ],
};
