import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { syntheticOrganisation } from '@trustgate/metrics';
import trustTax from '../../src/commands/trust-tax.js';

const dir = mkdtempSync(join(tmpdir(), 'trustgate-cli-tt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  const code = await trustTax.run(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => undefined,
    cwd: dir,
    env,
    isTTY: false,
  });
  return { code, stdout };
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

  it('fails with a usage error when there is no store, a bad format or a bad --since', async () => {
    await expect(run(['--data-dir', 'missing'])).rejects.toMatchObject({
      code: 'USAGE_ERROR',
      message: expect.stringContaining(join(dir, 'missing')),
    });
    await expect(run(['--data-dir', 'data', '--format', 'xml'])).rejects.toMatchObject({ code: 'USAGE_ERROR' });
    await expect(run(['--data-dir', 'data', '--since', 'yesterday'])).rejects.toMatchObject({ code: 'TRUST_TAX_INPUT_ERROR' });
    await expect(run(['import', join(dir, 'nope.json'), '--data-dir', 'data'])).rejects.toMatchObject({ code: 'USAGE_ERROR' });
    await expect(run(['backfill', '--repo', 'o/r', '--data-dir', 'data'])).rejects.toMatchObject({ code: 'USAGE_ERROR' });
  }, 60_000);

  it('rejects a file that is not a trust-tax history', async () => {
    writeFileSync(join(dir, 'other.json'), '{"version":2}');
    await expect(run(['import', 'other.json', '--data-dir', 'data'])).rejects.toMatchObject({ code: 'TRUST_TAX_INPUT_ERROR' });
  }, 60_000);
});
