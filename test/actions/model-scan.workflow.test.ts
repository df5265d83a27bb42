import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SarifUpload } from '../support/runner/index.js';
import { fixture, gitCheckout, lfsPointer, monorepoFiles, REPO, writeFiles } from '../support/runner/index.js';
import { explain, pullRequestEvent, pushEvent, runRepoWorkflow, startGitHub, step } from './support.js';

// examples/workflows/model-scan.yml, as users copy it, run as GitHub's runner runs it on realistic checkouts.
const WORKFLOW = 'examples/workflows/model-scan.yml';
let github: Awaited<ReturnType<typeof startGitHub>>;
const dirs: string[] = [];

beforeAll(async () => {
  github = await startGitHub();
});
afterAll(async () => {
  await github.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function checkout(files: Parameters<typeof gitCheckout>[0]) {
  const c = gitCheckout(files);
  dirs.push(c.dir);
  return c.dir;
}

const report = (run: Awaited<ReturnType<typeof runRepoWorkflow>>) =>
  JSON.parse(readFileSync(step(run, 'scan', 'scan').outputs['scan-report'] as string, 'utf8')) as {
    files: { path: string; verdict: string; findings: { rule: string; severity: string }[] }[];
  };
const uploads = (run: Awaited<ReturnType<typeof runRepoWorkflow>>) =>
  run.jobs.scan?.fakeCalls.filter((c) => c.action === 'github/codeql-action/upload-sarif').map((c) => c.detail.uploads as SarifUpload[]) ??
  [];

describe('model-scan workflow on a checkout', () => {
  it('scans the root of a git checkout with committed models: .git is not walked, SARIF maps to repository files', async () => {
    const dir = checkout({
      'models/classifier.pt': { fixture: 'benign/state_dict.pt' },
      'models/features.joblib': { fixture: 'benign/arrays.joblib' },
      'src/train.py': 'import torch\n',
      'README.md': '# models\n',
    });
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: github.options });
    expect(run.result).toBe('success');
    const scan = step(run, 'scan', 'scan');
    expect(scan.outputs.verdict).toBe('safe');
    const paths = report(run).files.map((f) => f.path);
    expect(paths).toEqual(['./README.md', './models/classifier.pt', './models/features.joblib', './src/train.py']);
    // Every step's summary kept (none over 1 MiB) and the policy that decided is named.
    expect(run.jobs.scan?.summary).toContain('Policy: built-in defaults (no .github/trustgate.yml in the workspace).');
    const [upload] = uploads(run);
    expect(upload?.[0]?.runs).toEqual([{ tool: 'trustgate', automationId: 'trustgate-model-scan', results: 0, levels: {} }]);
  });

  it('blocks a committed malicious model: error annotation on the repository path, SARIF alert at that file', async () => {
    const dir = checkout({
      'models/model.pkl': { fixture: 'malicious/os_system_p4.pkl' },
      'models/ok.npy': { fixture: 'benign/array.npy' },
    });
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: github.options });
    expect(run.result).toBe('failure');
    const scan = step(run, 'scan', 'scan');
    expect(scan.outcome).toBe('failure');
    expect(scan.outputs).toMatchObject({ verdict: 'unsafe', 'unsafe-count': '1', 'error-code': '' });
    expect(run.jobs.scan?.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: 'models/model.pkl', title: 'TG-PKL-001 (critical)' }),
    );
    // upload-sarif runs after the failure (if: always()) and code scanning can map every result.
    const [upload] = uploads(run);
    expect(upload?.[0]?.unmappable).toEqual([]);
    expect(upload?.[0]?.uris).toEqual(['models/model.pkl']);
    expect(upload?.[0]?.runs[0]?.levels).toEqual({ error: 1 });
  });

  it('a fork pull request scans, but its read-only token cannot upload SARIF: the upload step is skipped', async () => {
    const dir = checkout({ 'models/ok.npy': { fixture: 'benign/array.npy' } });
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pullRequestEvent({ fork: true }), github: github.options });
    expect(run.result).toBe('success');
    expect(run.jobs.scan?.permissions['security-events']).toBe('read');
    expect(run.jobs.scan?.steps.map((s) => s.outcome)).toEqual(['success', 'success', 'skipped']);
  });

  it('LFS pointers: without the objects the scan is not safe; with lfs: true the real models are scanned', async () => {
    const model = fixture('benign/state_dict.pt');
    const { pointer, oid } = lfsPointer(model);
    const dir = checkout({ 'models/model.pt': pointer, '.gitattributes': '*.pt filter=lfs diff=lfs merge=lfs -text\n' });
    const withObjects = await runRepoWorkflow(WORKFLOW, {
      workspace: dir,
      event: pushEvent(),
      github: github.options,
      lfsObjects: new Map([[oid, model]]),
    });
    expect(step(withObjects, 'scan', 'scan').outputs.verdict).toBe('safe');
    expect(report(withObjects).files.find((f) => f.path === './models/model.pt')).toMatchObject({ verdict: 'safe' });

    // The same checkout when the LFS server does not hold the object: the checkout step fails, nothing passes.
    const pointerDir = checkout({ 'models/model.pt': pointer });
    const missing = await runRepoWorkflow(WORKFLOW, { workspace: pointerDir, event: pushEvent(), github: github.options });
    expect(missing.result).toBe('failure');
    expect(missing.jobs.scan?.steps.map((s) => s.outcome)).toEqual(['failure', 'skipped', 'skipped']);
  });

  it('LFS pointers checked out without lfs: true are error, and the summary says to fetch them', async () => {
    const { pointer } = lfsPointer(fixture('benign/state_dict.pt'));
    const dir = checkout({ 'models/model.pt': pointer });
    const content = readFileSync(join(REPO, WORKFLOW), 'utf8').replace('        with:\n          lfs: true\n', '');
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: github.options, content });
    expect(step(run, 'scan', 'scan').outputs.verdict).toBe('error');
    expect(run.jobs.scan?.summary).toContain('lfs: true');
  });

  it('.github/trustgate.yml decides when present; a fail-on the workflow sets overrides it, and the summary says which', async () => {
    // A policy that accepts review verdicts (a TorchScript archive carries code the loader compiles).
    const files = {
      'models/net.pt': { fixture: 'review/torchscript.pt' },
      '.github/trustgate.yml': 'version: 1\nscan:\n  failOn: [unsafe, error]\n',
    } as const;
    const dir = checkout(files);
    const accepted = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: github.options });
    const scan = step(accepted, 'scan', 'scan');
    expect(scan.outcome).toBe('success');
    expect(scan.outputs.verdict).toBe('review');
    expect(accepted.jobs.scan?.summary).toContain('Policy: `.github/trustgate.yml`.');
    expect(accepted.jobs.scan?.summary).toContain('Blocking verdicts: unsafe, error.');

    // The same workspace without the policy: the built-in defaults block review.
    rmSync(join(dir, '.github'), { recursive: true });
    const defaults = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: github.options });
    expect(step(defaults, 'scan', 'scan').outcome).toBe('failure');
    expect(defaults.jobs.scan?.summary).toContain('Policy: built-in defaults (no .github/trustgate.yml in the workspace).');

    // With the policy back, a workflow that sets fail-on overrides scan.failOn, and the summary names the override.
    writeFiles(dir, files);
    const content = readFileSync(join(REPO, WORKFLOW), 'utf8').replace(
      '          path: .\n',
      '          path: .\n          fail-on: unsafe,review,error\n',
    );
    const overridden = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: github.options, content });
    expect(step(overridden, 'scan', 'scan').outcome).toBe('failure');
    expect(overridden.jobs.scan?.summary).toContain('set by the workflow: `fail-on` (over scan.failOn)');
  });
});

