import { parentPort, workerData } from 'node:worker_threads';
import type { ScanPolicy } from '@trustgate/core/base';
import { type ScanJob, scanFile } from './scan.js';

// One scan worker: receives {index, job}, answers {index, result}; the policy comes once in workerData.
const { policy, digest } = workerData as { policy: ScanPolicy; digest: boolean };
parentPort?.on('message', async (m: { index: number; job: ScanJob }) => {
  parentPort?.postMessage({ index: m.index, result: await scanFile(m.job, policy, digest) });
});
