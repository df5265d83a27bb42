import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { syntheticOrganisation } from '@trustgate/metrics';
import { runCli } from '../../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'trustgate-cli-tt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = {}) {
  const { code, stdout } = await runCli(['trust-tax', ...args], { cwd: dir, env });
  return { code, stdout };
}

/** Exit code and error code of a failing run. */
async function failure(args: string[]) {
  const r = await runCli(['trust-tax', ...args], { cwd: dir });
  return { exit: r.code, code: /\(code ([A-Z_]+)\)\n$/.exec(r.stderr)?.[1], stderr: r.stderr };
}

describe('trustgate trust-tax', () => {
  it('imports a history file into the embedded store and reports it as CSV and JSON', async () => {
    writeFileSync(join(dir, 'history.json'), JSON.stringify(syntheticOrganisation({ pullRequests: 40, seed: 3 })));
    expect(await run(['import', 'history.json', '--data-dir', 'data'])).toEqual({
      code: 0,
      stdout: 'trust-tax import: 40 pull requests, 40 default-branch commits recorded\n',
    });
    const csv = await run(['--as-of', '2026-08-01', '--format', 'csv'], { TRUSTGATE_DATA_DIR: join(dir, 'data') });
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe(
      'section,key,cohort,measure,n,authors,human_n,human_authors,observed,expected,tax,low,high,suppressed',
    );
    const json = JSON.parse((await run(['--data-dir', 'data', '--as-of', '2026-08-01', '--format', 'json', '--repo', 'acme/web'])).stdout);
    expect(json.rows.every((r: { repo: string }) => r.repo === 'acme/web')).toBe(true);
    expect(json.pullRequests).toBe(json.rows.length);
  }, 60_000);

  it('fails with exit 2 when there is no store, a bad format or a bad --since', async () => {
    expect(await failure(['--data-dir', 'missing'])).toMatchObject({
      exit: 2,
      code: 'STORE_NOT_FOUND',
      stderr: expect.stringContaining(join(dir, 'missing')),
    });
    expect(await failure(['--data-dir', 'data', '--format', 'xml'])).toMatchObject({ exit: 2, code: 'USAGE_ERROR' });
    expect(await failure(['--data-dir', 'data', '--since', 'yesterday'])).toMatchObject({ exit: 2, code: 'TRUST_TAX_INPUT_ERROR' });
    expect(await failure(['import', join(dir, 'nope.json'), '--data-dir', 'data'])).toMatchObject({ exit: 2, code: 'IO_ERROR' });
    expect(await failure(['backfill', '--repo', 'o/r', '--data-dir', 'data'])).toMatchObject({ exit: 2, code: 'USAGE_ERROR' });
    expect(await failure(['bakfill'])).toMatchObject({
      exit: 2,
      code: 'USAGE_ERROR',
      stderr: expect.stringContaining('did you mean "backfill"'),
    });
  }, 60_000);

  it('rejects a file that is not a trust-tax history', async () => {
    writeFileSync(join(dir, 'other.json'), '{"version":2}');
    expect(await failure(['import', 'other.json', '--data-dir', 'data'])).toMatchObject({ exit: 2, code: 'TRUST_TAX_INPUT_ERROR' });
  }, 60_000);
});
