import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { type SqlClient, type Store, StoreError } from '@trustgate/metrics';
import type { AppSettings } from '../settings.js';
import type { Executor, ProcessRequest, ProcessResult } from './job.js';
import { caller, workerPort } from './channel.js';
import { remoteStore, serveStore } from './remote-store.js';

export type WorkerSettings = Pick<AppSettings, 'appId' | 'privateKey' | 'baseUrl' | 'logLevel' | 'decisionKey'> & {
  storePort?: MessagePort;
};
export type WorkerRequest = { kind: 'job'; id: number; job: ProcessRequest };
export type WorkerReply = { kind: 'job'; id: number; result?: ProcessResult; error?: string };

// The built worker, from src/ (tests) and dist/ alike: a worker thread runs JavaScript, not our TypeScript sources.
export const WORKER_FILE = fileURLToPath(new URL('../../dist/processing/worker.js', import.meta.url));

const STORE_THREAD_FILE = fileURLToPath(new URL('../../dist/processing/store-thread.js', import.meta.url));

/**
 * Young generations of the threads (MB). By default V8 lets a thread's young generation grow to 32 MB while its
 * modules load, and keeps it (measured: the store thread's heap 58 MB, 20 MB so bounded): the store thread passes
 * statements and rows, the processing thread a delivery's GitHub answers, neither needing more between scavenges.
 */
export const STORE_THREAD_YOUNG_MB = 4;
export const PROCESSING_THREAD_YOUNG_MB = 8;

/** Whether the processing and store threads can be started (the App is built). */
export function threadsAvailable(): boolean {
  return existsSync(WORKER_FILE) && existsSync(STORE_THREAD_FILE);
}

/**
 * Process jobs in one worker thread: GitHub calls and the engines run there, on the second core, so answering
 * webhooks never waits behind processing. A job whose worker died fails (the job engine retries it); the next job
 * starts a fresh worker.
 */
export function threadExecutor(settings: WorkerSettings, store: SqlClient | ThreadStore): Executor {
  let worker: { thread: Worker; call: (request: object) => Promise<WorkerReply> } | undefined;
  const start = () => {
    // The worker reaches a store thread directly; any other store is served from here.
    const storePort = 'connect' in store ? store.connect() : undefined;
    const thread = new Worker(WORKER_FILE, {
      workerData: {
        appId: settings.appId,
        privateKey: settings.privateKey,
        logLevel: settings.logLevel,
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
        ...(settings.decisionKey ? { decisionKey: settings.decisionKey } : {}),
        ...(storePort ? { storePort } : {}),
      } satisfies WorkerSettings,
      ...(storePort ? { transferList: [storePort] } : {}),
      resourceLimits: { maxYoungGenerationSizeMb: PROCESSING_THREAD_YOUNG_MB },
    });
    const port = workerPort(thread);
    if (!storePort) serveStore(port, store);
    const started = { thread, call: caller<WorkerReply>(port, 'job', 'the processing thread') };
    thread.once('exit', () => {
      if (worker === started) worker = undefined;
    });
    return started;
  };
  return {
    kind: 'worker-thread',
    async run(job) {
      worker ??= start();
      const reply = await worker.call({ kind: 'job', job } satisfies Omit<WorkerRequest, 'id'>);
      return reply.result ?? { outcome: 'skipped' };
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.thread.terminate();
    },
  };
}

/** A store served from its own thread, which other threads can reach directly. */
export interface ThreadStore extends Store {
  /** A new channel to the store thread, to hand to another thread. */
  connect(): MessagePort;
}

/** The embedded store in its own thread (see store-thread.ts), as a Store for this thread. */
export async function storeThread(dataDir: string | undefined): Promise<ThreadStore> {
  const w = new Worker(STORE_THREAD_FILE, { workerData: { dataDir }, resourceLimits: { maxYoungGenerationSizeMb: STORE_THREAD_YOUNG_MB } });
  const port = workerPort(w);
  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { kind?: string; error?: string }) => {
      if (m.kind !== 'ready') return;
      w.off('message', onMessage);
      if (m.error) reject(new StoreError('STORE_OPEN_ERROR', m.error));
      else resolve();
    };
    w.on('message', onMessage);
    w.once('error', reject);
  });
  const client = remoteStore(port);
  return {
    kind: 'pglite',
    ...client,
    connect() {
      const { port1, port2 } = new MessageChannel();
      w.postMessage({ kind: 'attach', port: port1 }, [port1]);
      return port2;
    },
    async close() {
      // Closed once PGlite has shut down, or the thread is gone anyway.
      const closed = new Promise<void>((resolve) => {
        w.on('message', (m: { kind?: string }) => m.kind === 'closed' && resolve());
        w.once('exit', () => resolve());
      });
      w.postMessage({ kind: 'close' });
      await closed;
      await w.terminate();
    },
  };
}
