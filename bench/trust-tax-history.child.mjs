// One measured run in its own process (peak RSS is per process): `report DIR` (history-only report),
// `backfill DIR DATA_DIR` (ledger into the embedded store), `ledger DIR N` (applyCommit alone on N parsed commits).
import { applyCommit, buildHistoryReport, openStore, readHistories, recordPush, streamGitHistory } from '../packages/metrics/dist/index.js';
import { peakRssKiB } from './peak-rss.mjs';

const [mode, dir, extra] = process.argv.slice(2);
const t = process.hrtime.bigint();
const out = { commits: 0 };
// Where the peak comes from: the JS heap (V8's, garbage included) against the rest of the resident set (PGlite's
// WebAssembly memory, code, buffers), sampled every 100 ms.
const peaks = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
const sample = () => {
  const m = process.memoryUsage();
  for (const k of Object.keys(peaks)) peaks[k] = Math.max(peaks[k], m[k]);
};
const sampler = setInterval(sample, 100);
if (mode === 'report') {
  const run = await readHistories([{ dir, repo: 'bench/history' }], { windows: [14, 30, 90], classify: {} });
  const report = buildHistoryReport(run, { windows: [14, 30, 90] });
  out.commits = run.repositories[0].commits;
  out.hazard = report.hazard.byFile?.ratios[0]?.hazardRatio ?? null;
} else if (mode === 'backfill') {
  const store = await openStore({ dataDir: extra });
  let batch = [];
  for await (const c of streamGitHistory(dir)) {
    batch.push(c);
    if (batch.length === 200) {
      out.commits += (await recordPush(store, 'bench/history', batch)).length;
      batch = [];
    }
  }
  out.commits += (await recordPush(store, 'bench/history', batch)).length;
  await store.close();
} else if (mode === 'ledger') {
  const commits = [];
  for await (const c of streamGitHistory(dir)) {
    commits.push({ ...c, pr: null, cohort: 'unknown' });
    if (commits.length >= Number(extra)) break;
  }
  const ledger = new Map();
  const start = process.hrtime.bigint();
  for (const c of commits) applyCommit(ledger, c);
  out.commits = commits.length;
  out.applyMs = Number(process.hrtime.bigint() - start) / 1e6;
}
out.ms = Number(process.hrtime.bigint() - t) / 1e6;
clearInterval(sampler);
sample();
out.peakMiB = peakRssKiB() / 1024;
out.peaksMiB = Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, Math.round(v / 1048576)]));
process.stdout.write(JSON.stringify(out));
