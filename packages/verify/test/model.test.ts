import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { type ModelDifference, VerifyError, verifyModel } from '@trustgate/verify';
import { hashRange } from '../src/model/hash-range.js';
import { signModelDirectory } from '../../../test/support/model-signer.js';

const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const policy = { key: keys.publicKey };

function model(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tg-model-'));
  mkdirSync(path.join(dir, 'weights'));
  writeFileSync(path.join(dir, 'config.json'), '{"layers": 2}');
  writeFileSync(path.join(dir, 'weights', 'part-0.bin'), Buffer.alloc(2500, 7));
  writeFileSync(path.join(dir, 'weights', 'empty.bin'), '');
  return dir;
}

async function differences(dir: string, signature: unknown): Promise<ModelDifference[]> {
  try {
    await verifyModel(dir, signature, { policy, threads: 2 });
  } catch (err) {
    expect((err as VerifyError).code).toBe('MANIFEST_MISMATCH');
    return ((err as VerifyError).details as { differences: ModelDifference[] }).differences;
  }
  return [];
}

describe.each([
  { method: 'files' as const, hashType: 'sha256' as const },
  { method: 'files' as const, hashType: 'blake2' as const },
  { method: 'shards' as const, hashType: 'sha256' as const, shardSize: 1000 },
  { method: 'shards' as const, hashType: 'blake2' as const, shardSize: 1024 },
])('model signed with %o', (serialization) => {
  test('verifies, and a changed shard or file is reported', async () => {
    const dir = model();
    const signature = signModelDirectory(dir, { privateKey: keys.privateKey, ...serialization });
    const ok = await verifyModel(dir, signature, { policy, threads: 2 });
    expect(ok).toMatchObject({ files: 3, method: serialization.method, hashType: serialization.hashType, signer: { kind: 'key' } });
    const buf = Buffer.alloc(2500, 7);
    buf[1500] = 8;
    writeFileSync(path.join(dir, 'weights', 'part-0.bin'), buf);
    const diffs = await differences(dir, signature);
    expect(diffs.map((d) => [d.kind, d.name])).toEqual([
      [
        'changed',
        serialization.method === 'files'
          ? 'weights/part-0.bin'
          : `weights/part-0.bin:${serialization.shardSize}:${Math.min(2 * (serialization.shardSize ?? 0), 2500)}`,
      ],
    ]);
  });
});

describe('model signature rules', () => {
  test('another key does not verify', async () => {
    const dir = model();
    const signature = signModelDirectory(dir, { privateKey: keys.privateKey });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(verifyModel(dir, signature, { policy: { key: other.publicKey } })).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });
  test('a signed name with .. is MODEL_PATH_UNSAFE', async () => {
    const dir = model();
    const signature = signModelDirectory(dir, { privateKey: keys.privateKey }) as { dsseEnvelope: { payload: string } };
    const statement = JSON.parse(Buffer.from(signature.dsseEnvelope.payload, 'base64').toString());
    statement.predicate.resources[0].name = '../etc/passwd';
    const { signatureOver } = await import('../../../test/support/model-signer.js');
    await expect(verifyModel(dir, signatureOver(statement, keys.privateKey), { policy })).rejects.toMatchObject({
      code: 'MODEL_PATH_UNSAFE',
    });
  });
  test('no key and no identity is a refusal', async () => {
    const dir = model();
    const signature = signModelDirectory(dir, { privateKey: keys.privateKey });
    await expect(verifyModel(dir, signature, { policy: { signers: [] } })).rejects.toBeInstanceOf(VerifyError);
  });
  test('.git is ignored by default', async () => {
    const dir = model();
    const signature = signModelDirectory(dir, { privateKey: keys.privateKey });
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main');
    expect(await differences(dir, signature)).toEqual([]);
  });
});

describe('model hash types against published test vectors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tg-hash-'));
  writeFileSync(path.join(dir, 'abc'), 'abc');
  test.each([
    ['sha256', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'blake2',
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    ],
    ['blake3', '6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85'],
  ] as const)('%s("abc")', async (hashType, digest) => {
    expect(await hashRange({ file: path.join(dir, 'abc'), hashType })).toBe(digest);
    expect(await hashRange({ file: path.join(dir, 'abc'), hashType, start: 1, end: 3 })).toBe(
      await hashRange({ file: path.join(dir, 'bc'), hashType }),
    );
  });
  writeFileSync(path.join(dir, 'bc'), 'bc');
});
