// The App under load: pull_request.synchronize deliveries per second and latency on the embedded store, next to a
// bare Probot app that does nothing, in the same run and against the same mock GitHub (a separate process that
// answers at once, so GitHub's own latency is excluded). Deliveries come from a sender process of their own
// (webhook-sender.mjs), as from GitHub. Each delivery is a different pull request, as in a busy
// organisation. Two rows for the App: answering GitHub (signed POST to 200: the claim is stored), and processing
// (from the first POST until every delivery's checks are published and its claim is done). The CPU column is the
// bench process's own CPU (all its threads) per delivery: the App's cost, without the sender's or GitHub's.
// BENCH_APP_ROUNDS (3) alternating rounds; each figure is the median over them.
import { fork, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { setPriority } from 'node:os';
import { createNodeMiddleware, Probot } from 'probot';
import { startServer } from '../app/dist/index.js';
import { pullRequestEvent } from '../app/test/mock-github/webhooks.mjs';

const DELIVERIES = Number(process.env.BENCH_APP_DELIVERIES ?? 400);
const CONCURRENCY = 8;
const SECRET = 'bench-secret';
const POLICY = `version: 1
review:
  rules:
    - { name: service architecture, paths: ["src/**"], teams: ["octo-org/architects"] }
guardrails:
  agentPrsPerDay: 1000
`;
const WARMUP = 20;
const ROUNDS = Number(process.env.BENCH_APP_ROUNDS ?? 3);
const pr = (number) => {
  const headSha = number.toString(16).padStart(40, 'a');
  return {
    number,
    headSha,
    author: 'copilot-swe-agent',
    authorType: 'Bot',
    labels: ['ai:agent'],
    assignees: ['alice'],
    files: ['src/a.ts'],
    reviews: [{ user: 'bob', state: 'APPROVED', commitId: headSha }],
  };
};
const PRS = Array.from({ length: WARMUP + DELIVERIES }, (_, i) => pr(i + 1));

export default async function () {
  const dataDir = new URL('./.data/app/', import.meta.url).pathname;
  mkdirSync(dataDir, { recursive: true });
  const scenarioFile = `${dataDir}scenario.json`;
  writeFileSync(
    scenarioFile,
    JSON.stringify({
      files: { 'octo-org/service@main:.github/trustgate.yml': POLICY },
      teams: { 'octo-org/architects': ['bob'] },
      pulls: PRS,
    }),
  );
  const mock = await startMock(scenarioFile);
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const payloads = PRS.map((p) =>
    pullRequestEvent({ owner: 'octo-org', repo: 'service' }, { ...p, title: 't', body: '', headRef: 'f', baseRef: 'main' }),
  );
  const payloadsFile = `${dataDir}payloads.json`;
  writeFileSync(payloadsFile, JSON.stringify(payloads));
  const sender = fork(new URL('./webhook-sender.mjs', import.meta.url).pathname, [payloadsFile, SECRET, String(CONCURRENCY)]);
  const rows = [];
  try {
    const bare = await startBare(privateKey, mock.url);
    const storeDir = `${dataDir}store-${Date.now()}`;
    const app = await startServer({
      appId: '1',
      privateKey,
      webhookSecret: SECRET,
      baseUrl: mock.url,
      port: 0,
      host: '127.0.0.1',
      reconcileIntervalMs: 0,
      logLevel: 'fatal',
      dataDir: storeDir,
    });
    // Rounds alternate the bare app and the App, and each figure is the median over the rounds: a 2-core machine
    // shared with the sender and the mock drifts by a third between seconds, which one round would take as the App's.
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const bareResult = await load(sender, bare.url, async () => {});
      const appResult = await load(sender, app.url, () => app.idle());
      const processed = await processingTimes(app.store, appResult.guids);
      const done = {
        ...processed,
        perSecond: DELIVERIES / appResult.drainedSeconds,
        errors: appResult.errors + processed.errors,
        cpuMs: appResult.drainedCpuMs,
      };
      rounds.push({ bare: bareResult, answering: appResult, processing: done });
    }
    await app.close();
    await bare.close();
    rmSync(storeDir, { recursive: true, force: true });
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const summary = (key) => ({
      perSecond: median(rounds.map((r) => r[key].perSecond)),
      p50: median(rounds.map((r) => r[key].p50)),
      p99: median(rounds.map((r) => r[key].p99)),
      cpuMs: median(rounds.map((r) => r[key].cpuMs)),
      errors: rounds.reduce((n, r) => n + r[key].errors, 0),
      ratio: median(rounds.map((r) => r[key].perSecond / r.bare.perSecond)),
    });
    const target = '>= 0.5x bare throughput, p99 < 50 ms';
    const bareRow = summary('bare');
    rows.push(row(`bare Probot app (does nothing), median of ${ROUNDS}`, bareRow, '-', true));
    for (const [key, name] of [
      ['answering', 'trustgate App, answering (claim stored)'],
      ['processing', 'trustgate App, processing (checks published)'],
    ]) {
      const r = summary(key);
      // Processing is bound by GitHub's latency in production; what the App controls is its CPU per delivery.
      if (key === 'processing') rows.push(row(`${name}, median of ${ROUNDS}`, r, 'App CPU <= 5 ms/delivery', r.cpuMs <= 5, r.ratio));
      else rows.push(row(`${name}, median of ${ROUNDS}`, r, target, r.ratio >= 0.5 && r.p99 < 50, r.ratio));
    }
    rows.push(...(await memoryRows(sender, mock.url, privateKey, dataDir)));
  } finally {
    sender.kill('SIGTERM');
    mock.child.kill('SIGTERM');
  }
  return rows;
}

