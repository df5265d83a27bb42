import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../../../../test/support/cli.js';
import { type LocalHub, startHub } from '../../../../test/support/hf-hub.mjs';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples/models');
const filesOf = (dir: string) => Object.fromEntries(readdirSync(join(EXAMPLES, dir)).map((f) => [f, join(EXAMPLES, dir, f)]));

let hub: LocalHub;
beforeAll(async () => {
  hub = await startHub({
    'acme/benign': { files: filesOf('benign') },
    'evil/models': { files: filesOf('malicious') },
    'acme/gated': { files: filesOf('benign'), gated: 'manual' },
  });
});
afterAll(async () => {
  await hub?.close();
});

const scan = (args: string[], env: Record<string, string> = {}) => runCli(['scan', ...args], { env: { HF_ENDPOINT: hub.url, ...env } });

describe('trustgate scan hf://', () => {
  test('a benign repository exits 0; JSON carries the bytes fetched next to the repository size', async () => {
    const r = await scan(['hf://acme/benign', '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['version', 'files', 'summary', 'remote']);
    const commit = hub.repo('acme/benign')?.commit;
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(
      Object.keys(filesOf('benign'))
        .sort()
        .map((f) => `hf://acme/benign@${commit}/${f}`),
    );
    expect(json.files.every((f: { sha256: string; fetchedBytes: number }) => /^[0-9a-f]{64}$/.test(f.sha256) && f.fetchedBytes > 0)).toBe(
      true,
    );
    expect(json.remote).toMatchObject({ reference: 'hf://acme/benign', repository: 'acme/benign', commit, endpoint: hub.url });
    expect(json.remote.bytesFetched).toBeGreaterThan(0);
  });

  test('a repository with malicious models exits 1; the text report names the fetched share', async () => {
    const r = await scan([`${hub.url}/evil/models/tree/main`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^UNSAFE hf:\/\/evil\/models@[0-9a-f]{40}\/os_system\.pkl \[pickle\]$/m);
    expect(r.stdout).toMatch(/fetched .* of .* in the repository \(\d+ %\), \d+ file requests/);
  });

  test('input errors exit 2 with a stable code: gated without a token, unknown revision, mixed with local paths', async () => {
    const gated = await scan(['hf://acme/gated']);
    expect([gated.code, gated.stderr]).toEqual([2, expect.stringMatching(/gated .*HF_TOKEN.*\(code SCAN_REMOTE_ACCESS\)/)]);
    expect((await scan(['hf://acme/gated'], { HF_TOKEN: hub.token })).code).toBe(0);
    const rev = await scan(['hf://acme/benign@nope']);
    expect([rev.code, rev.stderr]).toEqual([2, expect.stringContaining('(code SCAN_REMOTE_NOT_FOUND)')]);
    const mixed = await scan(['hf://acme/benign', '.']);
    expect([mixed.code, mixed.stderr]).toEqual([2, expect.stringContaining('(code USAGE_ERROR)')]);
  });
});
