import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createBLAKE3 } from 'hash-wasm';

/** model_signing's hash names: sha256, blake2 (hashlib.blake2b, 64-byte digest), blake3. */
export type ModelHashType = 'sha256' | 'blake2' | 'blake3';

export interface HashJob {
  file: string;
  hashType: ModelHashType;
  /** Byte range [start, end) for a shard; the whole file otherwise. */
  start?: number;
  end?: number;
}

interface Hasher {
  update(data: Uint8Array): void;
  digest(): string;
}

async function hasher(type: ModelHashType): Promise<Hasher> {
  if (type === 'blake3') {
    const h = await createBLAKE3();
    h.init();
    return { update: (d) => void h.update(d), digest: () => h.digest('hex') };
  }
  const h = createHash(type === 'blake2' ? 'blake2b512' : 'sha256');
  return { update: (d) => void h.update(d), digest: () => h.digest('hex') };
}

/** Stream a file (or a shard of it) through the hash: memory stays flat whatever the model's size. */
export async function hashRange(job: HashJob): Promise<string> {
  const h = await hasher(job.hashType);
  const options: { highWaterMark: number; start?: number; end?: number } = { highWaterMark: 1 << 20 };
  if (job.start !== undefined && job.end !== undefined) {
    if (job.end === job.start) return h.digest();
    options.start = job.start;
    options.end = job.end - 1;
  }
  for await (const chunk of createReadStream(job.file, options)) h.update(chunk as Buffer);
  return h.digest();
}
