import { parentPort, workerData } from 'node:worker_threads';
import type { ScanPolicy } from '@trustgate/core/base';
import { type ScanJob, scanFile } from './scan.js';

// One scan worker: receives a batch of {index, job}, answers the batch's {index, result} in one message; the policy
// comes once in workerData.
const { policy } = workerData as { policy: ScanPolicy };
parentPort?.on('message', async (batch: { index: number; job: ScanJob }[]) => {
  const answers = [];
  for (const { index, job } of batch) answers.push({ index, result: await scanFile(job, policy) });
  parentPort?.postMessage(answers);
});