describe('model-scan workflow on a monorepo', () => {
  it('scans thousands of files, skips excluded directories, and keeps annotations within what GitHub shows', async () => {
    // 3,000 files, 1% models of which 30 malicious: more alerts than GitHub shows for one step.
    const files = monorepoFiles(3000, 60, { malicious: 30 });
    for (let i = 0; i < 20; i++) files[`node_modules/dep-${i}/model.pkl`] = { fixture: 'malicious/os_system_p4.pkl' };
    const dir = checkout(files);
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pushEvent(), github: github.options });
    const scan = step(run, 'scan', 'scan');
    expect(scan.outputs).toMatchObject({ verdict: 'unsafe', 'unsafe-count': '30' });
    const scanned = report(run).files;
    expect(scanned).toHaveLength(3000);
    expect(scanned.some((f) => f.path.includes('node_modules') || f.path.includes('.git/'))).toBe(false);
    const job = run.jobs.scan!;
    // What the step wrote is what GitHub shows: 8 findings and the step's failure as 10 errors, a notice for the rest.
    expect(job.hiddenAnnotations).toBe(0);
    const errors = job.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors.filter((a) => a.file?.endsWith('.pkl'))).toHaveLength(8);
    expect(job.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringMatching(/^trustgate: 22 more finding\(s\) are not annotated/) }),
    );
    const [upload] = uploads(run);
    expect(upload?.[0]?.runs[0]?.results).toBe(30);
    expect(upload?.[0]?.unmappable).toEqual([]);
    expect(explain(run)).toContain('blocked on 30 file(s)');
  });
});
