import { describe, expect, it } from '@jest/globals';
import { gitCheckout, REPO, runWorkflow } from '../support/runner/index.js';
import { pushEvent, step } from './support.js';

// The root action's own checks, through the local runner: a missing or unknown gate is a usage error with its code.
const { dir } = gitCheckout({ 'README.md': '# x\n' });

const run = (gates: string) =>
  runWorkflow({
    workflow: 'w.yml',
    content: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: tg\n        uses: trustgate/trustgate@v1\n        with: { gates: "${gates}" }\n`,
    workspace: dir,
    event: pushEvent(),
    localRepositories: { 'trustgate/trustgate': REPO },
  });

describe('the root action', () => {
  it('fails with a usage error code when no gate is named', async () => {
    const r = await run('');
    expect(step(r, 'a', 'tg').outputs['error-code']).toBe('USAGE_ERROR');
    expect(r.jobs.a?.annotations.map((a) => a.message)).toContainEqual(expect.stringContaining('input "gates" is empty'));
  });

  it('names the unknown gate', async () => {
    const r = await run('model-scan-typo');
    expect(step(r, 'a', 'tg').outputs['error-code']).toBe('USAGE_ERROR');
    expect(r.jobs.a?.annotations.map((a) => a.message)).toContainEqual(expect.stringContaining('unknown gate "model-scan-typo"'));
  });
});
