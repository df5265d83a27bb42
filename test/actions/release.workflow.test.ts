import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { gitCheckout } from '../support/runner/index.js';
import { createLocalSigstore, type LocalSigstore } from '../support/sigstore-signer.js';
import { explain, pushEvent, REPOSITORY, runRepoWorkflow, startGitHub, step } from './support.js';

// Each workflow starts several Node processes (the bundles); on a loaded 2-core machine that takes minutes.
jest.setTimeout(240_000);

// examples/workflows/release.yml: the scan is signed by actions/attest as this workflow run (a local Fulcio and
// Rekor stand in for GitHub's), stored in the attestations API, read back by digest and verified by the gate.
const WORKFLOW = 'examples/workflows/release.yml';
const AS = '.github/workflows/release.yml';
let github: Awaited<ReturnType<typeof startGitHub>>;
let sigstore: LocalSigstore;
const dirs: string[] = [];

beforeAll(async () => {
  github = await startGitHub();
  sigstore = await createLocalSigstore();
});
afterAll(async () => {
  await github.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const signer = `https://github\\.com/${REPOSITORY}/\\.github/workflows/release\\.yml@refs/heads/main`;
const policy = (maxVerdict: string) => `version: 1
verify:
  trustedRoot: .github/trusted_root.json
promotion:
  environments:
    staging:
      requires:
        scan: { maxVerdict: ${maxVerdict} }
      evidenceSigners:
        - identityRegexp: '${signer}'
          issuer: https://token.actions.githubusercontent.com
`;

function workspace(model: { fixture: string }, maxVerdict = 'safe') {
  const { dir } = gitCheckout({
    'models/model.safetensors': model,
    '.github/trustgate.yml': policy(maxVerdict),
    '.github/trusted_root.json': JSON.stringify(sigstore.trustedRoot),
  });
  dirs.push(dir);
  return dir;
}

describe('release workflow: scan, attest, promote', () => {
  it('promotes a safe model on signed scan evidence for its exact digest, and signs the decision', async () => {
    const dir = workspace({ fixture: 'formats/safetensors/benign.safetensors' });
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: github.options, sigstore, workflowPath: AS });
    expect(explain(run)).toBe('');
    expect(run.result).toBe('success');
    const promote = step(run, 'release', 'promote');
    expect(promote.outputs.decision).toBe('pass');
    // Two attestations through the API: the scan (by the model's digest) and the decision (a SLSA VSA).
    const attested = run.jobs.release?.fakeCalls.filter((c) => c.action === 'actions/attest') ?? [];
    expect(attested.map((c) => (c.detail.statement as { predicateType: string }).predicateType)).toEqual([
      'https://trustgate.dev/scan/v1',
      'https://slsa.dev/verification_summary/v1',
    ]);
    expect(github.calls('repos/create-attestation')).toHaveLength(2);
    expect(github.calls('repos/list-attestations').length).toBeGreaterThan(0);
    expect(github.invalid).toEqual([]);
    expect(run.jobs.release?.summary).toContain('Policy: `.github/trustgate.yml`');
  });

  it('does not promote without the id-token permission: the scan cannot be signed, nothing is evidence', async () => {
    const dir = workspace({ fixture: 'formats/safetensors/benign.safetensors' });
    const content = `on: workflow_dispatch
permissions: { contents: read }
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - id: scan
        uses: trustgate/trustgate/actions/model-scan@v1
        with: { path: models/, attest: true }
      - id: promote
        if: always()
        uses: trustgate/trustgate/actions/promotion-gate@v1
        with: { environment: staging, subject-path: models/model.safetensors }
`;
    // A GitHub of its own: no attestation from another run exists for this digest.
    const fresh = await startGitHub();
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: fresh.options, sigstore, content });
    await fresh.close();
    const scan = step(run, 'release', 'scan');
    expect(scan.outcome).toBe('failure');
    expect(scan.steps?.[1]?.annotations[0]?.message).toContain('id-token: write');
    const promote = step(run, 'release', 'promote');
    expect(promote.outcome).toBe('failure');
    expect(promote.outputs.decision).toBe('fail');
  });
});
