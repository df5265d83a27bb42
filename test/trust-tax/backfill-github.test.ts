import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { TrustTaxReport } from '@trustgate/metrics';
import { applyEvent, pullRequestTimeline, type WorldState } from '../../app/test/e2e/backfill-world.js';
import { POLICY, SECRET } from '../../app/test/e2e/harness.js';
// @ts-expect-error plain ESM test double without type declarations
import { createState, startMockGitHub } from '../../app/test/mock-github/server.mjs';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'trustgate-backfill-cli-'));
let github: { url: string; close(): Promise<void>; calls(op: string): unknown[]; invalid: unknown[] };

beforeAll(async () => {
  const state = createState();
  state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
  for (const e of pullRequestTimeline(30)) applyEvent(state as WorldState, e);
  github = await startMockGitHub({ state, webhookSecret: SECRET, appUrl: () => '' });
});
afterAll(async () => {
  await github?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}) => runCli(['trust-tax', ...args], { cwd: dir, env });

describe('trustgate trust-tax backfill --github', () => {
  test('without a token: a usage error that says which variable to set', async () => {
    const r = await cli(['backfill', '--github', 'octo-org/service', '--api-url', github.url, '--data-dir', 'data']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('GITHUB_TOKEN');
  });

  test('records the pull requests through the REST API; the report then has review flow beside the published figures', async () => {
    const env = { GITHUB_TOKEN: 'cli-token' };
    const args = ['backfill', '--github', 'octo-org/service', '--since', '2026-09-01', '--api-url', github.url, '--data-dir', 'data'];
    const first = await cli(args, env);
    expect([first.code, first.stdout]).toEqual([0, expect.stringContaining('30 pull requests recorded')]);
    // Run again: a new run, every PR already stored at the same updated_at, so nothing is fetched per PR.
    const before = github.calls('pulls/get').length;
    const again = await cli(args, env);
    expect(again.stdout).toContain('0 pull requests recorded since 2026-09-01T00:00:00.000Z (30 already stored');
    expect(github.calls('pulls/get').length).toBe(before);
    expect(github.invalid).toEqual([]);

    const report = await cli(['--data-dir', 'data', '--as-of', '2026-12-01', '--format', 'json']);
    const json = JSON.parse(report.stdout) as TrustTaxReport;
    expect(json.pullRequests).toBe(20);
    const agent = json.flow.rows.find((r) => r.cohort === 'agent');
    // Agent PRs are 3, 6, ..., 30, all closed; 3, 15 and 27 unmerged; no human ever reviewed one.
    expect(agent).toMatchObject({ closed: 10, merged: 7, acceptance: 0.7, mergedWithoutReview: 1 });
    expect(json.flow.references.map((f) => f.source.url)).toContain('https://arxiv.org/abs/2507.15003');
    const table = await cli(['--data-dir', 'data', '--as-of', '2026-12-01']);
    expect(table.stdout).toContain('Review flow by cohort, beside published figures (published figures are context, not a target');
  }, 180_000);
});
