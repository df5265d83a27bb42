import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../../../test/support/cli.js';
import { sigstoreData } from '../../../test/support/sigstore-data.js';

/** OpenSSF model-signing samples from sigstore/model-transparency. */
const data = sigstoreData();
const ms = (p: string) => path.join(data as string, 'model-signing', p);
const SIGSTORE = ['--certificate-identity', 'stefanb@us.ibm.com', '--certificate-oidc-issuer', 'https://sigstore.verify.ibm.com/oauth2'];
const KEY = () => ['--key', ms('keys/signing-key-pub.pem')];
const json = (r: { stdout: string }) => JSON.parse(r.stdout);

(data ? describe : describe.skip)('verify-model on model-signing samples', () => {
  test.each(['v0.3.1-sigstore', 'v1.0.0-sigstore', 'v1.0.1-sigstore', 'v1.1.0-sigstore'])(
    '%s verifies with the production root',
    async (dir) => {
      const r = await runCli([
        'verify-model',
        ms(dir),
        '--signature',
        ms(`${dir}/model.sig`),
        ...SIGSTORE,
        '--ignore-paths',
        'ignore-me',
        '--format',
        'json',
      ]);
      expect([r.code, json(r).errorCode]).toEqual([0, undefined]);
      expect(json(r).details.files).toBe(2);
    },
  );
  test('v1.1.0 records ignore-me itself', async () => {
    const r = await runCli(['verify-model', ms('v1.1.0-sigstore'), '--signature', ms('v1.1.0-sigstore/model.sig'), ...SIGSTORE]);
    expect(r.code).toBe(0);
  });
  test('v1.0.1 without --ignore-paths reports ignore-me as extra', async () => {
    const r = await runCli([
      'verify-model',
      ms('v1.0.1-sigstore'),
      '--signature',
      ms('v1.0.1-sigstore/model.sig'),
      ...SIGSTORE,
      '--format',
      'json',
    ]);
    expect([r.code, json(r).errorCode]).toEqual([1, 'MANIFEST_MISMATCH']);
    expect(json(r).details.differences).toEqual([{ kind: 'extra', name: 'ignore-me' }]);
  });
  test.each(['v1.0.1-elliptic-key', 'v1.1.0-elliptic-key'])('%s verifies with the P-384 key', async (dir) => {
    const r = await runCli([
      'verify-model',
      ms(dir),
      '--signature',
      ms(`${dir}/model.sig`),
      ...KEY(),
      '--ignore-paths',
      'ignore-me',
      '--format',
      'json',
    ]);
    expect([r.code, json(r).errorCode]).toEqual([0, undefined]);
  });
  test.each(['v0.3.1-elliptic-key', 'v1.0.0-elliptic-key'])('%s (a single-file model) verifies with the P-384 key', async (dir) => {
    const r = await runCli(['verify-model', ms(`${dir}/signme-1`), '--signature', ms(`${dir}/model.sig`), ...KEY()]);
    expect(r.code).toBe(0);
  });
  test('a wrong identity is IDENTITY_MISMATCH', async () => {
    const r = await runCli([
      'verify-model',
      ms('v1.1.0-sigstore'),
      '--signature',
      ms('v1.1.0-sigstore/model.sig'),
      '--certificate-identity',
      'stefanb@us.ibm.com.evil',
      '--certificate-oidc-issuer',
      'https://sigstore.verify.ibm.com/oauth2',
      '--format',
      'json',
    ]);
    expect([r.code, json(r).errorCode]).toEqual([1, 'IDENTITY_MISMATCH']);
  });

  describe('a copy of the model, altered', () => {
    const copy = () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'tg-model-'));
      cpSync(ms('v1.1.0-sigstore'), dir, { recursive: true });
      return dir;
    };
    const run = async (dir: string) => {
      const r = await runCli(['verify-model', dir, '--signature', path.join(dir, 'model.sig'), ...SIGSTORE, '--format', 'json']);
      rmSync(dir, { recursive: true, force: true });
      return { code: r.code, errorCode: json(r).errorCode, differences: json(r).details?.differences };
    };
    test('an unchanged copy verifies', async () => {
      expect((await run(copy())).code).toBe(0);
    });
    test('a changed file is reported with both digests', async () => {
      const dir = copy();
      writeFileSync(path.join(dir, 'signme-2'), 'tampered');
      const r = await run(dir);
      expect(r).toMatchObject({ code: 1, errorCode: 'MANIFEST_MISMATCH' });
      expect(r.differences).toEqual([
        {
          kind: 'changed',
          name: 'signme-2',
          expected: '32dcb1f8e1ae52d5963e56a6ba06ab58b424c15ed2a6b70d2feca1d089370028',
          actual: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ]);
    });
    test('an added file is reported as extra', async () => {
      const dir = copy();
      writeFileSync(path.join(dir, 'payload.pkl'), 'x');
      expect((await run(dir)).differences).toEqual([{ kind: 'extra', name: 'payload.pkl' }]);
    });
    test('a removed file is reported as missing', async () => {
      const dir = copy();
      rmSync(path.join(dir, 'signme-1'));
      expect((await run(dir)).differences).toEqual([
        { kind: 'missing', name: 'signme-1', expected: 'f6310066c7320497ea554260c32c43660bff648cb2a61194832cc086077085e1' },
      ]);
    });
    test('a symlink is refused', async () => {
      const dir = copy();
      const { symlinkSync } = await import('node:fs');
      symlinkSync('/etc/passwd', path.join(dir, 'link'));
      expect((await run(dir)).errorCode).toBe('MODEL_PATH_UNSAFE');
    });
  });
});
