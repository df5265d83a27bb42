import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse, stringify } from 'yaml';
import { isIllustrative, type MarkdownSnippet, repoSnippets, snippetKind, where } from '../support/markdown-snippets.js';
import { REPO } from '../support/runner/index.js';
import { createLocalSigstore, type LocalSigstore } from '../support/sigstore-signer.js';
import { demoRepository } from './demo-repository.js';
import { explain, pullRequestEvent, pushEvent, runRepoWorkflow, startGitHub } from './support.js';

// Each workflow starts several Node processes (the bundles); on a loaded 2-core machine that takes minutes.
jest.setTimeout(240_000);

// Item 2: every workflow a user can copy (README.md, docs/*.md, examples/workflows/) runs green through the local
// runner, in one demo repository whose policy, signatures and evidence make each documented step meaningful.
const snippets = repoSnippets(REPO).filter((s) => snippetKind(s) === 'workflow' && !isIllustrative(s));
const exampleFiles = readdirSync(join(REPO, 'examples/workflows')).filter((f) => f.endsWith('.yml'));

let github: Awaited<ReturnType<typeof startGitHub>>;
let sigstore: LocalSigstore;
let demo: string;
const dirs: string[] = [];

beforeAll(async () => {
  github = await startGitHub();
  github.addPull({ number: 2, headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', author: 'Copilot', files: ['README.md'] });
  sigstore = await createLocalSigstore();
  demo = await demoRepository(sigstore);
});
afterAll(async () => {
  await github.close();
  for (const d of [demo, ...dirs]) rmSync(d, { recursive: true, force: true });
});

/** Every trustgate step of the run ran and passed (a skipped gate would make a green run mean nothing). */
function gatesRan(run: Awaited<ReturnType<typeof runRepoWorkflow>>): string[] {
  return Object.values(run.jobs)
    .flatMap((j) => j.steps)
    .filter((x) => x.uses?.startsWith('trustgate/trustgate'))
    .map((x) => `${x.uses?.replace(/^trustgate\/trustgate\/?/, '').replace(/@v1$/, '') || 'root'}: ${x.outcome}`);
}

/** A copy of the demo repository per workflow, so one run's outputs never feed another. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tg-snippet-'));
  cpSync(demo, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

/**
 * A snippet as a whole workflow: a full one as it is; `permissions:` + `steps:` (or a bare list of steps) inside one
 * job, on push. `<owner>` is the placeholder for wherever trustgate is forked or published.
 */
function asWorkflow(s: MarkdownSnippet): string {
  const doc = parse(s.text.replaceAll('<owner>/', 'trustgate/')) as Record<string, unknown> | unknown[];
  if (!Array.isArray(doc) && doc.jobs) return stringify(doc);
  const steps = Array.isArray(doc) ? doc : doc.steps;
  const permissions = Array.isArray(doc)
    ? { contents: 'read', 'security-events': 'write', 'id-token': 'write', attestations: 'write' }
    : doc.permissions;
  return stringify({ on: 'push', ...(permissions ? { permissions } : {}), jobs: { snippet: { 'runs-on': 'ubuntu-latest', steps } } });
}

// A workflow that runs on push runs on push here; one that runs only on pull requests gets the agent pull request.
const eventFor = (workflow: string) =>
  /^on:.*\bpush\b|^ {2}push:/m.test(workflow) || !/pull_request/.test(workflow) ? pushEvent() : pullRequestEvent();

describe('documented workflows run green', () => {
  it('the docs hold workflow snippets to run', () => {
    expect(snippets.length).toBeGreaterThan(3);
    expect(exampleFiles.length).toBeGreaterThan(3);
  });

  it.each(snippets.map((s) => [where(s), s] as const))('%s', async (_where, s) => {
    const content = asWorkflow(s);
    const run = await runRepoWorkflow('.github/workflows/snippet.yml', {
      workspace: workspace(),
      content,
      event: eventFor(s.text),
      github: github.options,
      sigstore,
    });
    expect(explain(run)).toBe('');
    expect(run.result).toBe('success');
    const gates = gatesRan(run);
    expect(gates.length).toBeGreaterThan(0);
    expect(gates.filter((g) => !g.endsWith(': success'))).toEqual([]);
  });

  it.each(exampleFiles)('examples/workflows/%s', async (file) => {
    const run = await runRepoWorkflow(`examples/workflows/${file}`, {
      workspace: workspace(),
      event: eventFor(readFileSync(join(REPO, 'examples/workflows', file), 'utf8')),
      github: github.options,
      sigstore,
      workflowPath: `.github/workflows/${file}`,
    });
    expect(explain(run)).toBe('');
    expect(run.result).toBe('success');
    expect(gatesRan(run).filter((g) => !g.endsWith(': success'))).toEqual([]);
  });
});
