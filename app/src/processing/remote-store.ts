import type { SqlClient } from '@trustgate/metrics';
import { caller, type Port } from './channel.js';

/**
 * The store across a thread boundary: the worker's SqlClient sends each statement to the thread that owns the store
 * (PGlite lives in one thread) and waits for its rows. Transactions stay open in the owner for as long as the
 * worker's function runs, so their all-or-nothing meaning is kept.
 */
export type StoreRequest =
  | { kind: 'query'; id: number; text: string; params: unknown[]; tx?: number }
  | { kind: 'exec'; id: number; text: string }
  | { kind: 'begin'; id: number }
  | { kind: 'end'; id: number; tx: number; commit: boolean };

type Unkeyed<T> = T extends unknown ? Omit<T, 'id'> : never;

export type StoreReply = { kind: 'store'; id: number; rows?: object[]; tx?: number; error?: string };

/** Worker side: a SqlClient whose statements run in the owner thread (with `exec` when the owner's store has it). */
export function remoteStore(port: Port): SqlClient & { exec(sql: string): Promise<{ rows: object[] }> } {
  const call: (req: Unkeyed<StoreRequest>) => Promise<StoreReply> = caller<StoreReply>(port, 'store', 'the store thread');
  const client = (tx?: number): SqlClient => ({
    query: async <T extends object>(text: string, params: readonly unknown[] = []) => ({
      rows: ((await call({ kind: 'query', text, params: [...params], ...(tx !== undefined ? { tx } : {}) })).rows ?? []) as T[],
    }),
    transaction: async (fn) => {
      // Nested transactions run inside the open one, as the owner's stores do.
      if (tx !== undefined) return fn(client(tx));
      const opened = (await call({ kind: 'begin' })).tx as number;
      let out: Awaited<ReturnType<typeof fn>>;
      try {
        out = await fn(client(opened));
      } catch (err) {
        await call({ kind: 'end', tx: opened, commit: false }).catch(() => undefined);
        throw err;
      }
      await call({ kind: 'end', tx: opened, commit: true });
      return out;
    },
  });
  return { ...client(), exec: async (text) => ({ rows: (await call({ kind: 'exec', text })).rows ?? [] }) };
}

/** Owner side: answer a worker's store requests from `store`. */
export function serveStore(port: Port, store: SqlClient & { exec?(sql: string): Promise<{ rows: object[] }> }): void {
  let nextTx = 0;
  const open = new Map<number, { tx: SqlClient; end: (commit: boolean) => void }>();
  const reply = (r: StoreReply) => port.post(r);
  const fail = (id: number, err: unknown) => reply({ kind: 'store', id, error: (err as Error).message ?? String(err) });
  port.listen((message) => {
    const req = message as StoreRequest;
    if (req.kind === 'query') {
      const on = req.tx === undefined ? store : open.get(req.tx)?.tx;
      if (!on) return fail(req.id, new Error(`transaction ${req.tx} is not open`));
      on.query(req.text, req.params).then(
        (r) => reply({ kind: 'store', id: req.id, rows: r.rows }),
        (err) => fail(req.id, err),
      );
    } else if (req.kind === 'exec') {
      if (!store.exec) return fail(req.id, new Error('this store runs no scripts'));
      store.exec(req.text).then(
        (r) => reply({ kind: 'store', id: req.id, rows: r.rows }),
        (err) => fail(req.id, err),
      );
    } else if (req.kind === 'begin') {
      const txId = ++nextTx;
      store
        .transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              open.set(txId, { tx, end: (commit) => (commit ? resolve() : reject(new RolledBack())) });
              reply({ kind: 'store', id: req.id, tx: txId });
            }),
        )
        .then(
          () => endReply(txId, undefined),
          (err) => (open.has(txId) ? endReply(txId, err instanceof RolledBack ? undefined : err) : fail(req.id, err)),
        );
    } else if (req.kind === 'end') {
      const t = open.get(req.tx);
      if (!t) return fail(req.id, new Error(`transaction ${req.tx} is not open`));
      ending.set(req.tx, req.id);
      t.end(req.commit);
    }
  });
  const ending = new Map<number, number>();
  const endReply = (tx: number, err: unknown) => {
    open.delete(tx);
    const id = ending.get(tx);
    ending.delete(tx);
    if (id === undefined) return;
    if (err) fail(id, err);
    else reply({ kind: 'store', id });
  };
}

class RolledBack extends Error {}
