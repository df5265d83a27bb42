import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { gitCheckout, REPO, runWorkflow } from '../support/runner/index.js';
import { pushEvent, REPOSITORY, step } from './support.js';

// Each workflow starts several Node processes (the bundles); on a loaded 2-core machine that takes minutes.
jest.setTimeout(240_000);

// Item 8: the gates run their bundle on the Node already on the runner's PATH (no setup-node inside the action),
// so a caller's PATH is what it was and nothing is downloaded. The design before, kept here as a composite action
// in the workspace, is the comparison.
const SETUP_NODE_STYLE = `name: gate the old way
description: composite + setup-node, as trustgate's actions were
runs:
  using: composite
  steps:
    - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
      with: { node-version: 24 }
    - shell: bash
      run: node -e "console.log('gate ran on ' + process.version)"
`;

const workflow = (uses: string) => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: node --version > "$RUNNER_TEMP/before"
      - id: gate
        uses: ${uses}
        with: ${uses.includes('model-scan') ? '{ path: models/ }' : '{}'}
      - id: after
        run: |
          test "$(node --version)" = "$(cat "$RUNNER_TEMP/before")"
          echo "node after the gate: $(node --version)"
`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function checkout() {
  const { dir } = gitCheckout({ 'models/a.npy': { fixture: 'benign/array.npy' }, 'old/action.yml': SETUP_NODE_STYLE });
  dirs.push(dir);
  return dir;
}
const run = (uses: string, extra: Partial<Parameters<typeof runWorkflow>[0]> = {}) =>
  runWorkflow({
    workflow: 'w.yml',
    content: workflow(uses.replace('{}', '')),
    workspace: checkout(),
    event: pushEvent(),
    repository: REPOSITORY,
    localRepositories: { 'trustgate/trustgate': REPO },
    ...extra,
  });

const systemNode = existsSync('/usr/bin/node') ? '/usr/bin/node' : undefined;

describe('the actions leave the runner as they found it', () => {
  it("run on the image's Node (20 on GitHub's hosted images), leaving the caller's PATH and node unchanged", async () => {
    const r = await run('trustgate/trustgate/actions/model-scan@v1');
    expect(r.result).toBe('success');
    expect(step(r, 'build', 'gate').outputs.verdict).toBe('safe');
    expect(r.jobs.build?.path).not.toContain('toolcache');
    if (systemNode)
      expect(step(r, 'build', 'after').log).toContain(
        `node after the gate: ${execFileSync(systemNode, ['--version'], { encoding: 'utf8' }).trim()}`,
      );
  });

  it('work on an offline self-hosted runner; composite + setup-node does not', async () => {
    const ours = await run('trustgate/trustgate/actions/model-scan@v1', { offline: true });
    expect(ours.result).toBe('success');
    const old = await run('./old', { offline: true });
    expect(old.result).toBe('failure');
    expect(step(old, 'build', 'gate').steps?.[0]?.annotations[0]?.message).toContain("Unable to find Node version '24'");
  });

  it('composite + setup-node changes the node every later step of the caller runs', async () => {
    const old = await run('./old');
    expect(step(old, 'build', 'gate').outcome).toBe('success');
    expect(old.jobs.build?.path).toContain('toolcache/node/');
    if (systemNode) expect(step(old, 'build', 'after').outcome).toBe('failure');
  });

  it('without Node 20+ on PATH the step fails and says what to add', async () => {
    const content =
      'on: push\njobs:\n  build:\n    runs-on: self-hosted\n    steps:\n      - id: gate\n        uses: trustgate/trustgate/actions/model-scan@v1\n        with: { path: models/ }\n';
    const r = await run('trustgate/trustgate/actions/model-scan@v1', { imageNode: null, content });
    const gate = step(r, 'build', 'gate');
    expect(gate.outcome).toBe('failure');
    expect(gate.steps?.[0]?.annotations[0]?.message).toMatch(
      /needs Node.js 20 or later on PATH \(found none\): add actions\/setup-node before this step/,
    );
  });
});
