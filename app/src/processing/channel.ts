import type { MessagePort, Worker } from 'node:worker_threads';

/** One end of a channel between threads: a Worker, a worker's parentPort, or a MessagePort. */
export interface Port {
  post(value: unknown): void;
  listen(listener: (value: unknown) => void): void;
  /** Calls `listener` once the thread at the other end is gone (only where that can be known). */
  closed(listener: (why: string) => void): void;
}

/** What Worker and MessagePort have in common. */
interface ThreadEnd {
  postMessage(value: unknown): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
}

/**
 * A Worker, parentPort or MessagePort as a Port. `closed`, where given, is how this end learns that the other is
 * gone: a Worker's `exit`, a MessagePort's `close` (emitted when its twin is closed, as when its thread ends).
 */
export function portOf(end: ThreadEnd, closed?: (listener: (why: string) => void) => void): Port {
  return { post: (v) => end.postMessage(v), listen: (l) => void end.on('message', l), closed: closed ?? (() => {}) };
}

/** The Port of a Worker, from the thread that started it. */
export function workerPort(worker: Worker): Port {
  return portOf(worker, (l) => worker.once('exit', (code) => l(`exit code ${code}`)));
}

/** The Port of one end of a MessageChannel. */
export function messagePort(port: MessagePort): Port {
  return portOf(port, (l) => port.once('close', () => l('channel closed')));
}

/**
 * Calls over a port, each answered by one reply of kind `replyKind` that carries the call's id; a reply with `error`
 * rejects its call, and when the other end is gone every call still waiting is rejected rather than left hanging.
 */
export function caller<Reply extends object>(port: Port, replyKind: string, peer: string) {
  let next = 0;
  const waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  port.listen((message) => {
    const m = message as { kind?: unknown; id?: unknown; error?: unknown };
    if (m.kind !== replyKind || typeof m.id !== 'number') return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (typeof m.error === 'string') w?.reject(new Error(m.error));
    else w?.resolve(m as Reply);
  });
  port.closed((why) => {
    for (const w of waiting.values()) w.reject(new Error(`${peer} stopped (${why}) before it answered`));
    waiting.clear();
  });
  return (request: object): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      port.post({ ...request, id });
    });
}
