import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VerifiedDelivery } from '../app.js';
import { AppError } from '../errors.js';
import type { Logger } from '../handlers/index.js';

/** GitHub caps webhook payloads at 25 MB; anything larger is not GitHub's. */
export const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

/** What the door holds for requests whose signature has not been checked yet. */
export interface DoorLimits {
  /** Largest body read (413 past it). */
  maxBodyBytes: number;
  /** Bodies being read at once (503 past it). */
  maxPendingBodies: number;
  /** Bytes of unverified bodies held at once, all requests together (503 past it). */
  maxPendingBytes: number;
}

export const DEFAULT_DOOR_LIMITS: DoorLimits = { maxBodyBytes: MAX_PAYLOAD_BYTES, maxPendingBodies: 32, maxPendingBytes: 64 * 1024 * 1024 };

export interface WebhookEndpointOptions {
  /** The webhook secret: `X-Hub-Signature-256` is an HMAC-SHA256 of the body's bytes with it. */
  secret: string;
  /** Store a verified delivery; resolves once it may be answered 2xx. */
  receive(delivery: VerifiedDelivery): Promise<void>;
  /** Told once a stored delivery's 2xx answer has been written out. */
  answered?(id: string): void;
  /** Told of every request refused before it was stored (status 4xx at the door, 503 when the door is full). */
  rejected(event: string, status: number): void;
  log: Logger;
  limits?: Partial<DoorLimits>;
}

const REQUIRED_HEADERS = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'] as const;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * POST /api/github/webhooks, the answering path: bounded read, signature over the raw bytes, claim, answer. What
 * has not been authenticated is held within fixed bounds (body size, bodies and bytes at once), and every refusal is
 * a 4xx (or 503 when full) with a short message that names no internals.
 */
export function webhookEndpoint(options: WebhookEndpointOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limits = { ...DEFAULT_DOOR_LIMITS, ...options.limits };
  const secret = Buffer.from(options.secret, 'utf8');
  const door = { bodies: 0, bytes: 0 };
  return async (req, res) => {
    const event = header(req, 'x-github-event') ?? 'unknown';
    const answer = (status: number, error: string, extra: Record<string, string> = {}) => {
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json', ...extra }).end(JSON.stringify({ error }));
    };
    const refuse = (status: number, error: string, extra: Record<string, string> = {}) => {
      options.rejected(event, status);
      answer(status, error, extra);
    };
    if (req.method !== 'POST') return refuse(405, `${req.method} is not accepted here: GitHub sends webhooks with POST`, { allow: 'POST' });
    if (!/^application\/json(;|$)/i.test(header(req, 'content-type') ?? '')) {
      return refuse(415, 'Unsupported "Content-Type" header value. Must be "application/json": set the webhook content type to JSON');
    }
    const missing = REQUIRED_HEADERS.filter((h) => !header(req, h));
    if (missing.length) return refuse(400, `Required headers missing: ${missing.join(', ')}`);
    const signature = SIGNATURE.exec(header(req, 'x-hub-signature-256') as string)?.[1];
    if (!signature) return refuse(400, 'X-Hub-Signature-256 is not sha256=<64 hex digits>');
    const declared = Number(header(req, 'content-length') ?? Number.NaN);
    if (declared > limits.maxBodyBytes) return closeAfter(req, res, () => refuse(413, `payload larger than ${limits.maxBodyBytes} bytes`));
    if (door.bodies >= limits.maxPendingBodies || (declared > 0 && door.bytes + declared > limits.maxPendingBytes)) {
      return closeAfter(req, res, () => refuse(503, 'too many requests being read; retry later', { 'retry-after': '1' }));
    }
    // A declared length is held from the start, so that slow senders cannot each claim a little and together a lot.
    door.bodies++;
    let held = declared > 0 ? declared : 0;
    door.bytes += held;
    let read: Buffer | 'too large' | 'door full' | 'aborted';
    try {
      let size = 0;
      read = await readBody(req, limits.maxBodyBytes, (n) => {
        size += n;
        const more = Math.max(0, size - held);
        if (more === 0) return true;
        if (door.bytes + more > limits.maxPendingBytes) return false;
        door.bytes += more;
        held += more;
        return true;
      });
    } finally {
      door.bodies--;
      door.bytes -= held;
    }
    if (read === 'aborted') return;
    if (read === 'too large') return closeAfter(req, res, () => refuse(413, `payload larger than ${limits.maxBodyBytes} bytes`));
    if (read === 'door full')
      return closeAfter(req, res, () => refuse(503, 'too many requests being read; retry later', { 'retry-after': '1' }));
    const expected = createHmac('sha256', secret).update(read).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
      options.log.warn(
        { event: event.slice(0, 64), delivery: header(req, 'x-github-delivery')?.slice(0, 64) },
        'webhook signature does not match: check the webhook secret',
      );
      return refuse(400, 'signature does not match event payload and secret');
    }
    const payload = parsePayload(read);
    if (typeof payload === 'string') return refuse(400, payload);
    const id = header(req, 'x-github-delivery') as string;
    if (id.length > 200) return refuse(400, 'X-GitHub-Delivery is longer than 200 characters');
    try {
      await options.receive({ id, name: event, payload: payload.value, body: payload.text });
    } catch (err) {
      const code = err instanceof AppError ? err.code : undefined;
      if (code === 'APP_BUSY' || code === 'APP_STORE_UNAVAILABLE') {
        return answer(503, (err as Error).message, { 'retry-after': '60' });
      }
      options.log.error({ event, delivery: id, err: (err as Error).message }, 'delivery not accepted; GitHub lists it as failed');
      return answer(500, 'the App could not accept the delivery; it will be sent again');
    }
    res.once('finish', () => options.answered?.(id));
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Answer, then close the connection rather than read a body nobody will use. */
function closeAfter(req: IncomingMessage, res: ServerResponse, answer: () => void): void {
  res.shouldKeepAlive = false;
  answer();
  res.once('finish', () => req.destroy());
}

/** The raw body (the signature is over its bytes), reserving each chunk against the door's byte budget. */
async function readBody(
  req: IncomingMessage,
  max: number,
  reserve: (n: number) => boolean,
): Promise<Buffer | 'too large' | 'door full' | 'aborted'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) return 'too large';
      if (!reserve(chunk.length)) return 'door full';
      chunks.push(chunk);
    }
  } catch {
    return 'aborted';
  }
  return Buffer.concat(chunks);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A verified body as a JSON object, or why it is not one (GitHub sends a JSON object in UTF-8, always). */
function parsePayload(bytes: Buffer): { value: object; text: string } | string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return 'payload is not UTF-8';
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'payload is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'payload is not a JSON object';
  return { value, text };
}
