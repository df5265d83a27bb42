import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { asTrustgateError, CoreError, defaultPolicy, loadPolicyFile, type MetricsPolicy, writeFileAtomic } from '@trustgate/core';
import {
  buildHistoryReport,
  buildTrustTaxReport,
  formatHistoryReport,
  gitRepositoryName,
  readHistories,
  formatTrustTaxReport,
  importHistory,
  loadTrustTaxDataset,
  openStore,
  parseSince,
  readGitHistory,
  recordPush,
  type Store,
  syntheticOrganisation,
} from '@trustgate/metrics';
import { type CliIO, defineCommand, EXIT } from '../io.js';
import { trustTaxBackfillSpec, trustTaxImportSpec, trustTaxSeedDemoSpec, trustTaxSpec } from '../specs/trust-tax.js';

interface StoreValues {
  database?: string | undefined;
  'data-dir'?: string | undefined;
}

function dataDir(values: StoreValues, io: CliIO): string {
  return resolve(io.cwd, values['data-dir'] ?? io.env.TRUSTGATE_DATA_DIR ?? '.trustgate/data');
}

async function open(values: StoreValues, io: CliIO, create: boolean): Promise<Store> {
  const databaseUrl = values.database ?? io.env.DATABASE_URL;
  if (databaseUrl) return openStore({ databaseUrl });
  const dir = dataDir(values, io);
  if (!existsSync(dir)) {
    if (!create)
      throw new CoreError(
        'USAGE_ERROR',
        `no store at ${dir}; point --data-dir or --database at the App's store, or fill one with trustgate trust-tax backfill/import`,
      );
    await mkdir(dir, { recursive: true });
  }
  return openStore({ dataDir: dir });
}

async function withStore<T>(store: Store, fn: (s: Store) => Promise<T>): Promise<T> {
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export const report = defineCommand(trustTaxSpec, async ({ values }, io) => {
  const asOf = values['as-of'] ? parseSince(values['as-of'], new Date().toISOString()) : new Date().toISOString();
  const since = values.since ? parseSince(values.since, asOf) : undefined;
  const full = values.policy ? await loadPolicyFile(resolve(io.cwd, values.policy)) : defaultPolicy();
  const policy: MetricsPolicy = full.metrics;
  const write = async (text: string) => (values.out ? writeFileAtomic(resolve(io.cwd, values.out), text) : io.stdout(text));
  if (values.git) {
    const sources = await Promise.all(
      values.git.map(async (d) => {
        const dir = resolve(io.cwd, d);
        return {
          dir,
          repo: values.git?.length === 1 && values.repo ? values.repo : await gitRepositoryName(dir),
          ...(values.ref ? { ref: values.ref } : {}),
        };
      }),
    );
    const run = await readHistories(sources, {
      windows: policy.churnDays,
      classify: { requireDisclosure: full.attribution.requireDisclosure, rules: full.attribution.rules },
      ...(since ? { since } : {}),
    });
    await write(
      formatHistoryReport(buildHistoryReport(run, { windows: policy.churnDays, ...(values['as-of'] ? { asOf } : {}) }), values.format),
    );
    return EXIT.ok;
  }
  const dataset = await withStore(await open(values, io, false), (s) => loadTrustTaxDataset(s, values.repo ? { repo: values.repo } : {}));
  const result = buildTrustTaxReport(dataset, {
    asOf,
    ...(since ? { since } : {}),
    windows: policy.churnDays,
    minCellPrs: policy.minCellPrs,
    minCellAuthors: policy.minCellAuthors,
    bootstrap: policy.bootstrap,
    perPerson: policy.perPerson,
  });
  await write(formatTrustTaxReport(result, values.format));
  return EXIT.ok;
});

export const backfill = defineCommand(trustTaxBackfillSpec, async ({ values }, io) => {
  const dir = resolve(io.cwd, values.git);
  const commits = await readGitHistory(dir, values.ref ? { ref: values.ref } : {});
  const applied = await withStore(await open(values, io, true), async (s) => {
    let n = 0;
    for (let i = 0; i < commits.length; i += 500) n += (await recordPush(s, values.repo, commits.slice(i, i + 500))).length;
    return n;
  });
  io.stdout(
    `trust-tax backfill: ${values.repo}: ${applied} new default-branch commits applied to the ledger (${commits.length - applied} already there)\n`,
  );
  return EXIT.ok;
});

export const importFile = defineCommand(trustTaxImportSpec, async ({ values, positionals }, io) => {
  const file = resolve(io.cwd, positionals[0] as string);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    const why = cause instanceof SyntaxError ? `${file} is not JSON (${cause.message})` : asTrustgateError(cause, file).message;
    throw new CoreError('IO_ERROR', `history file: ${why}; pass a history file`, { cause, file });
  }
  const n = await withStore(await open(values, io, true), (s) => importHistory(s, json, file));
  io.stdout(`trust-tax import: ${n.pullRequests} pull requests, ${n.commits} default-branch commits recorded\n`);
  return EXIT.ok;
});

export const seedDemo = defineCommand(trustTaxSeedDemoSpec, async ({ values }, io) => {
  const prs = Number(values.prs);
  if (!Number.isInteger(prs) || prs < 1) throw new CoreError('USAGE_ERROR', `--prs ${values.prs} is not a positive integer`);
  const n = await withStore(await open(values, io, true), (s) => importHistory(s, syntheticOrganisation({ pullRequests: prs }), 'demo'));
  io.stdout(`trust-tax seed-demo: ${n.pullRequests} synthetic pull requests, ${n.commits} commits recorded\n`);
  return EXIT.ok;
});
