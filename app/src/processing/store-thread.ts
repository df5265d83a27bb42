// The store thread: the embedded PGlite store runs here, on its own, so its WebAssembly stays warm in its core's
// caches instead of taking turns with the webhook server's JavaScript (measured: 0.15 ms a statement alone,
// 0.4-1.2 ms interleaved on the main thread).
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { openStore } from '@trustgate/metrics/store';
import { messagePort, portOf } from './channel.js';
import { serveStore } from './remote-store.js';

const port = parentPort;
if (!port) throw new Error('processing/store-thread.js runs only as a worker thread of the trustgate App');
const { dataDir } = workerData as { dataDir?: string };
try {
  const store = await openStore(dataDir ? { dataDir } : {});
  serveStore(portOf(port), store);
  port.on('message', (m: { kind?: string; port?: MessagePort }) => {
    if (m.kind === 'attach' && m.port) {
      // Another thread (the processing worker) gets its own channel, so its statements need not pass through main.
      serveStore(messagePort(m.port), store);
    } else if (m.kind === 'close') {
      store.close().then(
        () => port.postMessage({ kind: 'closed' }),
        (err: Error) => port.postMessage({ kind: 'closed', error: err.message }),
      );
    }
  });
  port.postMessage({ kind: 'ready' });
} catch (err) {
  port.postMessage({ kind: 'ready', error: (err as Error).message });
}
