import { access, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { StoreError } from './errors.js';
import type { Store, SqlClient } from './sql.js';

/**
 * PGlite's own settings plus 16 MB of shared buffers: its default 128 MB is touched at start and was most of the
 * embedded store's resident memory; the store's working set is far smaller, and the OS page cache holds the rest.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

// Resolved from the package root so it works from src/ (tests) and dist/ (built) alike; made at build time.
const TEMPLATES_DIR = new URL('../../pgdata/', import.meta.url);

interface Template {
  /** A data directory fresh from initdb, to copy into a new data directory. */
  dir: string;
  /** The same as PGlite's tar dump, for a store in memory. */
  tar: string;
}

let template: Promise<Template | undefined> | undefined;

/**
 * V8 recompiles a WebAssembly function that has run enough with TurboFan, and compiling PGlite's largest functions
 * takes hundreds of MB while it runs: a ledger backfill peaked at 740 MB, against 250 MB on Liftoff's code alone,
 * which served it as fast (bench/trust-tax-history). V8 fixes a module's tiering when it is compiled, so PGlite is
 * compiled with tier-up off and it is switched back on after, for any other WebAssembly the process runs (unless
 * the process was started without it).
 */
const TIER_UP_FLAGS = ['--wasm-tier-up', '--wasm-dynamic-tiering'].filter((f) => !process.execArgv.includes(`--no-${f.slice(2)}`));
let opening = 0;

async function withoutTierUp<T>(open: () => Promise<T>): Promise<T> {
  if (opening++ === 0) for (const flag of TIER_UP_FLAGS) setFlagsFromString(`--no-${flag.slice(2)}`);
  try {
    return await open();
  } finally {
    if (--opening === 0) for (const flag of TIER_UP_FLAGS) setFlagsFromString(flag);
  }
}

/**
 * The initialised data directory new embedded stores start from, made once per PGlite version. PGlite's initdb runs
 * a second PostgreSQL and snapshots its heap, about 1 GB of resident memory; copying a template costs none of that.
 * Undefined when it cannot be made (a read-only install): each new store then runs initdb itself.
 */
function embeddedStoreTemplate(): Promise<Template | undefined> {
  template ??= makeEmbeddedStoreTemplate().catch(() => undefined);
  return template;
}

/** Make the template if it is not there (the build does, so a first start never runs initdb). */
export async function makeEmbeddedStoreTemplate(): Promise<Template> {
  const root = fileURLToPath(TEMPLATES_DIR);
  const home = join(root, `pglite-${await pgliteVersion()}`);
  const made = { dir: join(home, 'data'), tar: join(home, 'data.tar') };
  if (await exists(home)) return made;
  await mkdir(root, { recursive: true });
  // Made aside and renamed into place: a concurrent maker (another test worker) either wins or finds it there.
  const work = await mkdtemp(join(root, '.making-'));
  try {
    const db = await ready(new PGlite(join(work, 'data'), { startParams: START_PARAMS }));
    await db.query('checkpoint');
    const tar = await db.dumpDataDir('none');
    await db.close();
    await writeFile(join(work, 'data.tar'), Buffer.from(await tar.arrayBuffer()));
    await rename(work, home).catch(async (err: unknown) => {
      if (!(await exists(home))) throw err;
    });
    return made;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function ready(db: PGlite): Promise<PGlite> {
  await db.waitReady;
  return db;
}

async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: unknown };
  return String(manifest.version);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** A new data directory starts as a copy of the template (never over anything there); an existing one is opened. */
async function newPglite(dataDir: string | undefined): Promise<PGlite> {
  const from = await embeddedStoreTemplate();
  if (dataDir === undefined)
    return new PGlite({ startParams: START_PARAMS, ...(from ? { loadDataDir: new Blob([await readFile(from.tar)]) } : {}) });
  if (from && !(await exists(join(dataDir, 'PG_VERSION')))) {
    await mkdir(dataDir, { recursive: true });
    for (const entry of await readdir(from.dir))
      await cp(join(from.dir, entry), join(dataDir, entry), { recursive: true, force: false, errorOnExist: true });
  }
  return new PGlite(dataDir, { startParams: START_PARAMS });
}

export async function openPglite(dataDir: string | undefined): Promise<Store> {
  let db: PGlite;
  try {
    db = await withoutTierUp(async () => ready(await newPglite(dataDir)));
  } catch (cause) {
    throw new StoreError(
      'STORE_OPEN_ERROR',
      `cannot open the embedded store at ${dataDir ?? '(memory)'}: ${(cause as Error).message}; check the directory is writable`,
      { cause },
    );
  }
  const wrap = (q: Pick<PGlite, 'query'>): SqlClient => ({
    query: async <T extends object>(text: string, params: readonly unknown[] = []) => ({
      rows: (await q.query<T>(text, [...params])).rows,
    }),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
  });
  // PGlite is single-connection: nested transactions are flattened by running the inner fn on the same client.
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn({ ...wrap(tx), transaction: (inner) => inner(wrap(tx)) })),
    exec: async (sql) => {
      try {
        return { rows: (await db.exec(sql)).flatMap((r) => r.rows as object[]) };
      } catch (err) {
        // A failed script may leave its own BEGIN open on the one connection, which would poison every later statement.
        await db.query('rollback').catch(() => undefined);
        throw err;
      }
    },
    close: () => db.close(),
  };
}
