import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { asTrustgateError, ConfigError, CoreError, describeError, fileProblem, networkProblem, TrustgateError } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'trustgate-errors-'));
let server: Server;
let port = 0;
let closedPort = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const status = req.url?.includes('/repos/acme/private') ? 404 : 401;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: status === 404 ? 'Not Found' : 'Bad credentials' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  // A port that was just free: nothing listens there.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('asTrustgateError', () => {
  test('a missing file: IO_ERROR naming it, no raw errno text', async () => {
    const file = join(dir, 'nope.json');
    const e = asTrustgateError(await thrown(readFile(file)));
    expect({ code: e.code, message: e.message, file: e.file }).toEqual({
      code: 'IO_ERROR',
      message: `cannot open ${file}: no such file or directory; check the path`,
      file,
    });
  });

  test('a directory where a file was expected', async () => {
    const e = asTrustgateError(await thrown(readFile(dir)), dir);
    expect([e.code, e.message]).toEqual(['IO_ERROR', `cannot read ${dir}: it is a directory; pass a file`]);
  });

  test('Octokit errors: GITHUB_API_ERROR with method, URL, status, GitHub message and what to do', async () => {
    const octokit = new Octokit({ baseUrl: `http://127.0.0.1:${port}`, request: { retries: 0 } });
    const missing = asTrustgateError(await thrown(octokit.rest.repos.get({ owner: 'acme', repo: 'private' })));
    expect([missing.code, missing.message]).toEqual([
      'GITHUB_API_ERROR',
      `GitHub API GET http://127.0.0.1:${port}/repos/acme/private answered 404 (Not Found); check the owner/repository name and that the token can see it`,
    ]);
    const denied = asTrustgateError(await thrown(octokit.rest.repos.get({ owner: 'acme', repo: 'app' })));
    expect(denied.message).toMatch(/answered 401 \(Bad credentials\); check GITHUB_TOKEN/);
  });

  test('a refused connection, through Octokit or a socket: NETWORK_ERROR naming the host', async () => {
    const octokit = new Octokit({ baseUrl: `http://127.0.0.1:${closedPort}` });
    const viaOctokit = asTrustgateError(await thrown(octokit.rest.repos.get({ owner: 'o', repo: 'r' })));
    expect([viaOctokit.code, viaOctokit.message]).toEqual([
      'NETWORK_ERROR',
      `cannot reach 127.0.0.1:${closedPort}: connection refused (ECONNREFUSED); check the URL, that the service is running, and the network`,
    ]);
    const socket = connect(closedPort, '127.0.0.1');
    const viaSocket = asTrustgateError(await new Promise((r) => socket.on('error', r)));
    expect(viaSocket.message).toBe(
      `cannot reach 127.0.0.1:${closedPort}: connection refused (ECONNREFUSED); check the URL, that the service is running, and the network`,
    );
  });

  test('ours pass through; anything else is INTERNAL_ERROR with its message', () => {
    const ours = new CoreError('USAGE_ERROR', 'x');
    expect(asTrustgateError(ours)).toBe(ours);
    expect(describeError(new TypeError('boom'))).toEqual({ code: 'INTERNAL_ERROR', message: 'boom' });
    expect(describeError('text')).toEqual({ code: 'INTERNAL_ERROR', message: 'text' });
  });
  test("another copy's errors pass through too (the CLI bundle inlines core; the commands outside it import theirs)", async () => {
    // A second evaluation of errors.ts stands for that copy: its classes are not these.
    const other = (await import(`../src/errors.ts?copy=${Date.now()}`)) as typeof import('../src/errors.js');
    expect(other.CoreError).not.toBe(CoreError);
    const theirs = new other.CoreError('FILE_EXISTS', 'x');
    expect(asTrustgateError(theirs)).toBe(theirs);
    expect(describeError(theirs)).toEqual({ code: 'FILE_EXISTS', message: 'x' });
    expect(theirs instanceof TrustgateError).toBe(true);
    // Subclasses keep their own prototype check.
    expect([theirs instanceof CoreError, theirs instanceof ConfigError, new TypeError('x') instanceof TrustgateError]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('fileProblem and networkProblem: the reason alone, for messages that name the file or URL themselves', () => {
  test('an errno becomes words and what to do; an unknown one keeps its code', async () => {
    const missing = await readFile(join(dir, 'absent')).catch((e: unknown) => e);
    expect(fileProblem(missing)).toBe('no such file or directory; check the path');
    expect(fileProblem(Object.assign(new Error('x'), { code: 'EWEIRD' }))).toBe('EWEIRD; check the path');
  });
  test("fetch's 'fetch failed' is replaced by the network code of its cause, or the cause's own words", async () => {
    const refused = await fetch(`http://127.0.0.1:${closedPort}/`).catch((e: unknown) => e);
    expect(networkProblem(refused)).toBe('connection refused (ECONNREFUSED)');
    const badPort = await fetch('http://127.0.0.1:9/').catch((e: unknown) => e);
    expect((badPort as Error).message).toBe('fetch failed');
    expect(networkProblem(badPort)).toBe('bad port');
  });
});
