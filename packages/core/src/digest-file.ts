import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

// Reads of 256 KiB stay in the core's L2 cache between the kernel's copy and the hash; at 512 KiB and above
// (and with reads on the I/O pool, another core) every byte goes through memory twice, which costs more system
// time than the hash itself (measured: 8 MiB reads take 1.5x openssl's CPU time, 256 KiB reads the same as it).
const DIGEST_CHUNK = 256 << 10;
// Synchronous reads: the event loop gets a turn after each 1 MiB (under a millisecond), so an analysis in the
// same thread, which awaits one read after another, moves on beside the hash.
const YIELD_EVERY = 1 << 20;

/**
 * The whole-file sha256, read once in 256 KiB pieces (one buffer, so memory stays flat for any size): the scanner's
 * digests and the artifacts the verify commands and actions check. Errors are the file system's, for the caller to name.
 */
export async function sha256File(file: string): Promise<string> {
  // Imported here: node:crypto costs ~20 ms to load, and `trustgate scan` loads this module without always hashing.
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(fstatSync(fd).size, DIGEST_CHUNK)));
    let position = 0;
    let sinceYield = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, position);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      position += n;
      sinceYield += n;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await new Promise((resume) => setImmediate(resume));
      }
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
