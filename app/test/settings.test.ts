import { describe, expect, test } from '@jest/globals';
import { settingsFromEnv } from '@trustgate/app';

const BASE = { APP_ID: '12345', PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----', WEBHOOK_SECRET: 's' };

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
    expect(s.privateKey).toBe('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----');
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
});
