// The processing thread: runs claimed deliveries' handlers with its own GitHub clients, while the main thread keeps
// answering webhooks and owns the store. Started by threadExecutor with the App's credentials as workerData.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngines, withDecisionLog } from '../engines/index.js';
import { startProbot } from '../github/octokit.js';
import type { GitHub } from '../github/types.js';
import { runJob } from './job.js';
import { messagePort, portOf } from './channel.js';
import { lowerThreadPriority } from './priority.js';
import { remoteStore } from './remote-store.js';
import type { WorkerSettings, WorkerReply, WorkerRequest } from './thread.js';

const port = parentPort;
if (!port) throw new Error('processing/worker.js runs only as a worker thread of the trustgate App');
const settings = workerData as WorkerSettings;
// Answering GitHub comes first: processing runs on the CPU time the webhook server does not need.
const priority = lowerThreadPriority();
const probot = await startProbot(settings);
const deps = {
  auth: async (installationId?: number) => (await probot.auth(installationId)) as unknown as GitHub,
  db: remoteStore(settings.storePort ? messagePort(settings.storePort) : portOf(port)),
  engines: withDecisionLog(createEngines(), settings.decisionKey),
  log: probot.log,
  ...(Number.isInteger(Number(settings.appId)) ? { appId: Number(settings.appId) } : {}),
};
if (!priority.lowered) {
  probot.log.warn({ reason: priority.reason }, 'processing thread keeps normal CPU priority; answers may wait behind it');
}

// Jobs posted while Probot was starting wait in the port until this listener starts it.
port.on('message', (m: WorkerRequest | { kind: string }) => {
  if (m.kind !== 'job') return;
  const { id, job } = m as WorkerRequest;
  const reply = (r: WorkerReply) => port.postMessage(r);
  runJob(job, deps).then(
    (result) => reply({ kind: 'job', id, result }),
    (err: Error) => reply({ kind: 'job', id, error: err?.message ?? String(err) }),
  );
});
