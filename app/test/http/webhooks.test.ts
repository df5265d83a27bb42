import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { AppError, type VerifiedDelivery } from '@trustgate/app';
import { webhookEndpoint } from '../../src/http/webhooks.js';

const SECRET = 'endpoint-secret';
const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const received: VerifiedDelivery[] = [];
const rejected: string[] = [];
let busy = false;
let server: Server;
let url = '';

beforeAll(async () => {
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  const endpoint = webhookEndpoint({
    verify: async (body, signature) => signature === sign(body),
    receive: async (d) => {
      if (busy) throw new AppError('APP_BUSY', 'delivery refused: 1000 deliveries are already queued');
      received.push(d);
    },
    rejected: (event, status) => rejected.push(`${event} ${status}`),
    log: quiet,
  });
  server = createServer((req, res) => void endpoint(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function post(body: string, headers: Record<string, string> = {}) {
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

describe('the webhook endpoint', () => {
  test('answers a signed delivery 200 once it is received, with the parsed payload', async () => {
    const res = await post('{"action":"opened"}');
    expect([res.status, await res.text()]).toEqual([200, 'ok\n']);
    expect(received.at(-1)).toEqual({ id: 'd-1', name: 'pull_request', payload: { action: 'opened' }, body: '{"action":"opened"}' });
  });

  test.each([
    [
      'a signature over other bytes',
      () => post('{"action":"opened"}', { 'x-hub-signature-256': sign('{}') }),
      400,
      'signature does not match',
    ],
    ['a missing delivery id', () => post('{}', { 'x-github-delivery': '' }), 400, 'x-github-delivery'],
    ['a form-encoded body', () => post('{}', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'application/json'],
    ['a body that is not JSON', () => post('{"action":'), 400, 'not valid JSON'],
    ['a GET', () => fetch(url), 405, 'POST'],
  ])('refuses %s (%#) without receiving it', async (_, send, status, says) => {
    const before = received.length;
    const res = await send();
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(says);
    expect(received.length).toBe(before);
    expect(rejected.at(-1)).toMatch(new RegExp(` ${status}$`));
  });

  test('answers 503 with the error code when the queue is full', async () => {
    busy = true;
    const res = await post('{}');
    busy = false;
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'delivery refused: 1000 deliveries are already queued', code: 'APP_BUSY' });
  });
});
