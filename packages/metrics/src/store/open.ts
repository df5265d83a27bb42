import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';
import { openPglite } from './embedded.js';
import { StoreError } from './errors.js';
import type { SqlClient, Store } from './sql.js';

export interface StoreOptions {
  /** PostgreSQL URL; when absent the embedded PGlite store is used. */
  databaseUrl?: string;
  /** PGlite data directory; absent means in memory (tests). */
  dataDir?: string;
  /** Told when the server closes an idle PostgreSQL connection (restart, failover, idle timeout); the pool replaces it. */
  onConnectionError?: (err: Error) => void;
  /** PostgreSQL only: bounds on waiting for a connection and on one statement (server- and client-side). */
  timeouts?: StoreTimeouts;
}

export interface StoreTimeouts {
  /** Giving up on opening a connection (or on a free one in the pool); default 10 s. */
  connectMs?: number;
  /** The server cancels a longer statement, and the client stops waiting shortly after (a silent network); none by default. */
  statementMs?: number;
}

// Resolved from the package root so it works from src/ (tests) and dist/ (built) alike.
const MIGRATIONS_DIR = new URL('../../src/store/migrations/', import.meta.url);

/** Open the store and bring its schema up to date (same SQL and migrations for PGlite and PostgreSQL). */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.onConnectionError, options.timeouts ?? {})
    : await openPglite(options.dataDir);
  try {
    await migrate(store);
  } catch (cause) {
    await store.close();
    throw cause instanceof StoreError
      ? cause
      : new StoreError('STORE_MIGRATION_ERROR', `store migration failed: ${(cause as Error).message}`, { cause });
  }
  return store;
}

async function openPostgres(url: string, onConnectionError: StoreOptions['onConnectionError'], timeouts: StoreTimeouts): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs ?? 10_000,
    // A dropped network never answers: keepalive finds dead idle sockets, query_timeout bounds a statement's wait.
    keepAlive: true,
    ...(timeouts.statementMs ? { statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + 1000 } : {}),
  });
  // The pool already drops a connection the server closed while it was idle; unheard, that error would end the process.
  pool.on('error', (err) => onConnectionError?.(err));
  try {
    await pool.query('select 1');
  } catch (cause) {
    await pool.end();
    throw new StoreError(
      'STORE_OPEN_ERROR',
      `cannot connect to PostgreSQL at ${redact(url)}: ${(cause as Error).message}; check DATABASE_URL`,
      { cause },
    );
  }
  const onClient = (c: pg.PoolClient): SqlClient => ({
    query: async <T extends object>(text: string, params: readonly unknown[] = []) => ({
      rows: (await c.query(text, [...params])).rows as T[],
    }),
    transaction: (fn) => fn(onClient(c)),
  });
  return {
    kind: 'postgres',
    query: async <T extends object>(text: string, params: readonly unknown[] = []) => ({
      rows: (await pool.query(text, [...params])).rows as T[],
    }),
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(onClient(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A connection whose statement timed out may still be busy with it: discard it rather than pool it.
        broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * Apply `migrations/NNN_name.sql` in order, each once, under an advisory lock so replicas starting together on
 * one PostgreSQL do not race.
 */
async function migrate(store: Store): Promise<void> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  await store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7312001)');
    await tx.query('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ id: string }>('select id from schema_migrations')).rows.map((r) => r.id));
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
      try {
        for (const statement of splitSql(sql)) await tx.query(statement);
      } catch (cause) {
        throw new StoreError('STORE_MIGRATION_ERROR', `migration ${file} failed: ${(cause as Error).message}`, { cause });
      }
      await tx.query('insert into schema_migrations (id) values ($1)', [file]);
    }
  });
}

// Migrations hold plain DDL; statements end with a semicolon at the end of a line.
function splitSql(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s !== '');
}
