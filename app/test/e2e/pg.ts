import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server tests may use: $DATABASE_URL_TEST (set by .ci/run); absent locally means skip. */
export const DATABASE_URL_TEST = process.env.DATABASE_URL_TEST;

/** A throwaway database on the test server, so parallel test runs and other packages never share tables. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!DATABASE_URL_TEST) throw new Error('DATABASE_URL_TEST is not set');
  const name = `tg_app_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL_TEST });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL_TEST);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: DATABASE_URL_TEST });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function describeIfPostgres(): boolean {
  if (DATABASE_URL_TEST) return true;
  if (process.env.CI === 'true') throw new Error('DATABASE_URL_TEST must be set in CI (.ci/run sets it)');
  return false; // test/support/global-setup.mjs says so once per run
}

export type StoreOptions = () => Promise<{ databaseUrl?: string }>;

/** The stores a scenario runs on: embedded PGlite, and PostgreSQL when configured (each run on a scratch database, dropped through `cleanup`). */
export function appStores(cleanup: (drop: () => Promise<void>) => void): [string, StoreOptions][] {
  const postgres: StoreOptions = async () => {
    const db = await scratchDatabase();
    cleanup(db.drop);
    return { databaseUrl: db.url };
  };
  return [['embedded PGlite', async () => ({})], ...(describeIfPostgres() ? [['PostgreSQL', postgres] as [string, StoreOptions]] : [])];
}
