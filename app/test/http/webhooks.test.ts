import { createHmac } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { AppError, type VerifiedDelivery } from '@trustgate/app';
import { webhookEndpoint } from '../../src/http/webhooks.js';

const SECRET = 'endpoint-secret';
const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const received: VerifiedDelivery[] = [];
const rejected: string[] = [];
const answered: string[] = [];
let fail: AppError | Error | undefined;
let server: Server;
let url = '';
const LIMITS = { maxBodyBytes: 64 * 1024, maxPendingBodies: 3, maxPendingBytes: 100 * 1024 };

beforeAll(async () => {
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  const endpoint = webhookEndpoint({
    secret: SECRET,
    receive: async (d) => {
      if (fail) throw fail;
      received.push(d);
    },
    rejected: (event, status) => rejected.push(`${event} ${status}`),
    answered: (id) => answered.push(id),
    log: quiet,
    limits: LIMITS,
  });
  server = createServer((req, res) => void endpoint(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
});
afterAll(
  () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
);

function post(body: string | Buffer, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': 'd-1',
      'x-hub-signature-256': sign(body),
      ...headers,
    },
  });
}

/** A request whose body is sent in pieces and held open, as a slow (or hostile) client does. */
function slowBody(headers: Record<string, string> = {}) {
  const req = request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': 'slow',
      'x-hub-signature-256': sign('x'),
      ...headers,
    },
  });
  const answered = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(-1));
  });
  req.write('{"a":"');
  return { req, answered };
}

describe('the webhook endpoint', () => {
  test('answers a signed delivery 200 once it is received, with the parsed payload and its text as sent', async () => {
    const res = await post('{"action":"opened"}');
    expect([res.status, await res.text()]).toEqual([200, 'ok\n']);
    expect(received.at(-1)).toEqual({ id: 'd-1', name: 'pull_request', payload: { action: 'opened' }, body: '{"action":"opened"}' });
  });

  // U+FFFD is what a decoder makes of an invalid byte: a verifier that hashes the decoded text takes either.
  const replaced = Buffer.from('{"title":"\u{FFFD}"}', 'utf8');
  const invalid = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff]), Buffer.from('"}')]);

  test.each([
    [
      'a signature over other bytes',
      () => post('{"action":"opened"}', { 'x-hub-signature-256': sign('{}') }),
      400,
      'signature does not match',
    ],
    [
      'bytes signed as the text they decode to (HMAC over raw bytes)',
      () => post(invalid, { 'x-hub-signature-256': sign(replaced) }),
      400,
      'signature does not match',
    ],
    ['a signed body that is not UTF-8', () => post(invalid), 400, 'not UTF-8'],
    ['a signed null', () => post('null'), 400, 'not a JSON object'],
    ['a signed array', () => post('[1]'), 400, 'not a JSON object'],
    ['a signed number', () => post('12'), 400, 'not a JSON object'],
    [
      'an empty body with a signature header',
      () => post('', { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }),
      400,
      'signature does not match',
    ],
    ['a signed empty body', () => post(''), 400, 'not valid JSON'],
    ['a signature that is not sha256=<hex>', () => post('{}', { 'x-hub-signature-256': 'sha1=abc' }), 400, 'sha256=<64 hex digits>'],
    ['a missing delivery id', () => post('{}', { 'x-github-delivery': '' }), 400, 'x-github-delivery'],
    ['a delivery id of 201 characters', () => post('{}', { 'x-github-delivery': 'x'.repeat(201) }), 400, 'longer than 200'],
    ['a form-encoded body', () => post('{}', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'application/json'],
    ['a body that is not JSON', () => post('{"action":'), 400, 'not valid JSON'],
    ['a declared body over the limit', () => post(`{"a":"${'x'.repeat(LIMITS.maxBodyBytes)}"}`), 413, 'larger than'],
    ['a GET', () => fetch(url), 405, 'POST'],
  ])('refuses %s (%#) without receiving it', async (_, send, status, says) => {
    const before = received.length;
    const res = await send();
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(text).toContain(says);
    expect(text.length).toBeLessThan(200);
    expect(received.length).toBe(before);
    expect(rejected.at(-1)).toMatch(new RegExp(` ${status}$`));
  });

  test('a chunked body is cut off at the limit, not buffered to its end', async () => {
    const slow = slowBody();
    slow.req.write('x'.repeat(LIMITS.maxBodyBytes + 1));
    expect(await slow.answered).toBe(413);
    slow.req.destroy();
  });

  test('bodies being read at once are bounded: past the limit a request is answered 503 before its body is read', async () => {
    const held = [slowBody(), slowBody(), slowBody()];
    await new Promise((r) => setTimeout(r, 50));
    const res = await post('{}');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    for (const h of held) h.req.destroy();
    await Promise.all(held.map((h) => h.answered));
    await new Promise((r) => setTimeout(r, 20));
    expect((await post('{}')).status).toBe(200);
  });

  test('bytes of unverified bodies held at once are bounded', async () => {
    const big = 60 * 1024;
    const first = slowBody({ 'content-length': String(big) });
    await new Promise((r) => setTimeout(r, 50));
    const second = await post(`{"a":"${'y'.repeat(big - 8)}"}`);
    expect(second.status).toBe(503);
    first.req.destroy();
    await first.answered;
  });

  test.each([
    ['the backlog is full', new AppError('APP_BUSY', 'delivery refused: 10000 deliveries are waiting to be processed'), 503],
    [
      'the store did not take the claim in time',
      new AppError('APP_STORE_UNAVAILABLE', 'the App could not store the delivery; it will be sent again'),
      503,
    ],
  ])('answers 503 with retry-after when %s', async (_, err, status) => {
    fail = err;
    const res = await post('{}');
    fail = undefined;
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toEqual({ error: err.message });
  });

  test('a delivery is recorded as answered once its 200 is written, never when it was refused or not stored', async () => {
    answered.length = 0;
    fail = new AppError('APP_STORE_UNAVAILABLE', 'the App could not store the delivery; it will be sent again');
    expect((await post('{}', { 'x-github-delivery': 'unstored' })).status).toBe(503);
    fail = undefined;
    expect((await post('{}', { 'x-github-delivery': 'forged', 'x-hub-signature-256': sign('{"a":1}') })).status).toBe(400);
    expect((await post('{}', { 'x-github-delivery': 'stored' })).status).toBe(200);
    expect(answered).toEqual(['stored']);
  });

  test('an unexpected failure answers 500 with a short message that names no internals', async () => {
    fail = new TypeError("Cannot read properties of null (reading 'x') at /srv/app/secret/path.js:12");
    const res = await post('{}');
    fail = undefined;
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'the App could not accept the delivery; it will be sent again' });
  });
});
