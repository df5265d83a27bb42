import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { gitCheckout } from '../support/runner/index.js';
import { pullRequestEvent, runRepoWorkflow, startGitHub, step } from './support.js';

// Each workflow starts several Node processes (the bundles); on a loaded 2-core machine that takes minutes.
jest.setTimeout(240_000);

// examples/workflows/ai-tag.yml against a GitHub built from its OpenAPI description, each job's token held to the
// job's permissions (a fork's pull request: read-only, so every write is refused with 403).
const WORKFLOW = 'examples/workflows/ai-tag.yml';
let github: Awaited<ReturnType<typeof startGitHub>>;
let dir: string;

beforeAll(async () => {
  github = await startGitHub();
  github.addPull({
    number: 2,
    headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    author: 'Copilot',
    files: ['README.md'],
    commits: [
      { sha: '1'.repeat(40), message: 'Initial plan', authorName: 'Copilot', authorEmail: '198982749+Copilot@users.noreply.github.com' },
    ],
  });
  dir = gitCheckout({ 'README.md': '# Hello\n' }).dir;
});
afterAll(async () => {
  await github.close();
  rmSync(dir, { recursive: true, force: true });
});

const labelWrites = () => github.requests.filter((r) => r.operationId === 'issues/add-labels');

describe('ai-tag workflow', () => {
  it('labels a same-repository agent pull request, outputs first', async () => {
    const before = labelWrites().length;
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pullRequestEvent(), github: github.options });
    expect(run.result).toBe('success');
    const tag = step(run, 'tag', 'tag');
    expect(tag.outputs.cohort).toBe('agent');
    expect(JSON.parse(tag.outputs.classification as string)).toMatchObject({ version: 1, cohort: 'agent' });
    const writes = labelWrites().slice(before);
    expect(writes.map((w) => w.body)).toEqual([{ labels: ['ai:agent'] }]);
    expect(github.invalid).toEqual([]);
    expect(run.jobs.tag?.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
  });

  it("a fork's pull request: the refused label is a warning naming the permission, outputs and summary are out", async () => {
    const run = await runRepoWorkflow(WORKFLOW, { workspace: dir, event: pullRequestEvent({ fork: true }), github: github.options });
    expect(run.jobs.tag?.permissions['pull-requests']).toBe('read');
    expect(run.result).toBe('success');
    const tag = step(run, 'tag', 'tag');
    expect(tag.outcome).toBe('success');
    expect(tag.outputs.cohort).toBe('agent');
    expect(run.jobs.tag?.summary).toContain('Policy: built-in defaults');
    const warnings = run.jobs.tag?.annotations.filter((a) => a.level === 'warning') ?? [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(
      /could not add the label ai:agent to #2: GitHub refused it \(403\) because the token lacks pull-requests: write/,
    );
    expect(warnings[0]?.message).toContain('pull_request_target');
    // The write was tried and refused by GitHub, not skipped by guessing.
    const refused = github.requests.filter((r) => r.operationId === 'issues/add-labels').at(-1);
    expect(refused).toBeDefined();
    // The next step read the outputs.
    expect(step(run, 'tag', '__run').log).toContain('cohort=agent');
  });
});
