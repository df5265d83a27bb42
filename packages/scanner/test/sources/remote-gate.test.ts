import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { defaultPolicy, type ScanPolicy } from '@trustgate/core';
import { findModelReferences, findReferences, scanRemote } from '@trustgate/scanner';
import { type LocalHub, startHub } from '../../../../test/support/hf-hub.mjs';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples/models');
const filesOf = (dir: string) => Object.fromEntries(readdirSync(join(EXAMPLES, dir)).map((f) => [f, join(EXAMPLES, dir, f)]));

let hub: LocalHub;
let code: string;
let good: string;
let bad: string;

function requiring(on: boolean): ScanPolicy {
  const policy = defaultPolicy().scan;
  policy.sources = { allow: ['acme/*', 'evil/models'], block: [], requireRemoteScan: on };
  return policy;
}

beforeAll(async () => {
  hub = await startHub({ 'acme/benign': { files: filesOf('benign') }, 'evil/models': { files: filesOf('malicious') } });
  good = hub.repo('acme/benign')?.commit as string;
  bad = hub.repo('evil/models')?.commit as string;
  code = mkdtempSync(join(tmpdir(), 'tg-remote-gate-'));
  mkdirSync(join(code, 'configs'));
  writeFileSync(
    join(code, 'train.py'),
    [
      'from transformers import AutoModel',
      `a = AutoModel.from_pretrained("acme/benign", revision="${good}")`,
      'b = AutoModel.from_pretrained("acme/benign")',
      'c = AutoModel.from_pretrained("acme/benign", revision="main")',
      `d = hf_hub_download("evil/models", "os_system.pkl", revision="${bad}")`,
      `e = AutoModel.from_pretrained("acme/gone", revision="${'0'.repeat(40)}")`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(code, 'configs/serve.yaml'),
    `model: hf://acme/benign@${good}\nother: https://huggingface.co/acme/benign/resolve/${good}/x.pt\n`,
  );
});
afterAll(async () => {
  await hub?.close();
});

const scanner = (policy: ScanPolicy) => (ref: string) => scanRemote(ref, { policy, hub: { endpoint: hub.url } });

describe('scan.sources.requireRemoteScan', () => {
  test('revisions are read from loader arguments, /resolve/<rev>/ URLs and hf://org/name@rev', () => {
    const refs = findReferences(
      `from_pretrained("o/a", revision="r1")\nhf_hub_download(repo_id="o/b", filename="f", revision='r2')\nhttps://huggingface.co/o/c/resolve/r3/x\nhf://o/d@r4/x\nfrom_pretrained("o/e")`,
    );
    expect(refs.map((r) => [r.id, r.revision])).toEqual([
      ['o/a', 'r1'],
      ['o/e', undefined],
      ['o/b', 'r2'],
      ['o/c', 'r3'],
      ['o/d', 'r4'],
    ]);
  });

  test('an allowed model must be pinned to a commit that scans safe before download', async () => {
    const policy = requiring(true);
    const results = await findModelReferences(code, policy, 'app', { scanRemote: scanner(policy) });
    const rows = results
      .flatMap((r) => r.findings.map((f) => [f.location?.path, f.location?.line, f.rule, f.evidence]))
      .sort((a, b) => Number(a[1]) - Number(b[1]));
    expect(rows).toEqual([
      ['app/train.py', 3, 'TG-SRC-003', 'acme/benign'],
      ['app/train.py', 4, 'TG-SRC-003', 'acme/benign'],
      ['app/train.py', 5, 'TG-SRC-004', `evil/models@${bad}`],
      ['app/train.py', 6, 'TG-SRC-004', `acme/gone@${'0'.repeat(40)}`],
    ]);
    const messages = results.flatMap((r) => r.findings.map((f) => f.message));
    expect(messages).toContainEqual(expect.stringMatching(/evil\/models@.*: unsafe \(3 unsafe, 0 review, 0 error of 3 files\)/));
    expect(messages).toContainEqual(expect.stringMatching(/acme\/gone@.*could not be scanned .*code SCAN_REMOTE_ACCESS/));
    expect(results.map((r) => r.verdict)).toEqual(['unsafe']);
    // Each pinned model was scanned once, however many references name it.
    const infos = hub.requests.filter((r) => r.path === `/api/models/acme/benign/revision/${good}`);
    expect(infos).toHaveLength(1);
  });

  test('without a scanner a pinned reference fails closed; with the requirement off, allowed models pass', async () => {
    const withoutScanner = await findModelReferences(code, requiring(true), 'app');
    const rows = withoutScanner.flatMap((r) => r.findings.map((f) => [f.location?.path, f.location?.line, f.rule]));
    expect(rows.sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`))).toEqual([
      ['app/configs/serve.yaml', 1, 'TG-SRC-004'],
      ['app/configs/serve.yaml', 2, 'TG-SRC-004'],
      ['app/train.py', 2, 'TG-SRC-004'],
      ['app/train.py', 3, 'TG-SRC-003'],
      ['app/train.py', 4, 'TG-SRC-003'],
      ['app/train.py', 5, 'TG-SRC-004'],
      ['app/train.py', 6, 'TG-SRC-004'],
    ]);
    expect(await findModelReferences(code, requiring(false), 'app', { scanRemote: scanner(requiring(false)) })).toEqual([]);
  });
});
