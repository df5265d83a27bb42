import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, test } from '@jest/globals';
import { openStore, type Store } from '@trustgate/metrics';
import { messagePort } from '../../src/processing/channel.js';
import { remoteStore, serveStore } from '../../src/processing/remote-store.js';

let store: Store | undefined;
const channels: MessageChannel[] = [];
afterEach(async () => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
  await store?.close();
  store = undefined;
});

/** A worker-side client and the owner's store, joined by a real MessageChannel as a worker thread's port is. */
async function joined() {
  store = await openStore();
  await store.query('create table t (n integer primary key)');
  const channel = new MessageChannel();
  channels.push(channel);
  serveStore(messagePort(channel.port2), store);
  return { remote: remoteStore(messagePort(channel.port1)), owner: store };
}

const numbers = async (db: Store) => (await db.query<{ n: number }>('select n from t order by n')).rows.map((r) => r.n);

describe('the store across a thread boundary', () => {
  test('statements run in the owner and their rows come back', async () => {
    const { remote, owner } = await joined();
    await remote.query('insert into t (n) values ($1), ($2)', [1, 2]);
    expect((await remote.query<{ n: number }>('select n from t where n > $1', [1])).rows).toEqual([{ n: 2 }]);
    expect(await numbers(owner)).toEqual([1, 2]);
  });

  test('an error names the problem and leaves the client usable', async () => {
    const { remote } = await joined();
    await expect(remote.query('select nope from t')).rejects.toThrow(/column "nope" does not exist/);
    expect((await remote.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  test('a statement still waiting when the store thread goes away fails with that reason instead of hanging', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const remote = remoteStore(messagePort(channel.port1));
    const pending = remote.query('select 1');
    channel.port2.close();
    await expect(pending).rejects.toThrow('the store thread stopped (channel closed) before it answered');
  });

  test('a transaction commits all its writes when its function returns', async () => {
    const { remote, owner } = await joined();
    const out = await remote.transaction(async (tx) => {
      await tx.query('insert into t (n) values (1)');
      await tx.transaction((inner) => inner.query('insert into t (n) values (2)'));
      return 'ok';
    });
    expect(out).toBe('ok');
    expect(await numbers(owner)).toEqual([1, 2]);
  });

  test('a transaction whose function throws writes nothing, and the error reaches the caller', async () => {
    const { remote, owner } = await joined();
    await expect(
      remote.transaction(async (tx) => {
        await tx.query('insert into t (n) values (1)');
        throw new Error('handler failed halfway');
      }),
    ).rejects.toThrow('handler failed halfway');
    await expect(
      remote.transaction(async (tx) => {
        await tx.query('insert into t (n) values (3)');
        await tx.query('insert into t (n) values (3)');
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await numbers(owner)).toEqual([]);
    await remote.query('insert into t (n) values (4)');
    expect(await numbers(owner)).toEqual([4]);
  });
});
