// verify-model over a 2 GiB model of 8 files: wall time, throughput and peak RSS next to `sha256sum` (one core)
// over the same files. Target: >= 1.5x sha256sum's throughput on two cores; peak RSS flat whatever the size.
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const MiB = 1 << 20;
const root = new URL('.data/verify-model/', import.meta.url).pathname;

function makeModel(name, fileMiB) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const block = randomBytes(MiB);
  const files = [];
  for (let i = 0; i < 8; i++) {
    const file = join(dir, `model-0000${i}-of-00008.safetensors`);
    files.push(file);
    if (existsSync(file) && statSync(file).size === fileMiB * MiB) continue;
    const fd = openSync(file, 'w');
    for (let m = 0; m < fileMiB; m++) {
      block[0] = i;
      block[1] = m & 0xff;
      writeSync(fd, block);
    }
    closeSync(fd);
  }
  return { dir, files };
}

function timed(fn) {
  const t = process.hrtime.bigint();
  const out = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, out };
}

/** Sign the model the way model_signing does with a key; digests come from sha256sum's own output. */
function signModel(dir, files, sums, privateKey) {
  const resources = files.map((f, i) => ({ name: f.slice(dir.length + 1), algorithm: 'sha256', digest: sums[i] }));
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [
      {
        name: 'bench-model',
        digest: {
          sha256: createHash('sha256')
            .update(Buffer.concat(sums.map((s) => Buffer.from(s, 'hex'))))
            .digest('hex'),
        },
      },
    ],
    predicateType: 'https://model_signing/signature/v1.0',
    predicate: { serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: [] }, resources },
  };
  const payloadType = 'application/vnd.in-toto+json';
  const payload = Buffer.from(JSON.stringify(statement));
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${payload.length} `), payload]);
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType,
      signatures: [{ sig: sign('sha256', pae, privateKey).toString('base64'), keyid: '' }],
    },
  };
}

function runCase(name, fileMiB) {
  const { dir, files } = makeModel(name, fileMiB);
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  execFileSync('sha256sum', files); // warm the page cache for both contenders
  const sum = timed(() => execFileSync('sha256sum', files, { encoding: 'utf8' }));
  const sums = sum.out
    .trim()
    .split('\n')
    .map((l) => l.split(/\s+/)[0]);
  const sigFile = join(root, `${name}.sig`);
  const keyFile = join(root, `${name}.pub.pem`);
  writeFileSync(sigFile, JSON.stringify(signModel(dir, files, sums, keys.privateKey)));
  writeFileSync(keyFile, keys.publicKey.export({ type: 'spki', format: 'pem' }));
  const child = new URL('verify-model.child.mjs', import.meta.url).pathname;
  const out = JSON.parse(execFileSync(process.execPath, [child, dir, sigFile, keyFile], { encoding: 'utf8' }));
  const bytes = 8 * fileMiB * MiB;
  const gibs = (ms) => (bytes / 2 ** 30 / (ms / 1000)).toFixed(2);
  const speedup = sum.ms / out.ms;
  return [
    {
      case: `sha256sum, ${name} (1 core)`,
      'wall ms': sum.ms.toFixed(0),
      'GiB/s': gibs(sum.ms),
      'peak RSS MiB': '',
      target: 'baseline',
      ok: '',
    },
    {
      case: `verify-model, ${name}`,
      'wall ms': out.ms.toFixed(0),
      'GiB/s': gibs(out.ms),
      'peak RSS MiB': (out.maxRssKiB / 1024).toFixed(0),
      target: '>= 1.5x sha256sum',
      ok: speedup >= 1.5 ? `yes (${speedup.toFixed(2)}x)` : `NO (${speedup.toFixed(2)}x)`,
    },
  ];
}

export default async function () {
  const small = runCase('256MiB-8-files', 32);
  const big = runCase('2GiB-8-files', 256);
  const rssSmall = Number(small[1]['peak RSS MiB']);
  const rssBig = Number(big[1]['peak RSS MiB']);
  return [
    ...small,
    ...big,
    {
      case: 'peak RSS 2 GiB vs 256 MiB model',
      'peak RSS MiB': `${rssBig} vs ${rssSmall}`,
      target: 'flat (< +64 MiB)',
      ok: rssBig - rssSmall < 64 ? 'yes' : 'NO',
    },
  ];
}
