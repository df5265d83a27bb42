import type { ByteSource } from '../source.js';
import { RemoteReadError } from './remote-errors.js';

/** What every remote read of one scan cost, across files. */
export interface FetchMeter {
  bytes: number;
  requests: number;
}

export interface RangeSourceOptions {
  /** The file's URL on the Hub (`<endpoint>/<repo>/resolve/<commit>/<path>`). */
  url: string;
  name: string;
  /** The size the repository listing gives; the server must agree. */
  size: number;
  /** Sent to the Hub's own origin only: a CDN the Hub redirects to never sees the token. */
  headers?: Readonly<Record<string, string>>;
  /** What the Hub must say about this file on every read (`X-Repo-Commit`, `X-Linked-Etag`/`ETag`). */
  expect?: { commit?: string; etag?: string };
  meter: FetchMeter;
  fetch?: typeof fetch;
  /** Files up to this size are fetched whole by the first read (configs, tokenizer files, small models). */
  wholeFileLimit?: number;
}

/** A ByteSource over HTTP range requests; `failure` keeps the first read error, which an analyser may have swallowed. */
export interface RangeSource extends ByteSource {
  readonly failure: RemoteReadError | undefined;
  /** Bytes this file's requests returned. */
  readonly fetchedBytes: number;
}

const BLOCK = 64 << 10;
/** Sequential reads (a pickle streamed in chunks) fetch ahead, doubling up to this. */
const MAX_READ_AHEAD = 8 << 20;
/** Blocks kept after use: enough for a zip's directory and its small members, bounded for a 70 GB file. */
const CACHE_BLOCKS = 512;
const MAX_REDIRECTS = 5;
export const WHOLE_FILE_LIMIT = 1 << 20;

