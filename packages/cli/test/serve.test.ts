import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '../../../test/support/cli.js';

/** `trustgate serve` start-up failures an operator meets first: all bad settings at once, services named. */
const dir = mkdtempSync(join(tmpdir(), 'trustgate-serve-'));
const key = join(dir, 'app.pem');
writeFileSync(key, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
const GOOD = { APP_ID: '1', PRIVATE_KEY_PATH: key, WEBHOOK_SECRET: 'secret', HOST: '127.0.0.1' };
let taken: Server;
let takenPort = 0;
let closedPort = 0;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
  takenPort = (taken.address() as { port: number }).port;
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
});
afterAll(async () => {
  await new Promise((r) => taken.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('trustgate serve start-up', () => {
  test('every missing or invalid setting is listed at once, exit 2', async () => {
    const r = await runCli(['serve'], { cwd: dir, env: { PRIVATE_KEY: 'not a key', DATABASE_URL: 'localhost:5432' } });
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^trustgate serve: 4 settings are missing or invalid/);
    for (const name of [
      'APP_ID is not set',
      'PRIVATE_KEY is not a PEM private key',
      'WEBHOOK_SECRET is not set',
      'DATABASE_URL=localhost:5432 is not a PostgreSQL URL',
    ])
      expect(r.stderr).toContain(`\n  - ${name}`);
    expect(r.stderr.endsWith('(code APP_SETTINGS_INVALID)\n')).toBe(true);
  });

  test('GITHUB_API_URL that is not an http(s) URL is listed with the rest', async () => {
    const r = await runCli(['serve'], {
      cwd: dir,
      env: { PRIVATE_KEY_PATH: join(dir, 'absent.pem'), GITHUB_API_URL: 'api.github.example' },
    });
    expect(r.stderr).toMatch(/^trustgate serve: 4 settings are missing or invalid/);
    expect(r.stderr).toContain('\n  - GITHUB_API_URL=api.github.example is not an http(s) URL');
    expect(r.stderr).toContain(
      `\n  - PRIVATE_KEY_PATH=${join(dir, 'absent.pem')}: cannot open ${join(dir, 'absent.pem')}: no such file or directory`,
    );
  });

  test('a file where the data directory goes, or a HOST that does not resolve: named as such, exit 2', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    const r = await runCli(['serve'], { cwd: dir, env: { ...GOOD, TRUSTGATE_DATA_DIR: file } });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `trustgate serve: TRUSTGATE_DATA_DIR ${file} is not a directory; point TRUSTGATE_DATA_DIR at one (or set DATABASE_URL) (code NOT_A_DIRECTORY)\n`,
    });
    const under = await runCli(['serve'], { cwd: dir, env: { ...GOOD, TRUSTGATE_DATA_DIR: join(file, 'data') } });
    expect(under.stderr).toMatch(
      /^trustgate serve: TRUSTGATE_DATA_DIR: cannot create directory .*not-a-dir\/data: a component of the path is not a directory/,
    );
    const host = await runCli(['serve'], {
      cwd: dir,
      env: { ...GOOD, HOST: 'no-such-host.invalid', PORT: String(closedPort), TRUSTGATE_DATA_DIR: join(dir, 'data-host') },
    });
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(
      /^trustgate serve: cannot listen on no-such-host\.invalid:\d+: it names a host that does not resolve; set PORT \(and HOST\)/,
    );
  }, 120_000);

  test('an unreachable PostgreSQL is a network error naming DATABASE_URL', async () => {
    const r = await runCli(['serve'], { cwd: dir, env: { ...GOOD, DATABASE_URL: `postgres://u@127.0.0.1:${closedPort}/db` } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `trustgate serve: PostgreSQL (DATABASE_URL): cannot reach 127.0.0.1:${closedPort}: connection refused (ECONNREFUSED); check the URL, that the service is running, and the network (code NETWORK_ERROR)\n`,
    );
  });

  test('the data directory is created with its parents; a taken port is named', async () => {
    const data = join(dir, 'var', 'lib', 'trustgate');
    const r = await runCli(['serve'], { cwd: dir, env: { ...GOOD, PORT: String(takenPort), TRUSTGATE_DATA_DIR: data } });
    expect(existsSync(data)).toBe(true);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `trustgate serve: cannot listen on 127.0.0.1:${takenPort}: it is in use; set PORT (and HOST) to a free one (code IO_ERROR)\n`,
    );
  }, 120_000);
});
