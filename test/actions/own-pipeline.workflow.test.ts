import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loadPolicyFile } from '@trustgate/core';
import { cycloneDxValidator } from '../support/cyclonedx-schema.js';
import { git, REPO } from '../support/runner/index.js';
import { explain, pullRequestEvent, pushEvent, runRepoWorkflow, startGitHub, step } from './support.js';

// Each workflow starts several Node processes (the bundles); on a loaded 2-core machine that takes minutes.
jest.setTimeout(240_000);

// Item 9: this repository's own .github/workflows, run by the local runner. What is too slow to run inside a test
// (npm ci, the build, the whole suite) is stubbed by exact command, so the workflow's own logic runs for real.
const gates = readdirSync(join(REPO, 'actions')).filter((d) => existsSync(join(REPO, 'actions', d, 'dist/index.js')));
const dirs: string[] = [];
let github: Awaited<ReturnType<typeof startGitHub>>;

beforeAll(async () => {
  github = await startGitHub();
  github.addPull({
    number: 2,
    headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    author: 'Copilot',
    files: ['packages/core/src/verdict.ts'],
  });
});
afterAll(async () => {
  await github.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A checkout of the parts of this repository a workflow touches, committed, as actions/checkout leaves it. */
function checkout(paths: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tg-own-'));
  dirs.push(dir);
  for (const p of paths) cpSync(join(REPO, p), join(dir, p), { recursive: true, filter: (src) => !src.includes('/node_modules') });
  // What the repository ignores (lib/, where the build leaves its stats) stays out of the commit, as in a clone.
  cpSync(join(REPO, '.gitignore'), join(dir, '.gitignore'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'release');
  return dir;
}

describe("trustgate's CI", () => {
  it('runs the README test command through .ci/run, which ends in it', async () => {
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toMatch(/`npm test`/);
    const ci = readFileSync(join(REPO, '.ci/run'), 'utf8').trim().split('\n');
    expect(ci.at(-1)).toBe('npm test');
    const dir = checkout(['.ci', 'README.md']);
    const run = await runRepoWorkflow('.github/workflows/ci.yml', {
      workspace: dir,
      event: pushEvent(),
      stubs: [{ match: /^\.ci\/run\n?$/, stdout: 'tests: 1 passed\n' }],
    });
    expect(explain(run)).toBe('');
    expect(run.jobs.test?.steps.map((s) => s.run ?? s.uses)).toEqual([
      'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
      'git config --global --add safe.directory "$GITHUB_WORKSPACE"',
      '.ci/run',
    ]);
    expect(run.jobs.test?.permissions).toMatchObject({ contents: 'read' });
  });
});

describe("trustgate's release", () => {
  const statsMissing = gates.filter((g) => !existsSync(join(REPO, 'actions', g, 'lib/ncc-stats.json')));
  const paths = [
    'package.json',
    'action.yml',
    'scripts/bundle-sbom.mjs',
    ...gates.flatMap((g) => [`actions/${g}/action.yml`, `actions/${g}/dist`, `actions/${g}/lib`]),
    'packages/cli/dist/bundle',
    'packages/cli/dist/bundle-stats.json',
  ];

  it('attests the bundles with an SBOM of what each inlines, when the rebuilt bundles are byte-identical', async () => {
    expect(statsMissing).toEqual([]); // npm test builds first; run `npm run build` before test:only
    const dir = checkout(paths);
    const run = await runRepoWorkflow('.github/workflows/release.yml', {
      workspace: dir,
      event: { name: 'push', payload: { ref: 'refs/tags/v1.0.0', repository: { full_name: 'trustgate/trustgate' } } },
      ref: 'refs/tags/v1.0.0',
      github: github.options,
      stubs: [{ match: /^npm ci/ }, { match: /^npm run build\n?$/ }],
    });
    expect(explain(run)).toBe('');
    const calls = run.jobs.bundles?.fakeCalls ?? [];
    const attest = calls.find((c) => c.action === 'actions/attest');
    const statement = attest?.detail.statement as {
      subject: { name: string; digest: { sha256: string } }[];
      predicateType: string;
      predicate: Record<string, unknown>;
    };
    expect(statement.predicateType).toBe('https://cyclonedx.org/bom');
    const digest = (g: string) =>
      createHash('sha256')
        .update(readFileSync(join(REPO, 'actions', g, 'dist/index.js')))
        .digest('hex');
    expect(statement.subject.map((s) => s.digest.sha256).sort()).toEqual(gates.map(digest).sort());
    // The SBOM is valid CycloneDX 1.6, names each bundle by hash and what it inlines, with versions and licences.
    const sbom = statement.predicate as {
      components: { name: string; version: string; hashes?: { content: string }[]; licenses?: unknown[] }[];
      dependencies: { ref: string; dependsOn: string[] }[];
    };
    const validate = cycloneDxValidator();
    expect(validate(sbom) ? [] : validate.errors).toEqual([]);
    for (const g of gates)
      expect(sbom.components.find((c) => c.name === `actions/${g}/dist/index.js`)?.hashes?.[0]?.content).toBe(digest(g));
    // The CLI's bundle is listed the same way: each file by hash, and what it inlines.
    const cliBundle = readFileSync(join(REPO, 'packages/cli/dist/bundle/index.cjs'));
    expect(sbom.components.find((c) => c.name === 'packages/cli/dist/bundle/index.cjs')?.hashes?.[0]?.content).toBe(
      createHash('sha256').update(cliBundle).digest('hex'),
    );
    for (const worker of ['worker.js', 'digest-worker.js'])
      expect(sbom.components.some((c) => c.name === `packages/cli/dist/bundle/${worker}`)).toBe(true);
    expect(sbom.dependencies.find((d) => d.ref === 'packages/cli/dist/bundle/index.cjs')?.dependsOn).toEqual(
      expect.arrayContaining(['pkg:npm/%40trustgate/scanner@0.1.0', 'pkg:npm/%40trustgate/core@0.1.0']),
    );
    const core = sbom.components.find((c) => c.name === '@actions/core');
    expect(core).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/), licenses: [{ license: { id: 'MIT' } }] });
    expect(sbom.dependencies.find((d) => d.ref === 'actions/ai-tag/dist/index.js')?.dependsOn).toContain(
      `pkg:npm/%40actions/github@${JSON.parse(readFileSync(join(REPO, 'node_modules/@actions/github/package.json'), 'utf8')).version}`,
    );
    expect(calls.find((c) => c.action === 'actions/upload-artifact')?.detail.files).toEqual(['sbom/trustgate-actions.cdx.json']);
    expect(github.invalid).toEqual([]);
  });

  it('fails before attesting anything when the rebuilt bundles differ from the committed ones', async () => {
    const dir = checkout(paths);
    const run = await runRepoWorkflow('.github/workflows/release.yml', {
      workspace: dir,
      event: { name: 'push', payload: { ref: 'refs/tags/v1.0.0', repository: { full_name: 'trustgate/trustgate' } } },
      github: github.options,
      // A build whose output is not what was committed (a changed dependency, a nondeterministic bundler).
      stubs: [{ match: /^npm ci/ }, { match: /^npm run build\n?$/, replace: 'echo "// rebuilt" >> actions/model-scan/dist/index.js\n' }],
    });
    expect(run.result).toBe('failure');
    const check = run.jobs.bundles?.steps.find((s) => s.name.startsWith('the committed bundles are what this commit builds'));
    expect([check?.outcome, check?.log]).toEqual(['failure', expect.stringContaining('actions/model-scan/dist/index.js')]);
    expect(run.jobs.bundles?.fakeCalls.some((c) => c.action === 'actions/attest')).toBe(false);
  });
});

describe("trustgate's own pull requests", () => {
  it('are tagged by its own ai-tag action under its own .github/trustgate.yml, which the loader accepts', async () => {
    const policy = await loadPolicyFile(join(REPO, '.github/trustgate.yml'));
    expect(policy.review.rules.map((r) => r.name)).toContain('actions, bundles and the release pipeline');
    const dir = checkout(['.github/trustgate.yml', 'actions/ai-tag/action.yml', 'actions/ai-tag/dist']);
    const run = await runRepoWorkflow('.github/workflows/trustgate.yml', {
      workspace: dir,
      event: pullRequestEvent(),
      github: github.options,
    });
    expect(explain(run)).toBe('');
    expect(step(run, 'ai-tag', 'tag').outputs.cohort).toBe('agent');
    expect(run.jobs['ai-tag']?.summary).toContain('Policy: `.github/trustgate.yml`.');
    expect(github.calls('issues/add-labels').map((c) => c.body)).toContainEqual({ labels: ['ai:agent'] });
  });
});