const BURST = Number(process.env.BENCH_APP_BURST ?? 6000);

/**
 * Resident memory of `trustgate serve` (its own process, all threads) when idle and after a burst of BURST deliveries
 * has been processed, on the embedded store and, with DATABASE_URL_TEST, on PostgreSQL (a scratch database).
 */
async function memoryRows(sender, githubUrl, privateKey, dataDir) {
  const stores = [['embedded PGlite', async () => ({ TRUSTGATE_DATA_DIR: `${dataDir}serve-${Date.now()}` }), () => {}]];
  if (process.env.DATABASE_URL_TEST) {
    const pg = (await import('pg')).default;
    const name = `tg_bench_${Date.now()}`;
    const admin = async (sql) => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    const url = new URL(process.env.DATABASE_URL_TEST);
    url.pathname = `/${name}`;
    stores.push([
      'PostgreSQL',
      async () => {
        await admin(`create database ${name}`);
        return { DATABASE_URL: url.toString() };
      },
      () => admin(`drop database if exists ${name} with (force)`),
    ]);
  }
  const rows = [];
  for (const [store, env, drop] of stores) {
    const served = await serveChild({
      ...(await env()),
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GITHUB_API_URL: githubUrl,
    });
    try {
      await new Promise((r) => setTimeout(r, 3000));
      const idle = served.rssMb();
      const started = process.hrtime.bigint();
      const sent = await new Promise((resolve) => {
        sender.once('message', resolve);
        sender.send({ url: served.url, from: 0, to: DELIVERIES, repeat: Math.ceil(BURST / DELIVERIES) });
      });
      const peak = served.rssMb();
      while (!/^trustgate_app_queue_depth 0$/m.test(await (await fetch(`${served.url}/metrics`)).text())) {
        await new Promise((r) => setTimeout(r, 500));
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await new Promise((r) => setTimeout(r, 5000));
      const after = served.rssMb();
      const idleOk = store === 'PostgreSQL' || idle <= 150;
      rows.push({
        case: `trustgate serve on ${store}: idle RSS, then ${sent.guids.length} deliveries (${sent.errors} refused) processed in ${seconds.toFixed(0)} s`,
        'idle RSS MB': idle.toFixed(0),
        'RSS MB at end of burst': peak.toFixed(0),
        'RSS MB 5 s after': after.toFixed(0),
        'x idle': (after / idle).toFixed(2),
        target: store === 'PostgreSQL' ? 'after <= 1.2x idle' : 'idle <= 150 MB, after <= 1.2x idle',
        ok: idleOk && after <= idle * 1.2 ? 'yes' : 'NO',
      });
    } finally {
      await served.stop();
      await drop();
    }
  }
  return rows;
}

/** `trustgate serve` as operators run it, in a process of its own. */
async function serveChild(env) {
  const cli = new URL('../packages/cli/bin/trustgate.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', TRUSTGATE_RECONCILE_INTERVAL_MS: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`trustgate serve exited with ${code}: ${err}`)));
  });
  return {
    url,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

function row(name, r, target, ok, ratio) {
  return {
    case: name,
    'deliveries/s': r.perSecond.toFixed(1),
    'p50 ms': r.p50.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    'x bare': ratio === undefined ? '1.00' : ratio.toFixed(2),
    'CPU ms/delivery': r.cpuMs.toFixed(2),
    errors: r.errors,
    target,
    ok: ok && r.errors === 0 ? 'yes' : 'NO',
  };
}

/** Send the warm-up deliveries, then the measured ones, from the sender process; `drain` waits for processing. */
async function load(sender, url, drain) {
  const send = (from, to) =>
    new Promise((resolve) => {
      sender.once('message', resolve);
      sender.send({ url, from, to });
    });
  await send(0, WARMUP);
  await drain();
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const { times, guids, errors, seconds } = await send(WARMUP, WARMUP + DELIVERIES);
  const answeredCpu = process.cpuUsage(cpu);
  await drain();
  const drainedCpu = process.cpuUsage(cpu);
  const drainedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU of this process only (all its threads): the sender and the mock GitHub run in processes of their own.
  const perDelivery = (u) => (u.user + u.system) / 1000 / DELIVERIES;
  return {
    perSecond: DELIVERIES / seconds,
    ...percentiles(times),
    errors,
    guids,
    drainedSeconds,
    cpuMs: perDelivery(answeredCpu),
    drainedCpuMs: perDelivery(drainedCpu),
  };
}

/** Per delivery, from its claim being stored to its claim being done, as the store recorded them. */
async function processingTimes(store, guids) {
  const { rows } = await store.query(
    `select status, extract(epoch from (finished_at - received_at)) * 1000 as ms from deliveries where id = any($1)`,
    [guids],
  );
  return { ...percentiles(rows.map((r) => Number(r.ms))), errors: guids.length - rows.filter((r) => r.status === 'done').length };
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

async function startBare(privateKey, baseUrl) {
  const probot = new Probot({ appId: '1', privateKey, secret: SECRET, baseUrl, logLevel: 'fatal' });
  const middleware = await createNodeMiddleware((app) => app.onAny(async () => {}), { probot });
  const server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

function startMock(scenarioFile) {
  const child = spawn(process.execPath, [new URL('../app/test/mock-github/cli.mjs', import.meta.url).pathname, scenarioFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // GitHub's own work (here: validating and answering the App's API calls) runs on GitHub's machines, not on the
  // App's cores: at the lowest priority the mock takes only CPU time the App under test leaves idle.
  setPriority(child.pid, 19);
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve({ url: String(d).trim(), child }));
    child.once('exit', (code) => reject(new Error(`mock GitHub exited with ${code}`)));
  });
}
