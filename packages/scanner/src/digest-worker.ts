import { parentPort } from 'node:worker_threads';
import { sha256File } from '@trustgate/core/base';

// One hashing thread: receives {id, file}, answers {id, sha256} or {id, error}. It loads nothing but the hash, so
// it starts in milliseconds, unlike a scan worker.
parentPort?.on('message', async (m: { id: number; file: string }) => {
  try {
    parentPort?.postMessage({ id: m.id, sha256: await sha256File(m.file) });
  } catch (cause) {
    parentPort?.postMessage({ id: m.id, error: (cause as NodeJS.ErrnoException).code ?? (cause as Error).message });
  }
});
