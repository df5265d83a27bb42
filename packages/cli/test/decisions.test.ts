import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../../../test/support/cli.js';
import { createKit, SUBJECT, writeGateFiles } from '../../gate/test/support/evidence-kit.js';

// `trustgate gate --log-decision` appends to the signed log in the store; `decisions export/verify` read it back.
let dir: string;
let f: Record<'policy' | 'root' | 'scan' | 'provenance' | 'tests' | 'failing' | 'key' | 'pub' | 'otherPub', string>;
const keyPair = () => generateKeyPairSync('ed25519');

beforeAll(async () => {
  const kit = await createKit();
  dir = await mkdtemp(join(tmpdir(), 'trustgate-decisions-'));
  const { write, ...gateFiles } = await writeGateFiles(kit, dir);
  const ours = keyPair();
  f = {
    ...gateFiles,
    key: await write('decision-key.pem', ours.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    pub: await write('decision-key.pub', ours.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    otherPub: await write('other.pub', keyPair().publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
});

const store = () => ['--data-dir', join(dir, 'store')];
const gate = (tests: string, ...extra: string[]) =>
  runCli([
    'gate',
    ...['--policy', f.policy, '--environment', 'staging', '--subject', `sha256:${SUBJECT}`, '--trusted-root', f.root],
    ...['--evidence', f.scan, f.provenance, tests],
    ...extra,
  ]);

describe('trustgate gate --log-decision and trustgate decisions', () => {
  test('a decision without a signing key is not made (exit 2), and nothing is logged', async () => {
    const r = await gate(f.tests, '--log-decision', ...store());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--log-decision signs the record: give --signing-key PEM');
    expect(r.stderr).toContain('(code USAGE_ERROR)');
  });

  test('a pass and a fail are logged, exported as JSON Lines, and the chain verifies; an edit or another key is named', async () => {
    const pass = await gate(f.tests, '--log-decision', '--signing-key', f.key, ...store());
    expect(pass.code).toBe(0);
    expect(pass.stderr).toMatch(/^trustgate gate: decision logged as record 1 \(sha256:[0-9a-f]{64}\), signed by sha256:[0-9a-f]{64}\n$/);
    const fail = await runCli([...(await gateArgs(f.failing)), '--log-decision', ...store()], {
      env: { TRUSTGATE_DECISION_KEY_FILE: f.key },
    });
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain('decision logged as record 2');

    const log = join(dir, 'decisions.jsonl');
    expect((await runCli(['decisions', 'export', '--out', log, ...store()])).code).toBe(0);
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    const second = JSON.parse(lines[1] as string);
    expect(second.entry).toMatchObject({
      subject: { digest: `sha256:${SUBJECT}` },
      environment: 'staging',
      decision: 'fail',
      source: 'cli',
      policy: { uri: f.policy, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      requirements: expect.arrayContaining([{ id: 'tests', status: 'failed' }]),
      evidence: expect.arrayContaining([expect.objectContaining({ origin: f.scan, sha256: expect.any(String) })]),
    });
    expect(second.prev).toBe(JSON.parse(lines[0] as string).hash);

    const ok = await runCli(['decisions', 'verify', log, '--key', f.pub]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^✓ .*decisions\.jsonl: 2 record\(s\), seq 1\.\.2, chained and signed by a trusted key; head sha256:/);

    // The failed decision turned into a pass after the fact.
    const edited = join(dir, 'edited.jsonl');
    await writeFile(edited, `${lines[0]}\n${(lines[1] as string).replace('"decision":"fail"', '"decision":"pass"')}\n`);
    const broken = await runCli(['decisions', 'verify', edited, '--key', f.pub]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('record 2 (line 2) is broken: RECORD_EDITED');
    expect(broken.stdout).toContain('the 1 record(s) before it verify');
    expect(await runCli(['decisions', 'verify', log, '--key', f.pub, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['decisions', 'verify', edited, '--key', f.pub, '--quiet'])).toEqual({ ...broken, code: 1 });

    const removed = join(dir, 'removed.jsonl');
    await writeFile(removed, `${lines[1]}\n`);
    const gap = await runCli(['decisions', 'verify', removed, '--key', f.pub, '--format', 'json']);
    expect(gap.code).toBe(0);
    expect(JSON.parse(gap.stdout)).toMatchObject({ ok: true, first: { seq: 2, prev: JSON.parse(lines[0] as string).hash } });

    const stranger = await runCli(['decisions', 'verify', log, '--key', f.otherPub]);
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toContain('record 1 (line 1) is broken: KEY_UNTRUSTED');
  });

  test('input that is not a decision log is exit 2 with its code', async () => {
    const notJson = join(dir, 'not-json.jsonl');
    await writeFile(notJson, 'hello\n');
    const r = await runCli(['decisions', 'verify', notJson, '--key', f.pub]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not-json.jsonl:1 is not JSON');
    expect(r.stderr).toContain('(code DECISIONS_UNREADABLE)');
    const empty = join(dir, 'empty.jsonl');
    await writeFile(empty, '');
    expect((await runCli(['decisions', 'verify', empty, '--key', f.pub])).stderr).toContain('holds no decision records');
    const rsa = join(dir, 'rsa.pub');
    await writeFile(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const badKey = await runCli(['decisions', 'verify', empty, '--key', rsa]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('(code DECISION_KEY_INVALID)');
    const none = await runCli(['decisions', 'export', '--data-dir', join(dir, 'no-store')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no store at');
  });
});

async function gateArgs(tests: string): Promise<string[]> {
  return [
    'gate',
    ...['--policy', f.policy, '--environment', 'staging', '--subject', `sha256:${SUBJECT}`, '--trusted-root', f.root],
    ...['--evidence', f.scan, f.provenance, tests],
  ];
}
