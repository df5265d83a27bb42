import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { openStore, type Store } from '@trustgate/metrics';

const pgUrl = process.env.DATABASE_URL_TEST;

async function roundTrip(store: Store): Promise<void> {
  const id = `test-${Date.now()}-${Math.random()}`;
  await store.query('insert into deliveries (id, event) values ($1, $2)', [id, 'ping']);
  await expect(
    store.transaction(async (tx) => {
      await tx.query('update deliveries set status = $2 where id = $1', [id, 'done']);
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  const { rows } = await store.query<{ status: string }>('select status from deliveries where id = $1', [id]);
  expect(rows).toEqual([{ status: 'processing' }]);
  await store.query('delete from deliveries where id = $1', [id]);
}

describe('openStore', () => {
  it('migrates the embedded store and rolls back a failed transaction', async () => {
    const store = await openStore();
    expect(store.kind).toBe('pglite');
    const { rows } = await store.query<{ id: string }>('select id from schema_migrations order by id');
    expect(rows.map((r) => r.id)).toContain('001_deliveries.sql');
    await roundTrip(store);
    await store.close();
  });

  it('starts a new data directory from the template, keeps what an existing one holds, and never overwrites a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustgate-store-'));
    try {
      const data = join(dir, 'data');
      const store = await openStore({ dataDir: data });
      // Its own memory bound, in a directory whose cluster came from the template (no initdb in this process).
      expect((await store.query('show shared_buffers')).rows).toEqual([{ shared_buffers: '16MB' }]);
      expect(readdirSync(data)).toEqual(expect.arrayContaining(['PG_VERSION', 'base', 'global', 'pg_wal']));
      await store.query("insert into deliveries (id, event) values ('kept', 'ping')");
      await store.close();
      const again = await openStore({ dataDir: data });
      expect((await again.query('select id from deliveries')).rows).toEqual([{ id: 'kept' }]);
      await again.close();
      // A directory holding something else is not a store: opening it fails and leaves the file as it was.
      const other = join(dir, 'other');
      await openStore({ dataDir: other }).then((s) => s.close());
      rmSync(join(other, 'PG_VERSION'));
      writeFileSync(join(other, 'postgresql.conf'), 'mine');
      await expect(openStore({ dataDir: other })).rejects.toMatchObject({ code: 'STORE_OPEN_ERROR' });
      expect(readFileSync(join(other, 'postgresql.conf'), 'utf8')).toBe('mine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (pgUrl ? it : it.skip)('does the same on PostgreSQL (DATABASE_URL_TEST)', async () => {
    const store = await openStore({ databaseUrl: pgUrl });
    expect(store.kind).toBe('postgres');
    await roundTrip(store);
    await store.close();
  });

  (pgUrl ? it : it.skip)('survives PostgreSQL closing an idle connection, and says so', async () => {
    const closed: string[] = [];
    const store = await openStore({ databaseUrl: pgUrl, onConnectionError: (err) => closed.push((err as { code?: string }).code ?? '') });
    const pid = (await store.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
    expect(typeof pid).toBe('number');
    // What a server restart, failover or `drop database ... with (force)` does to a connection resting in the pool.
    const admin = await openStore({ databaseUrl: pgUrl });
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.close();
    for (let i = 0; i < 100 && closed.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(closed).toEqual(['57P01']);
    expect((await store.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await store.close();
  });

  it('names the URL (without password) when PostgreSQL is unreachable', async () => {
    await expect(openStore({ databaseUrl: 'postgres://u:secret@127.0.0.1:1/x' })).rejects.toMatchObject({
      code: 'STORE_OPEN_ERROR',
      message: expect.stringContaining('postgres://u:***@127.0.0.1:1/x'),
    });
  });
});
