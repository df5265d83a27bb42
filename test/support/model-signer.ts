import { createHash, type KeyObject, sign } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Signs a model directory the way OpenSSF model_signing does with a private key (DSSE over an in-toto Statement with
 * predicate https://model_signing/signature/v1.0, no transparency log). Hashes whole buffers with node:crypto, a
 * path independent of trustgate's streaming worker pool.
 */
export interface ModelSignOptions {
  privateKey: KeyObject;
  method?: 'files' | 'shards';
  hashType?: 'sha256' | 'blake2';
  shardSize?: number;
  ignorePaths?: string[];
}

function files(root: string, ignore: string[], prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (ignore.includes(rel)) continue;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...files(root, ignore, rel));
    else out.push(rel);
  }
  return out;
}

export function signModelDirectory(root: string, options: ModelSignOptions): Record<string, unknown> {
  const method = options.method ?? 'files';
  const hashType = options.hashType ?? 'sha256';
  const ignore = ['model.sig', ...(options.ignorePaths ?? [])];
  const digest = (b: Buffer) =>
    createHash(hashType === 'blake2' ? 'blake2b512' : 'sha256')
      .update(b)
      .digest('hex');
  const algorithm = method === 'shards' ? `${hashType}-sharded-${options.shardSize}` : hashType;
  const resources: Array<{ name: string; algorithm: string; digest: string }> = [];
  for (const rel of files(root, ignore)) {
    const data = readFileSync(path.join(root, rel));
    if (method === 'files') resources.push({ name: rel, algorithm, digest: digest(data) });
    else {
      const size = options.shardSize as number;
      for (let start = 0; start < data.length; start += size) {
        const end = Math.min(start + size, data.length);
        resources.push({ name: `${rel}:${start}:${end}`, algorithm, digest: digest(data.subarray(start, end)) });
      }
    }
  }
  const serialization: Record<string, unknown> = { method, hash_type: hashType, allow_symlinks: false, ignore_paths: ignore };
  if (method === 'shards') serialization.shard_size = options.shardSize;
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [
      {
        name: path.basename(root),
        digest: {
          sha256: createHash('sha256')
            .update(Buffer.concat(resources.map((r) => Buffer.from(r.digest, 'hex'))))
            .digest('hex'),
        },
      },
    ],
    predicateType: 'https://model_signing/signature/v1.0',
    predicate: { serialization, resources },
  };
  return signatureOver(statement, options.privateKey);
}

/** A model_signing-style bundle (DSSE, key hint, no log) over any Statement: lets tests sign hostile manifests. */
export function signatureOver(statement: unknown, privateKey: KeyObject): Record<string, unknown> {
  const payloadType = 'application/vnd.in-toto+json';
  const payload = Buffer.from(JSON.stringify(statement));
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${payload.length} `), payload]);
  const signature = sign('sha256', pae, privateKey);
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [] },
    dsseEnvelope: { payload: payload.toString('base64'), payloadType, signatures: [{ sig: signature.toString('base64'), keyid: '' }] },
  };
}
