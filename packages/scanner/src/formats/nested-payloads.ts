import type { Finding } from '@trustgate/core/base';
import type { Outcome } from '../conclude.js';
import { absorb } from '../conclude.js';
import { sliceSource } from '../io/slice-source.js';
import type { NestedCall } from '../pickle/machine.js';
import { latin1 } from '../pickle/strings.js';
import type { Value } from '../pickle/values.js';
import { finding, RULES } from '../rules.js';
import type { ScanContext } from '../scan-context.js';
import { bufferSource, type ByteSource } from '../source.js';

// Decoded nested payloads are held in memory; past this they are not decoded (and the call is unsafe).
const MAX_DECODED = 64 << 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });

type Payload = { source: ByteSource } | { why: string };

function callee(v: Value): string | undefined {
  return v.k === 'obj' && v.callee.k === 'global' ? `${v.callee.module}.${v.callee.name}` : undefined;
}

function firstArg(v: Value): Value | undefined {
  return v.k === 'obj' && v.args?.k === 'tuple' ? v.args.items?.[0] : undefined;
}

async function rawBytes(ctx: ScanContext, v: Value): Promise<Uint8Array | undefined> {
  if ((v.k !== 'bytes' && v.k !== 'str') || v.at === undefined || v.n === undefined || v.n > MAX_DECODED) return undefined;
  const b = await ctx.source.read(v.at, v.n);
  return b.length === v.n ? b : undefined;
}

async function text(ctx: ScanContext, v: Value): Promise<string | undefined> {
  if (v.k === 'str' && v.v !== undefined) return v.v;
  const b = await rawBytes(ctx, v);
  if (b === undefined) return undefined;
  try {
    return v.k === 'str' ? utf8.decode(b) : latin1(b);
  } catch {
    return undefined;
  }
}

function base64(s: string, url: boolean): Uint8Array {
  const clean = url ? s.replace(/-/g, '+').replace(/_/g, '/') : s;
  return Buffer.from(clean.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
}

/**
 * The bytes a loader would be handed, decoded as the wrappers the pickle calls would decode them
 * (`_codecs.encode(s, 'latin1')` is how protocol 2 pickles bytes; base64, BytesIO and zlib wrap payloads).
 */
async function payloadOf(ctx: ScanContext, v: Value | undefined, name: string, depth = 0): Promise<Payload> {
  if (v === undefined || depth > 8) return { why: 'its argument is not a value the scanner can read' };
  if (v.k === 'bytes' && v.at !== undefined && v.n !== undefined) return { source: sliceSource(ctx.source, name, v.at, v.n) };
  const fn = callee(v);
  const arg = firstArg(v);
  if (fn === undefined || arg === undefined) return { why: `its argument is a ${v.k} value, not bytes written in the pickle` };
  if (fn === 'io.BytesIO' || fn === '_io.BytesIO') return payloadOf(ctx, arg, name, depth + 1);
  const inner = fn === '_codecs.encode' || fn === 'codecs.encode' ? undefined : await payloadOf(ctx, arg, name, depth + 1);
  const bytesOf = async (p: Payload | undefined): Promise<Uint8Array | undefined> =>
    p !== undefined && 'source' in p ? p.source.read(0, p.source.size) : undefined;
  let out: Uint8Array | undefined;
  if (fn === '_codecs.encode' || fn === 'codecs.encode') {
    const s = await text(ctx, arg);
    if (s !== undefined && [...s].every((c) => c.charCodeAt(0) < 256)) out = Uint8Array.from(s, (c) => c.charCodeAt(0));
  } else if (/^(base64\.(b64decode|standard_b64decode|decodebytes|decodestring)|binascii\.a2b_base64)$/.test(fn)) {
    const s = await text(ctx, arg);
    out = s === undefined ? undefined : base64(s, false);
  } else if (fn === 'base64.urlsafe_b64decode') {
    const s = await text(ctx, arg);
    out = s === undefined ? undefined : base64(s, true);
  } else if (fn === 'zlib.decompress' || fn === 'gzip.decompress') {
    const b = await bytesOf(inner);
    // Loaded here: node:zlib is not worth its start-up for the pickles that never call this.
    const { inflateSync, unzipSync } = await import('node:zlib');
    try {
      out =
        b === undefined
          ? undefined
          : fn === 'zlib.decompress'
            ? inflateSync(b, { maxOutputLength: MAX_DECODED })
            : unzipSync(b, { maxOutputLength: MAX_DECODED });
    } catch {
      out = undefined;
    }
  }
  return out === undefined
    ? { why: `its argument comes from ${fn}(...), which the scanner cannot decode` }
    : { source: bufferSource(name, out) };
}

/**
 * Every nested payload of a pickle analysed as the file it is, through the whole pipeline (same limits and
 * decompression budget, one level deeper), its findings reported under `file!/@offset`.
 */
export async function analyseNestedPayloads(
  ctx: ScanContext,
  calls: readonly NestedCall[],
): Promise<{ findings: Finding[]; outcomes: Outcome[] }> {
  const findings: Finding[] = [];
  const outcomes: Outcome[] = [];
  for (const call of calls) {
    const where = { path: ctx.source.name, offset: call.at };
    const name = `${ctx.source.name}!/@${call.at}`;
    const payload = await payloadOf(ctx, call.arg, name);
    if ('why' in payload) {
      findings.push(finding(RULES.nestedPayload, `${call.loader} loads a nested file, but ${payload.why}`, where, call.loader));
      continue;
    }
    const inner = await ctx.scanNested(payload.source);
    findings.push(
      finding(
        inner.findingVerdict === 'unsafe' ? RULES.nestedPayload : RULES.nestedSeen,
        `${call.loader} loads a nested ${inner.format} of ${payload.source.size} bytes: ${inner.verdict}`,
        where,
        call.loader,
      ),
    );
    absorb(findings, inner, name);
    outcomes.push(inner);
  }
  return { findings, outcomes };
}
