import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type HashJob, hashRange } from './hash-range.js';

/**
 * Hash many files on all cores: one worker thread per core, each streaming one file at a time. Where the worker
 * script is not on disk (a single-file bundle), hashing runs in this thread instead.
 */
export async function hashAll(jobs: readonly HashJob[], options: { threads?: number } = {}): Promise<string[]> {
  const here = fileURLToPath(import.meta.url);
  const workerFile = path.join(path.dirname(here), `hash-worker${path.extname(here)}`);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  if (jobs.length === 0) return [];
  if (threads === 1 || !existsSync(workerFile)) {
    const out: string[] = [];
    for (const job of jobs) out.push(await hashRange(job));
    return out;
  }
  const results: string[] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(workerFile));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              worker.postMessage({ ...jobs[id], id });
            };
            worker.on('message', (m: { id: number; digest?: string; error?: string }) => {
              if (m.error !== undefined) return reject(new Error(`${jobs[m.id]?.file}: ${m.error}`));
              results[m.id] = m.digest as string;
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
