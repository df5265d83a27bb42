import { Worker } from 'node:worker_threads';
import { sha256File } from '@trustgate/core/base';

/** A hash that failed: `code` is the errno code (ENOENT, EACCES) or the message. */
export class DigestReadError extends Error {
  constructor(readonly code: string) {
    super(`cannot read the file to hash it (${code})`);
  }
}

interface Pending {
  id: number;
  file: string;
  resolve: (sha256: string) => void;
  reject: (e: Error) => void;
}

/**
 * Whole-file sha256s of many files across cores, in the order asked: up to `threads` hashing threads, one file
 * each at a time (they start in tens of milliseconds). This thread is left to the analysis; with no worker file
 * (a bundle, TypeScript sources) or `threads` 0, it hashes the files itself, one at a time.
 */
export class DigestPool {
  private queue: Pending[] = [];
  private idle: Worker[] = [];
  private workers: Worker[] = [];
  private running = new Map<Worker, Pending>();
  private busyHere = false;
  private nextId = 0;
  // After a hashing thread dies, no more are started (a thread that cannot start would fail the same way again).
  private broken = false;

  constructor(
    private readonly threads: number,
    private readonly workerFile: string | undefined,
  ) {}

  /** Files hashed so far, and files asked for and not yet hashed (the backlog). */
  completed = 0;
  get pending(): number {
    return this.nextId - this.completed;
  }

  hash(file: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const done = () => this.completed++;
      this.queue.push({
        id: this.nextId++,
        file,
        resolve: (h) => {
          done();
          resolve(h);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    if (this.threads === 0 || this.workerFile === undefined || this.broken) {
      void this.hashHere();
      return;
    }
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.length < this.threads ? this.spawn(this.workerFile) : undefined);
      if (!worker) return;
      const job = this.queue.shift() as Pending;
      this.running.set(worker, job);
      worker.postMessage({ id: job.id, file: job.file });
    }
  }

  private spawn(file: string): Worker {
    const worker = new Worker(file);
    this.workers.push(worker);
    worker.on('message', (m: { id: number; sha256?: string; error?: string }) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (job) {
        if (m.sha256 !== undefined) job.resolve(m.sha256);
        else job.reject(new DigestReadError(m.error ?? 'unknown error'));
      }
      this.pump();
    });
    worker.on('error', () => {
      // A hashing thread that dies hands its file and the rest of the queue to this thread.
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.broken = true;
      if (job) this.queue.unshift(job);
      void this.hashHere();
    });
    return worker;
  }

  private async hashHere(): Promise<void> {
    if (this.busyHere) return;
    this.busyHere = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        try {
          job.resolve(await sha256File(job.file));
        } catch (cause) {
          job.reject(new DigestReadError((cause as NodeJS.ErrnoException).code ?? (cause as Error).message));
        }
      }
    } finally {
      this.busyHere = false;
    }
  }
}
