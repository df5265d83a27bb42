import { parentPort, workerData } from 'node:worker_threads';
import { scanFile } from './scan.js';
// One scan worker: receives {index, job}, answers {index, result}; the policy comes once in workerData.
const policy = workerData.policy;
parentPort?.on('message', async (m) => {
    parentPort?.postMessage({ index: m.index, result: await scanFile(m.job, policy) });
});
//# sourceMappingURL=worker.js.map