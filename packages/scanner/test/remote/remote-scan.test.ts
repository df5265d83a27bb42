import { closeSync, copyFileSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { FileResult } from '@trustgate/core';
import { scanPaths, scanRemote } from '@trustgate/scanner';
import { type LocalHub, startHub } from '../../../../test/support/hf-hub.mjs';
import { op, pickle4 } from '../corpus/pickle-writer.js';
import { torchZip } from '../corpus/zip-writer.js';
import { policy } from '../helpers.js';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const MiB = 1 << 20;

/** A repository laid out on disk, so the remote scan can be compared with a local scan of the same bytes. */
function layout(root: string, files: Record<string, string | Uint8Array>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, from] of Object.entries(files)) {
    const to = join(root, path);
    mkdirSync(dirname(to), { recursive: true });
    if (typeof from === 'string') copyFileSync(from, to);
    else writeFileSync(to, from);
    out[path] = to;
  }
  return out;
}

/** A valid safetensors file of `size` data bytes (a sparse hole: analysers read the header only). */
function bigSafetensors(file: string, size: number): string {
  const header = Buffer.from(JSON.stringify({ weight: { dtype: 'U8', shape: [size], data_offsets: [0, size] } }));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(header.length));
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  writeSync(fd, Buffer.concat([len, header]));
  ftruncateSync(fd, 8 + header.length + size);
  closeSync(fd);
  return file;
}

const byPath = (files: FileResult[], prefix: string) =>
  Object.fromEntries(
    files.map((f) => [f.path.slice(prefix.length), [f.format, f.verdict, [...new Set(f.findings.map((x) => x.rule))].sort()]]),
  );

let dir: string;
let hub: LocalHub;
let benign: Record<string, string>;
let trojan: Record<string, string>;
const hubOptions = () => ({ endpoint: hub.url });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tg-remote-'));
  const llm = join(EXAMPLES, 'model-formats/models');
  benign = layout(join(dir, 'benign'), {
    'config.json': join(llm, 'benign/llm/tokenizer_config.json'),
    'tokenizer_config.json': join(llm, 'benign/llm/tokenizer_config.json'),
    'chat_template.jinja': join(llm, 'benign/llm/chat_template.jinja'),
    'model.gguf': join(llm, 'benign/llm/model.gguf'),
    'small.safetensors': join(llm, 'benign/llm/model.safetensors'),
    'keras/model.keras': join(llm, 'benign/keras/benign.keras'),
    'onnx/model.onnx': join(llm, 'benign/vision/model.onnx'),
    'torch/classifier.pt': join(EXAMPLES, 'models/benign/classifier.pt'),
    'torch/embeddings.npz': join(EXAMPLES, 'models/benign/embeddings.npz'),
  });
  benign['model.safetensors'] = bigSafetensors(join(dir, 'benign/model.safetensors'), 64 * MiB);
  // torch.save's shape with a 48 MiB storage and a data.pkl that calls os.system.
  const bigTorch = torchZip(pickle4('posix', 'system', op.unicode('id')), {}, [{ name: 'archive/data/0', data: new Uint8Array(48 * MiB) }]);
  trojan = layout(join(dir, 'trojan'), {
    'pytorch_model.bin': bigTorch,
    'trojan_classifier.pt': join(EXAMPLES, 'models/malicious/trojan_classifier.pt'),
    'tokenizer_config.json': join(llm, 'malicious/llm/tokenizer_config.json'),
    'model.gguf': join(llm, 'malicious/llm/model.gguf'),
  });
  const pointer = layout(join(dir, 'pointer'), {
    'model.safetensors': new TextEncoder().encode(`version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 12345\n`),
  });
  hub = await startHub({
    'acme/benign': { files: benign },
    'evil/trojan': { files: trojan },
    'acme/gated': { files: { 'config.json': benign['config.json'] as string }, gated: 'manual' },
    'acme/no-range': {
      files: { 'config.json': benign['config.json'] as string, 'model.safetensors': benign['model.safetensors'] as string },
      faults: { ignoreRange: true },
    },
    'acme/changing': { files: { 'pytorch_model.bin': trojan['pytorch_model.bin'] as string }, faults: { etagChangesAfter: 1 } },
    'acme/pointer-served': { files: { 'model.safetensors': benign['model.safetensors'] as string }, faults: { servePointer: true } },
    'acme/pointer-committed': { files: pointer },
    'acme/broken': {
      files: { 'config.json': benign['config.json'] as string, 'model.gguf': benign['model.gguf'] as string },
      faults: { status: { 'model.gguf': 500 } },
    },
  });
});

afterAll(async () => {
  await hub?.close();
});

