import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openStore, type Store, StoreError } from '@trustgate/metrics';
import type { CliIO } from '../io.js';

/** The STORE_OPTIONS values (specs/shared.ts). */
export interface StoreValues {
  database?: string | undefined;
  'data-dir'?: string | undefined;
}

function dataDir(values: StoreValues, io: CliIO): string {
  return resolve(io.cwd, values['data-dir'] ?? io.env.TRUSTGATE_DATA_DIR ?? '.trustgate/data');
}

/** The App's store as the CLI reaches it: PostgreSQL by --database or DATABASE_URL, else the embedded one on disk. */
export async function openCliStore(values: StoreValues, io: CliIO, create: boolean): Promise<Store> {
  const databaseUrl = values.database ?? io.env.DATABASE_URL;
  if (databaseUrl) return openStore({ databaseUrl });
  const dir = dataDir(values, io);
  if (!existsSync(dir)) {
    if (!create)
      throw new StoreError(
        'STORE_NOT_FOUND',
        `no store at ${dir}; point --data-dir or --database at the App's store, or fill one with trustgate trust-tax backfill/import`,
      );
    await mkdir(dir, { recursive: true });
  }
  return openStore({ dataDir: dir });
}

export async function withStore<T>(store: Store, fn: (s: Store) => Promise<T>): Promise<T> {
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