const etagOf = (value: string | null) => value?.replace(/^W\//, '').replace(/^"|"$/g, '');

/**
 * Reads a remote file in 64 KiB blocks: each read fetches only the blocks it lacks, adjacent missing blocks in one
 * request, so a zip's end record, directory and member headers cost a few requests, not one per read.
 */
export function openRangeSource(options: RangeSourceOptions): RangeSource {
  const { size, name, meter } = options;
  const doFetch = options.fetch ?? fetch;
  const hubOrigin = new URL(options.url).origin;
  const whole = size <= (options.wholeFileLimit ?? WHOLE_FILE_LIMIT);
  const blocks = new Map<number, Promise<Uint8Array>>();
  let failure: RemoteReadError | undefined;
  let fetched = 0;
  let etag: string | undefined;
  let location: string | undefined;
  let nextSequential = -1;
  let readAhead = BLOCK;

  const fail = (code: RemoteReadError['code'], message: string, cause?: unknown): never => {
    const err = new RemoteReadError(code, `${name}: ${message}`, { cause, file: name });
    failure ??= err;
    throw err;
  };

  /** The final response for a range: redirects followed by hand, so the Hub's headers are checked before the CDN's. */
  async function respond(start: number, end: number): Promise<Response> {
    let url = location ?? options.url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers: Record<string, string> = { Range: `bytes=${start}-${end}` };
      if (new URL(url).origin === hubOrigin) Object.assign(headers, options.headers);
      let resp: Response;
      try {
        resp = await doFetch(url, { headers, redirect: 'manual' });
      } catch (cause) {
        return fail('REMOTE_HTTP', `cannot reach ${new URL(url).origin} (${(cause as Error).message})`, cause);
      }
      meter.requests++;
      checkHubHeaders(resp);
      const next = resp.headers.get('location');
      if (resp.status >= 300 && resp.status < 400 && next !== null) {
        await resp.body?.cancel();
        url = new URL(next, url).href;
        continue;
      }
      if (resp.status === 401 || resp.status === 403)
        fail('REMOTE_ACCESS', `the server refused access (HTTP ${resp.status}): the repository is gated or private; set HF_TOKEN`);
      if (!resp.ok) fail('REMOTE_HTTP', `HTTP ${resp.status} ${resp.statusText} for bytes ${start}-${end}`);
      if (url !== options.url) location = url;
      return resp;
    }
    return fail('REMOTE_HTTP', `more than ${MAX_REDIRECTS} redirects`);
  }

  function checkHubHeaders(resp: Response): void {
    const commit = resp.headers.get('x-repo-commit');
    if (options.expect?.commit && commit !== null && commit !== options.expect.commit)
      fail('REMOTE_CHANGED', `the server answered from commit ${commit}, not the pinned ${options.expect.commit}`);
    const linked = etagOf(resp.headers.get('x-linked-etag'));
    if (options.expect?.etag && linked !== undefined && linked !== options.expect.etag)
      fail('REMOTE_CHANGED', `the Hub names this file ${linked}, the listing ${options.expect.etag}`);
  }

  /** Bytes start..end (inclusive) in one request; a body longer than asked is cut off and refused. */
  async function fetchRange(start: number, end: number): Promise<Uint8Array> {
    const resp = await respond(start, end);
    const tag = etagOf(resp.headers.get('etag'));
    if (etag === undefined) etag = tag;
    else if (tag !== etag)
      fail('REMOTE_CHANGED', `the ETag changed between reads (${etag}, then ${tag}): the file changed during the scan`);
    const want = end - start + 1;
    if (resp.status === 200) {
      // A server that ignores Range sends everything: take it only when everything was asked for or is small.
      if (!(start === 0 && end === size - 1) && !whole) {
        await resp.body?.cancel();
        fail(
          'REMOTE_RANGE_IGNORED',
          `the server ignored the range request (200, not 206) for a ${size}-byte file; refusing to download it whole`,
        );
      }
      const body = await readBody(resp, size);
      if (body.length !== size) fail('REMOTE_SIZE_MISMATCH', `the server sent ${body.length} bytes, the listing says ${size}`);
      return body.subarray(start, end + 1);
    }
    if (resp.status !== 206) fail('REMOTE_HTTP', `HTTP ${resp.status} to a range request`);
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(resp.headers.get('content-range') ?? '');
    if (range === null) fail('REMOTE_HTTP', 'a 206 answer without a Content-Range header');
    const [, from, to, total] = range as RegExpExecArray;
    if (total !== String(size)) fail('REMOTE_SIZE_MISMATCH', `the server's file has ${total} bytes, the listing says ${size}`);
    if (Number(from) !== start || Number(to) !== end) fail('REMOTE_HTTP', `asked for bytes ${start}-${end}, got ${from}-${to}`);
    const body = await readBody(resp, want);
    if (body.length !== want) fail('REMOTE_SIZE_MISMATCH', `asked for ${want} bytes, got ${body.length}`);
    return body;
  }

  async function readBody(resp: Response, max: number): Promise<Uint8Array> {
    const out = new Uint8Array(max + 1);
    let n = 0;
    const reader = resp.body?.getReader();
    try {
      for (;;) {
        const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
        if (chunk.done) break;
        const take = Math.min(chunk.value.length, out.length - n);
        out.set(chunk.value.subarray(0, take), n);
        n += take;
        if (n > max) {
          await reader?.cancel();
          break;
        }
      }
    } catch (cause) {
      fail('REMOTE_HTTP', `the connection broke while reading (${(cause as Error).message})`, cause);
    }
    fetched += n;
    meter.bytes += n;
    return out.subarray(0, n);
  }

  /** Make sure blocks first..last are cached or on their way; missing runs become one request each. */
  function request(first: number, last: number): void {
    const lastBlock = Math.floor((size - 1) / BLOCK);
    let b = first;
    while (b <= last) {
      if (blocks.has(b)) {
        touch(b);
        b++;
        continue;
      }
      let runEnd = b;
      while (runEnd < last && !blocks.has(runEnd + 1)) runEnd++;
      if (b === nextSequential) {
        readAhead = Math.min(readAhead * 2, MAX_READ_AHEAD);
        while (runEnd < lastBlock && !blocks.has(runEnd + 1) && (runEnd + 1 - b) * BLOCK < readAhead) runEnd++;
      } else readAhead = BLOCK;
      const runStart = b;
      const run = fetchRange(runStart * BLOCK, Math.min(size, (runEnd + 1) * BLOCK) - 1);
      for (let i = runStart; i <= runEnd; i++) {
        const at = (i - runStart) * BLOCK;
        const block = run.then((bytes) => bytes.subarray(at, at + BLOCK));
        // Read-ahead blocks nobody awaits must not become unhandled rejections; readers still see the error.
        block.catch(() => undefined);
        blocks.set(i, block);
      }
      nextSequential = runEnd + 1;
      b = runEnd + 1;
    }
  }

  function evict(): void {
    while (blocks.size > CACHE_BLOCKS) blocks.delete(blocks.keys().next().value as number);
  }

  function touch(b: number): void {
    const p = blocks.get(b);
    if (p === undefined) return;
    blocks.delete(b);
    blocks.set(b, p);
  }

  return {
    name,
    size,
    get failure() {
      return failure;
    },
    get fetchedBytes() {
      return fetched;
    },
    async read(offset, length) {
      const start = Math.max(0, Math.min(offset, size));
      const end = Math.min(size, start + Math.max(0, length));
      if (end <= start) return new Uint8Array(0);
      if (failure) throw failure;
      const first = Math.floor((whole ? 0 : start) / BLOCK);
      const last = Math.floor(((whole ? size : end) - 1) / BLOCK);
      const firstWanted = Math.floor(start / BLOCK);
      const wanted = Array.from({ length: Math.floor((end - 1) / BLOCK) - firstWanted + 1 }, (_, i) => firstWanted + i);
      request(first, last);
      // Hold this read's blocks before evicting and awaiting: a read may span more than the cache holds.
      const pending = wanted.map((b) => blocks.get(b) as Promise<Uint8Array>);
      evict();
      const parts = await Promise.all(pending);
      const out = new Uint8Array(end - start);
      let at = 0;
      for (let i = 0; i < parts.length; i++) {
        const blockStart = (wanted[i] as number) * BLOCK;
        const from = Math.max(start, blockStart) - blockStart;
        const to = Math.min(end, blockStart + BLOCK) - blockStart;
        out.set((parts[i] as Uint8Array).subarray(from, to), at);
        at += to - from;
      }
      return out;
    },
  };
}
