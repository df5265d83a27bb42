// Trust tax: ledger update for a push of 100 commits x 20 files, and the report over 10,000 PRs, with the
// embedded store (PGlite) and PostgreSQL ($DATABASE_URL_TEST or the local server; a scratch database is dropped after).
import pg from 'pg';
import {
  buildTrustTaxReport,
  importHistory,
  loadTrustTaxDataset,
  openStore,
  recordPush,
  syntheticOrganisation,
} from '../packages/metrics/dist/index.js';

const AS_OF = '2026-08-01T00:00:00.000Z';
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const row = (name, wall, target) => ({
  case: name,
  'wall ms': wall.toFixed(0),
  target: `< ${target} ms`,
  ok: wall < target ? 'yes' : 'NO',
});

function push(commits, files, from) {
  const out = [];
  for (let c = 0; c < commits; c++) {
    const sha = `${(from + c).toString(16).padStart(40, '0')}`;
    out.push({
      sha,
      parents: [],
      committedAt: new Date(Date.UTC(2026, 0, 1) + (from + c) * 3_600_000).toISOString(),
      message: `change ${from + c}`,
      pr: from + c,
      cohort: c % 3 === 0 ? 'agent' : 'human',
      files: Array.from({ length: files }, (_, f) => {
        if (from === 0) {
          const lines = Array.from({ length: 200 }, (_, i) => `+const f${f}_${i} = ${i};`);
          return {
            filename: `src/f${f}.ts`,
            status: 'added',
            additions: 200,
            deletions: 0,
            patch: `@@ -0,0 +1,200 @@\n${lines.join('\n')}`,
          };
        }
        const at = 1 + ((c * 7 + f * 13) % 190);
        const body = [
          `-const f${f}_old = ${at};`,
          `-const f${f}_old = ${at + 1};`,
          `-const f${f}_old = ${at + 2};`,
          ...Array.from({ length: 5 }, (_, i) => `+const f${f}_${from + c}_${i} = ${i};`),
        ];
        return {
          filename: `src/f${f}.ts`,
          status: 'modified',
          additions: 5,
          deletions: 3,
          patch: `@@ -${at},3 +${at},5 @@\n${body.join('\n')}`,
        };
      }),
    });
  }
  return out;
}

async function ledgerCase() {
  const store = await openStore();
  try {
    await recordPush(store, 'bench/ledger', push(1, 20, 0));
    const commits = push(100, 20, 1);
    const t = process.hrtime.bigint();
    const effects = await recordPush(store, 'bench/ledger', commits);
    const wall = ms(t);
    if (effects.length !== 100) throw new Error(`expected 100 applied commits, got ${effects.length}`);
    return row('ledger: push of 100 commits x 20 files (embedded store)', wall, 1000);
  } finally {
    await store.close();
  }
}

// The report = load the dataset from the store + measure + trust tax with its 95% intervals. The first run
// includes JIT warm-up (a CLI invocation); the second is what the long-running App's dashboard sees.
async function reportCase(store, label) {
  const rows = [];
  for (const run of ['first run', 'warm']) {
    const t = process.hrtime.bigint();
    const dataset = await loadTrustTaxDataset(store);
    const loaded = ms(t);
    const report = buildTrustTaxReport(dataset, { asOf: AS_OF });
    const wall = ms(t);
    if (report.pullRequests < 10_000) throw new Error(`expected 10,000 PRs, got ${report.pullRequests}`);
    rows.push({ ...row(`report over ${report.pullRequests} PRs (${label}, ${run})`, wall, 1000), 'load ms': loaded.toFixed(0) });
  }
  return rows;
}

export default async function () {
  const rows = [await ledgerCase()];
  const history = syntheticOrganisation({ pullRequests: 10_000 });
  const embedded = await openStore();
  try {
    await importHistory(embedded, history);
    rows.push(...(await reportCase(embedded, 'embedded PGlite')));
  } finally {
    await embedded.close();
  }
  const url = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (err) {
    rows.push({ case: 'report over 10,000 PRs (PostgreSQL)', 'wall ms': 'skipped', target: '< 1000 ms', ok: `no server: ${err.message}` });
    return rows;
  }
  const db = `trustgate_bench_${process.pid}`;
  await admin.query(`create database ${db}`);
  try {
    const target = new URL(url);
    target.pathname = `/${db}`;
    const store = await openStore({ databaseUrl: target.toString() });
    try {
      await importHistory(store, history);
      rows.push(...(await reportCase(store, 'PostgreSQL')));
    } finally {
      await store.close();
    }
  } finally {
    await admin.query(`drop database if exists ${db}`);
    await admin.end();
  }
  return rows;
}
