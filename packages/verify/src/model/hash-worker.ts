import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import type { HashJob } from './hash-range.js';

// Loaded by file name with this file's own extension: from src/ (.ts, run by Node's type stripping in tests) the
// compiler's `.js` specifiers do not exist, from dist/ they do.
const ext = path.extname(fileURLToPath(import.meta.url));
const { hashRange } = (await import(new URL(`./hash-range${ext}`, import.meta.url).href)) as typeof import('./hash-range.js');

/** Worker side of the hashing pool: one job at a time, streamed from disk. */
parentPort?.on('message', async (job: HashJob & { id: number }) => {
  try {
    parentPort?.postMessage({ id: job.id, digest: await hashRange(job) });
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: (err as Error).message });
  }
});
