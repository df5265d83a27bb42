// Extra model formats: header-only safetensors, a 200 MB ONNX model, a GGUF with a large vocabulary.
// Each case runs sniff + analysis (`analyseSource` over a file source) in its own child process, so time and peak
// RSS belong to that case alone. The report's whole-file sha256 (scanPaths) is not included: it reads every byte.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const data = new URL('.data/', import.meta.url).pathname;
const scanner = new URL('../packages/scanner/dist/index.js', import.meta.url).href;
const fileSource = new URL('../packages/scanner/dist/io/file-source.js', import.meta.url).href;
const core = new URL('../packages/core/dist/index.js', import.meta.url).href;

/** 10 GiB declared: a real header, then a sparse hole of 10 GiB that is never read. */
function safetensors10g(file) {
  const size = 10 * 1024 ** 3;
  const header = Buffer.from(JSON.stringify({ weight: { dtype: 'U8', shape: [size], data_offsets: [0, size] } }));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(header.length));
  const fd = openSync(file, 'w');
  writeSync(fd, Buffer.concat([len, header]));
  ftruncateSync(fd, 8 + header.length + size);
  closeSync(fd);
}

function onnx200m(file) {
  const script = `
import numpy as np, onnx
from onnx import helper, numpy_helper, TensorProto
inits = [numpy_helper.from_array(np.full((1024, 1024), i, dtype=np.float32), f'w{i}') for i in range(50)]
nodes = [helper.make_node('MatMul', ['x' if i == 0 else f'h{i-1}', f'w{i}'], [f'h{i}' if i < 49 else 'y']) for i in range(50)]
g = helper.make_graph(nodes, 'big', [helper.make_tensor_value_info('x', TensorProto.FLOAT, [1, 1024])],
                      [helper.make_tensor_value_info('y', TensorProto.FLOAT, [1, 1024])], inits)
open(${JSON.stringify(file)}, 'wb').write(helper.make_model(g, producer_name='bench').SerializeToString())
`;
  execFileSync('/usr/bin/python3', ['-c', script]);
}

function ggufVocab(file, tokens) {
  const str = (s) => {
    const b = Buffer.from(s);
    const n = Buffer.alloc(8);
    n.writeBigUInt64LE(BigInt(b.length));
    return Buffer.concat([n, b]);
  };
  const u32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    return b;
  };
  const u64 = (v) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    return b;
  };
  const vocab = Buffer.concat(Array.from({ length: tokens }, (_, i) => str(`tok_${i}_${'x'.repeat(i % 12)}`)));
  const kv = (key, type, ...payload) => Buffer.concat([str(key), u32(type), ...payload]);
  const parts = [
    Buffer.from('GGUF'),
    u32(3),
    u64(0),
    u64(4),
    kv('general.architecture', 8, str('llama')),
    kv('tokenizer.ggml.tokens', 9, u32(8), u64(tokens), vocab),
    kv('tokenizer.ggml.scores', 9, u32(6), u64(tokens), Buffer.alloc(tokens * 4)),
    kv('tokenizer.chat_template', 8, str("{% for message in messages %}{{ message['content'] }}{% endfor %}")),
  ];
  writeFileSync(file, Buffer.concat(parts));
}

function measure(file) {
  const script = `
import { analyseSource } from ${JSON.stringify(scanner)};
import { openFileSource } from ${JSON.stringify(fileSource)};
import { defaultPolicy } from ${JSON.stringify(core)};
import { peakRssKiB } from ${JSON.stringify(new URL('./peak-rss.mjs', import.meta.url).pathname)};
const t = process.hrtime.bigint();
const source = await openFileSource(${JSON.stringify(file)}, 'bench');
const r = await analyseSource(source, defaultPolicy().scan);
await source.close();
const ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(JSON.stringify({ ms, rss: peakRssKiB(), verdict: r.verdict, format: r.format }));
`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

export default async function () {
  mkdirSync(data, { recursive: true });
  const cases = [
    {
      name: 'safetensors, 10 GiB declared (sparse)',
      file: join(data, 'big.safetensors'),
      make: safetensors10g,
      target: '< 100 ms, < 200 MB RSS',
      ms: 100,
      mb: 200,
    },
    { name: 'ONNX, 200 MB model', file: join(data, 'big.onnx'), make: onnx200m, target: '< 10 s, < 1.5 GB RSS', ms: 10000, mb: 1500 },
    {
      name: 'GGUF, 256k-token vocabulary',
      file: join(data, 'vocab.gguf'),
      make: (f) => ggufVocab(f, 256_000),
      target: '< 5 s, < 500 MB RSS',
      ms: 5000,
      mb: 500,
    },
  ];
  const rows = [];
  for (const c of cases) {
    if (!existsSync(c.file)) c.make(c.file);
    const m = measure(c.file);
    const mb = m.rss / 1024;
    rows.push({
      case: c.name,
      'file MB': (statSync(c.file).size / 1024 ** 2).toFixed(0),
      'wall ms': m.ms.toFixed(1),
      'peak RSS MB': mb.toFixed(0),
      verdict: `${m.format}/${m.verdict}`,
      target: c.target,
      ok: m.ms < c.ms && mb < c.mb && m.verdict !== 'error' ? 'yes' : 'NO',
    });
  }
  return rows;
}
