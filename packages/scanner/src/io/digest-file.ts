import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

// Large reads: at 64 KiB a read costs as much as hashing it; 8 MiB per read leaves the hash as the only cost.
const DIGEST_CHUNK = 8 << 20;

/**
 * The whole-file sha256 over two reused buffers: the next read runs on the I/O pool while this thread hashes the
 * last one, so a 2 GiB checkpoint costs 16 MiB of memory and runs at the slower of disk and SHA-256, not their sum.
 */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const chunk = Math.max(1, Math.min(size, DIGEST_CHUNK));
    let full = Buffer.allocUnsafe(chunk);
    let spare = Buffer.allocUnsafe(chunk);
    let position = 0;
    let pending = handle.read(full, 0, chunk, 0);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      position += bytesRead;
      pending = handle.read(spare, 0, chunk, position);
      hash.update(full.subarray(0, bytesRead));
      [full, spare] = [spare, full];
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