describe('scan before download (hf://)', () => {
  test('a benign repository: the same verdicts as a local scan of the same files, a fraction of the bytes fetched', async () => {
    const report = await scanRemote('hf://acme/benign', { policy: policy(), hub: hubOptions() });
    const commit = hub.repo('acme/benign')?.commit;
    const local = await scanPaths([join(dir, 'benign')], { policy: policy(), workers: 0 });
    expect(byPath(report.files, `hf://acme/benign@${commit}/`)).toEqual(byPath(local, `${join(dir, 'benign')}/`));
    expect(report.files.map((f) => f.verdict)).toEqual(report.files.map(() => 'safe'));
    expect(report.remote).toMatchObject({ repository: 'acme/benign', revision: 'main', commit });
    const big = report.files.find((f) => f.path.endsWith('/model.safetensors'));
    expect(big?.size).toBeGreaterThan(64 * MiB);
    expect(big?.fetchedBytes).toBeLessThan(256 << 10);
    const remote = report.remote as NonNullable<typeof report.remote>;
    expect(remote.bytesInRepository).toBe(local.reduce((n, f) => n + (f.size ?? 0), 0));
    expect(remote.bytesFetched).toBeLessThan(remote.bytesInRepository / 100);
  });

  test('a malicious torch zip behind an LFS redirect: unsafe as locally, its 48 MiB storage never fetched', async () => {
    const report = await scanRemote('hf://evil/trojan', { policy: policy(), hub: hubOptions() });
    const commit = hub.repo('evil/trojan')?.commit;
    const local = await scanPaths([join(dir, 'trojan')], { policy: policy(), workers: 0 });
    expect(byPath(report.files, `hf://evil/trojan@${commit}/`)).toEqual(byPath(local, `${join(dir, 'trojan')}/`));
    const bin = report.files.find((f) => f.path.endsWith('/pytorch_model.bin'));
    expect([bin?.format, bin?.verdict]).toEqual(['pytorch-zip', 'unsafe']);
    expect(bin?.fetchedBytes).toBeLessThan(512 << 10);
    expect(report.summary.verdict).toBe('unsafe');
    // LFS objects come through the CDN redirect, and the CDN never sees the Hub token.
    expect(hub.requests.some((r) => r.origin === hub.cdn && r.path.startsWith('/cdn/'))).toBe(true);
  });

  test('digests: LFS oids and hashed small files equal the local sha256 of every file', async () => {
    const report = await scanRemote('hf://acme/benign@main', { policy: policy(), hub: hubOptions(), digest: true });
    const local = await scanPaths([join(dir, 'benign')], { policy: policy(), workers: 0, digest: true });
    expect(report.files.map((f) => f.sha256)).toEqual(local.map((f) => f.sha256));
  });

  test('a pinned commit is read at that commit; an unknown revision or repository is an input error', async () => {
    const commit = hub.repo('acme/benign')?.commit as string;
    const seen = hub.requests.length;
    const pinned = await scanRemote(`${hub.url}/acme/benign/tree/${commit}`, { policy: policy(), hub: hubOptions() });
    expect(pinned.remote?.commit).toBe(commit);
    const reads = hub.requests.slice(seen).filter((r) => r.path.includes('/resolve/'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((r) => !r.path.startsWith(`/acme/benign/resolve/${commit}/`))).toEqual([]);
    await expect(scanRemote('hf://acme/benign@v9', { policy: policy(), hub: hubOptions() })).rejects.toMatchObject({
      code: 'SCAN_REMOTE_NOT_FOUND',
    });
    await expect(scanRemote('hf://nobody/nothing', { policy: policy(), hub: hubOptions() })).rejects.toMatchObject({
      code: 'SCAN_REMOTE_ACCESS',
    });
    await expect(scanRemote('hf://only-one-part', { policy: policy(), hub: hubOptions() })).rejects.toMatchObject({
      code: 'SCAN_REMOTE_REFERENCE',
    });
  });

  test('a gated repository needs a token; with one, the token goes to the Hub and never to the CDN', async () => {
    await expect(scanRemote('hf://acme/gated', { policy: policy(), hub: hubOptions() })).rejects.toMatchObject({
      code: 'SCAN_REMOTE_ACCESS',
      message: expect.stringContaining('HF_TOKEN'),
    });
    const ok = await scanRemote('hf://acme/gated', { policy: policy(), hub: { ...hubOptions(), token: hub.token } });
    expect(ok.summary.verdict).toBe('safe');
    const trojan = await scanRemote('hf://evil/trojan', { policy: policy(), hub: { ...hubOptions(), token: hub.token } });
    expect(trojan.summary.verdict).toBe('unsafe');
    expect(hub.requests.filter((r) => r.path.startsWith('/cdn/')).map((r) => r.authorization)).toEqual(
      hub.requests.filter((r) => r.path.startsWith('/cdn/')).map(() => undefined),
    );
  });

  const failures: [string, string, RegExp][] = [
    ['acme/no-range', 'model.safetensors', /REMOTE_RANGE_IGNORED/],
    ['acme/changing', 'pytorch_model.bin', /REMOTE_CHANGED/],
    ['acme/pointer-served', 'model.safetensors', /REMOTE_SIZE_MISMATCH/],
    ['acme/pointer-committed', 'model.safetensors', /Git LFS pointer/],
    ['acme/broken', 'model.gguf', /HTTP 500.*REMOTE_HTTP/],
  ];
  test.each(failures)('%s: %s is an error, never a pass', async (repo, path, message) => {
    const report = await scanRemote(`hf://${repo}`, { policy: policy(), hub: hubOptions() });
    const file = report.files.find((f) => f.path.endsWith(`/${path}`));
    expect([file?.verdict, file?.completeness, file?.findings[0]?.rule]).toEqual(['error', 'failed', 'TG-FMT-003']);
    expect(file?.findings[0]?.message).toMatch(message);
    expect(report.summary.blocking).toBe(true);
    // The server that ignored Range streamed 64 MiB; the scanner stopped reading long before that.
    expect(report.remote?.bytesFetched).toBeLessThan(16 * MiB);
    for (const other of report.files.filter((f) => f !== file)) expect(other.verdict).toBe('safe');
  });
});
