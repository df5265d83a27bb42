// The App under load: pull_request.synchronize deliveries per second and latency (signed POST to 200) on the
// embedded store, next to a bare Probot app that does nothing, in the same run and against the same mock GitHub
// (a separate process that answers at once, so GitHub's own latency is excluded).
import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
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
const PR = {
  number: 1,
  headSha: 'a'.repeat(40),
  author: 'copilot-swe-agent',
  authorType: 'Bot',
  labels: ['ai:agent'],
  assignees: ['alice'],
  files: ['src/a.ts'],
  reviews: [{ user: 'bob', state: 'APPROVED', commitId: 'a'.repeat(40) }],
};

export default async function () {
  const dataDir = new URL('./.data/app/', import.meta.url).pathname;
  mkdirSync(dataDir, { recursive: true });
  const scenarioFile = `${dataDir}scenario.json`;
  writeFileSync(
    scenarioFile,
    JSON.stringify({
      files: { 'octo-org/service@main:.github/trustgate.yml': POLICY },
      teams: { 'octo-org/architects': ['bob'] },
      pulls: [PR],
    }),
  );
  const mock = await startMock(scenarioFile);
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const payload = pullRequestEvent({ owner: 'octo-org', repo: 'service' }, { ...PR, title: 't', body: '', headRef: 'f', baseRef: 'main' });
  const rows = [];
  try {
    const bare = await startBare(privateKey, mock.url);
    const bareResult = await load(bare.url, payload);
    await bare.close();
    const app = await startServer({
      appId: '1',
      privateKey,
      webhookSecret: SECRET,
      baseUrl: mock.url,
      port: 0,
      host: '127.0.0.1',
      reconcileIntervalMs: 0,
      logLevel: 'fatal',
      dataDir: `${dataDir}store-${Date.now()}`,
    });
    const appResult = await load(app.url, payload);
    await app.close();
    rows.push(row('bare Probot app (does nothing)', bareResult, '-', true));
    const ratio = appResult.perSecond / bareResult.perSecond;
    rows.push(
      row(
        'trustgate App, pull_request.synchronize (PGlite)',
        appResult,
        '>= 0.5x bare throughput, p99 < 50 ms',
        ratio >= 0.5 && appResult.p99 < 50,
        ratio,
      ),
    );
  } finally {
    mock.child.kill('SIGTERM');
  }
  return rows;
}

function row(name, r, target, ok, ratio) {
  return {
    case: name,
    'deliveries/s': r.perSecond.toFixed(1),
    'p50 ms': r.p50.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    'x bare': ratio === undefined ? '1.00' : ratio.toFixed(2),
    errors: r.errors,
    target,
    ok: ok && r.errors === 0 ? 'yes' : 'NO',
  };
}

async function load(url, payload) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const send = async () => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${url}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': signature,
      },
      body,
    });
    await res.text();
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, ok: res.status === 200 };
  };
  for (let i = 0; i < 20; i++) await send();
  const times = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < DELIVERIES) {
        const r = await send();
        times.push(r.ms);
        if (!r.ok) errors++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { perSecond: DELIVERIES / seconds, p50: at(0.5), p99: at(0.99), errors };
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
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve({ url: String(d).trim(), child }));
    child.once('exit', (code) => reject(new Error(`mock GitHub exited with ${code}`)));
  });
}
