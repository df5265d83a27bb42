import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VerifiedDelivery } from '../app.js';
import { AppError } from '../errors.js';
import type { Logger } from '../handlers/index.js';

/** GitHub caps webhook payloads at 25 MB; anything larger is not GitHub's. */
export const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

export interface WebhookEndpointOptions {
  /** Check `X-Hub-Signature-256` against the raw body (Probot's webhooks verifier, with the App's secret). */
  verify(body: string, signature: string): Promise<boolean>;
  /** Claim and queue a verified delivery; resolves once it may be answered 2xx. */
  receive(delivery: VerifiedDelivery): Promise<void>;
  /** Told of every delivery refused before it was read as GitHub's (bad signature, bad request). */
  rejected(event: string, status: number): void;
  log: Logger;
}

const REQUIRED_HEADERS = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'] as const;

/**
 * POST /api/github/webhooks, the answering path: signature, claim, answer. It answers as @octokit/webhooks' middleware
 * does (400 for a bad signature or missing headers, 415 for another content type), without building the per-event
 * installation client that Probot's middleware makes and that answering never uses: processing runs in another
 * thread with clients of its own.
 */
export function webhookEndpoint(options: WebhookEndpointOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const event = header(req, 'x-github-event') ?? 'unknown';
    const refuse = (status: number, error: string, extra: Record<string, string> = {}) => {
      options.rejected(event, status);
      res.writeHead(status, { 'content-type': 'application/json', ...extra }).end(JSON.stringify({ error }));
    };
    if (req.method !== 'POST') return refuse(405, `${req.method} is not accepted here: GitHub sends webhooks with POST`, { allow: 'POST' });
    if (!/^application\/json(;|$)/i.test(header(req, 'content-type') ?? '')) {
      return refuse(415, 'Unsupported "Content-Type" header value. Must be "application/json": set the webhook content type to JSON');
    }
    const missing = REQUIRED_HEADERS.filter((h) => !header(req, h));
    if (missing.length) return refuse(400, `Required headers missing: ${missing.join(', ')}`);
    const body = await readBody(req);
    if (body === undefined) return refuse(413, `payload larger than ${MAX_PAYLOAD_BYTES} bytes`);
    if (!(await options.verify(body, header(req, 'x-hub-signature-256') as string))) {
      options.log.warn({ event, delivery: header(req, 'x-github-delivery') }, 'webhook signature does not match: check the webhook secret');
      return refuse(400, 'signature does not match event payload and secret');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return refuse(400, 'payload is not valid JSON');
    }
    const id = header(req, 'x-github-delivery') as string;
    try {
      await options.receive({ id, name: event, payload, body });
    } catch (err) {
      const busy = err instanceof AppError && err.code === 'APP_BUSY';
      options.log.error({ event, delivery: id, err: (err as Error).message }, 'delivery not accepted; GitHub lists it as failed');
      res
        .writeHead(busy ? 503 : 500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: (err as Error).message, ...(err instanceof AppError ? { code: err.code } : {}) }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The raw body (the signature is over its bytes), or undefined past MAX_PAYLOAD_BYTES. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PAYLOAD_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
