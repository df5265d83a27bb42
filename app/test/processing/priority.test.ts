import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { expect, test } from '@jest/globals';

// Worker threads run the built JavaScript, as the App's processing thread does.
const PRIORITY_JS = new URL('../../dist/processing/priority.js', import.meta.url);

/** The calling thread's nice value (field 19 of /proc/thread-self/stat). */
const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[16]);

// Per-thread priorities are Linux's; elsewhere the App runs processing at normal priority and says so in its log.
(existsSync('/proc/thread-self') ? test : test.skip)('lowers the CPU priority of the calling thread only', async () => {
  const mainBefore = niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));
  const code = `
    import { readFileSync } from 'node:fs';
    import { parentPort } from 'node:worker_threads';
    import { lowerThreadPriority } from ${JSON.stringify(PRIORITY_JS.href)};
    const result = lowerThreadPriority();
    parentPort.postMessage({ result, stat: readFileSync('/proc/thread-self/stat', 'utf8') });`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
  const reply = await new Promise<{ result: unknown; stat: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(reply.result).toEqual({ lowered: true });
  expect(niceOf(reply.stat)).toBe(19);
  expect(niceOf(readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(mainBefore);
});
