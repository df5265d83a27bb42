import { describe, expect, it } from '@jest/globals';
import { gitCheckout, REPO, runWorkflow } from '../support/runner/index.js';

const pr = (fork = false) => ({
  name: 'pull_request',
  payload: {
    action: 'opened',
    number: 7,
    pull_request: {
      number: 7,
      head: { ref: 'feature', sha: 'a'.repeat(40), repo: { full_name: fork ? 'stranger/service' : 'octo-org/service', fork } },
      base: { ref: 'main', repo: { full_name: 'octo-org/service' } },
    },
    repository: { full_name: 'octo-org/service' },
  },
});

describe('the local runner', () => {
  it('runs run: steps with env, outputs, GITHUB_ENV, GITHUB_PATH, summaries and if: status functions', async () => {
    const { dir } = gitCheckout({ 'README.md': 'hi\n' });
    const content = `on: pull_request
env: { GREETING: hello }
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - id: one
        run: |
          echo "word=\${GREETING}-\${{ github.event.number }}" >> "$GITHUB_OUTPUT"
          echo "LATER=set" >> "$GITHUB_ENV"
          echo "## summary" >> "$GITHUB_STEP_SUMMARY"
      - id: two
        env: { WORD: "\${{ steps.one.outputs.word }}" }
        run: test "$WORD" = hello-7 && test "$LATER" = set && exit 3
      - if: failure()
        id: three
        run: echo "::warning file=README.md,line=1::after failure"
      - id: never
        run: echo never
`;
    const run = await runWorkflow({ workflow: 'w.yml', content, workspace: dir, event: pr() });
    const job = run.jobs.build!;
    expect(job.result).toBe('failure');
    expect(job.steps.map((s) => [s.id, s.outcome])).toEqual([
      ['one', 'success'],
      ['two', 'failure'],
      ['three', 'success'],
      ['never', 'skipped'],
    ]);
    expect(job.steps[1]!.exitCode).toBe(3);
    expect(job.summary).toBe('## summary\n');
    expect(job.annotations).toContainEqual({ level: 'warning', message: 'after failure', file: 'README.md', line: 1 });
  });

  it('rejects a workflow GitHub would reject, with the parser message', async () => {
    const { dir } = gitCheckout({ 'a.txt': 'a' });
    await expect(
      runWorkflow({
        workflow: 'w.yml',
        content: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: a/b@v1\n        run: echo\n',
        workspace: dir,
        event: { name: 'push', payload: {} },
      }),
    ).rejects.toThrow(/w.yml/);
  });

  it('fails a recorded action given an input it does not declare', async () => {
    const { dir } = gitCheckout({ 'a.txt': 'a' });
    const content =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: { fetch_depth: 0 }\n';
    const run = await runWorkflow({ workflow: 'w.yml', content, workspace: dir, event: { name: 'push', payload: {} } });
    expect(run.jobs.a!.steps[0]!.runnerErrors[0]).toMatch(/Unexpected input\(s\) 'fetch_depth'/);
    expect(run.result).toBe('failure');
  });

  it('runs a composite action from the repository with defaults, and a fork PR gets a read-only token', async () => {
    const { dir } = gitCheckout({ 'models/a.pkl': { fixture: 'benign/dict_p4.pkl' } });
    const content = `on: pull_request
permissions: { contents: read, pull-requests: write }
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: scan
        uses: acme/trustgate/actions/model-scan@v1
        with: { path: models/ }
      - run: test "\${{ steps.scan.outputs.verdict }}" = safe
`;
    const run = await runWorkflow({
      workflow: 'w.yml',
      content,
      workspace: dir,
      event: pr(true),
      localRepositories: { 'acme/trustgate': REPO },
    });
    const job = run.jobs.scan!;
    expect(job.steps.map((s) => s.outcome)).toEqual(['success', 'success', 'success']);
    expect(job.steps[1]!.inputs).toMatchObject({ path: 'models/', 'fail-on': '' });
    expect(job.permissions['pull-requests']).toBe('read');
  });
});
