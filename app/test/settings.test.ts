import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { settingsFromEnv } from '@trustgate/app';

const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
// Environment files hold the key on one line with literal \n.
const BASE = { APP_ID: '12345', PRIVATE_KEY: PEM.trimEnd().replace(/\n/g, '\\n'), WEBHOOK_SECRET: 's' };
const dir = mkdtempSync(join(tmpdir(), 'trustgate-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('settingsFromEnv', () => {
  test('reads the App settings, with defaults for what is not set', () => {
    const s = settingsFromEnv({ ...BASE, TRUSTGATE_WORKERS: '4', TRUSTGATE_RETRY_FAILED_AFTER_MS: '0' });
    expect(s).toMatchObject({
      appId: '12345',
      port: 3000,
      host: '0.0.0.0',
      reconcileIntervalMs: 600_000,
      workers: 4,
      retryFailedAfterMs: 0,
    });
    // Keys pasted with literal \n (as environment files hold them) become real line breaks.
    expect(s.privateKey).toBe(PEM.trimEnd());
    expect(settingsFromEnv(BASE).retryFailedAfterMs).toBeUndefined();
  });

  test.each([
    [{ APP_ID: '' }, 'APP_ID is not set'],
    [{ PORT: '70000' }, 'PORT=70000 is not a port number'],
    [{ TRUSTGATE_WORKERS: '0' }, 'TRUSTGATE_WORKERS=0 is not a positive whole number'],
    [{ TRUSTGATE_RETRY_FAILED_AFTER_MS: '-5' }, 'TRUSTGATE_RETRY_FAILED_AFTER_MS=-5 is not a whole number of milliseconds'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL=loud is not one of'],
    [{ TRUSTGATE_RECONCILE_INTERVAL_MS: '10m' }, 'TRUSTGATE_RECONCILE_INTERVAL_MS=10m is not a whole number of milliseconds'],
  ])('refuses %j, naming the variable', (env, message) => {
    // Probot types LOG_LEVEL as its levels only; these environments are wrong on purpose.
    expect(() => settingsFromEnv({ ...BASE, ...env } as NodeJS.ProcessEnv)).toThrow(
      expect.objectContaining({ code: 'APP_SETTINGS_INVALID', message: expect.stringContaining(message) }),
    );
  });

  test('lists every missing or invalid setting at once', () => {
    const run = () =>
      settingsFromEnv({
        PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\\nnot a key\\n-----END RSA PRIVATE KEY-----',
        DATABASE_URL: 'mysql://x',
        PORT: 'http',
      });
    expect(run).toThrow(
      expect.objectContaining({
        code: 'APP_SETTINGS_INVALID',
        message: expect.stringMatching(
          /^5 settings are missing or invalid \(see docs\/app\.md for the App's settings\):\n {2}- APP_ID is not set\n {2}- PRIVATE_KEY is not a PEM private key \(.+\); use the \.pem file GitHub generated for the App\n {2}- WEBHOOK_SECRET is not set\n {2}- PORT=http is not a port number\n {2}- DATABASE_URL=mysql:\/\/x is not a PostgreSQL URL/,
        ),
      }),
    );
  });

  test('PRIVATE_KEY_PATH: a missing file and a file that is not a key are named', () => {
    const missing = join(dir, 'nope.pem');
    const env = { APP_ID: '1', WEBHOOK_SECRET: 's' };
    expect(() => settingsFromEnv({ ...env, PRIVATE_KEY_PATH: missing })).toThrow(
      `a setting is missing or invalid (see docs/app.md for the App's settings):\n  - PRIVATE_KEY_PATH=${missing}: cannot open ${missing}: no such file or directory; check the path`,
    );
    const notKey = join(dir, 'cert.pem');
    writeFileSync(notKey, 'hello\n');
    expect(() => settingsFromEnv({ ...env, PRIVATE_KEY_PATH: notKey })).toThrow(
      new RegExp(`PRIVATE_KEY_PATH=${notKey} is not a PEM private key`),
    );
    const good = join(dir, 'key.pem');
    writeFileSync(good, PEM);
    expect(settingsFromEnv({ ...env, PRIVATE_KEY_PATH: good }).privateKey).toBe(PEM);
  });
});
