// Start `trustgate serve` against a local mock GitHub (built from GitHub's OpenAPI description), send it one
// signed pull_request delivery for an agent-written PR, print the check runs and reviewer requests it sent, stop,
// and print the trust-tax record the App stored for the pull request.
import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPull, createState, startMockGitHub } from '../../app/test/mock-github/server.mjs';
import { pullRequestEvent } from '../../app/test/mock-github/webhooks.mjs';
import { loadTrustTaxDataset, openStore } from '@trustgate/metrics';

const here = new URL('.', import.meta.url).pathname;
const secret = 'demo-webhook-secret';
const state = createState();
state.files.set('octo-org/service@main:.github/trustgate.yml', readFileSync(join(here, 'trustgate.yml'), 'utf8'));
state.teams.set('octo-org/architects', new Set(['bob']));
state.teams.set('octo-org/platform', new Set(['alice']));
state.issues.set(7, { labels: ['bug'] });
let appUrl = '';
const github = await startMockGitHub({ state, webhookSecret: secret, appUrl: () => appUrl });
const dataDir = mkdtempSync(join(tmpdir(), 'trustgate-app-demo-'));
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const app = spawn(process.execPath, [join(here, '../../packages/cli/bin/trustgate.js'), 'serve'], {
  env: {
    PATH: process.env.PATH,
    APP_ID: '1',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: secret,
    GITHUB_API_URL: github.url,
    PORT: '0',
    HOST: '127.0.0.1',
    TRUSTGATE_DATA_DIR: dataDir,
    LOG_LEVEL: 'fatal',
  },
  stdio: ['ignore', 'inherit', 'pipe'],
});
try {
  appUrl = await new Promise((resolve, reject) => {
    let err = '';
    app.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    app.once('exit', (code) => reject(new Error(`trustgate serve exited with ${code}: ${err}`)));
  });
  console.log(`trustgate serve is up at ${appUrl}; mock GitHub at ${github.url}`);
  const pr = addPull(state, {
    number: 42,
    headSha: 'c0ffee'.padEnd(40, '0'),
    author: 'copilot-swe-agent',
    authorType: 'Bot',
    labels: ['ai:agent'],
    assignees: ['alice'],
    files: ['src/payments/refund.ts'],
    body: 'Fixes #7: refunds of partial captures were rounded down.',
    reviews: [{ user: 'alice', state: 'APPROVED', commitId: 'c0ffee'.padEnd(40, '0') }],
  });
  const sent = Date.now();
  const payload = pullRequestEvent(state, pr, 'synchronize');
  const res = await github.deliver('pull_request', payload);
  console.log(`delivery ${res.guid}: answered HTTP ${res.status} in ${Date.now() - sent} ms (claim stored)`);
  // The App answers once the delivery is claimed and processes it afterwards, in its worker thread.
  for (let i = 0; i < 400 && github.calls('checks/create').length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  console.log(`processed: both check runs published ${Date.now() - sent} ms after sending`);
  // GitHub sending it again, and a signed body that is not a JSON object: neither adds a check run.
  const again = await github.deliver('pull_request', payload, { guid: res.guid });
  const nul = await fetch(`${appUrl}/api/github/webhooks`, {
    method: 'POST',
    body: 'null',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': 'demo-null',
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update('null').digest('hex')}`,
    },
  });
  console.log(`redelivered: HTTP ${again.status} (already stored); signed null: HTTP ${nul.status} ${await nul.text()}`);
  if (again.status !== 200 || nul.status !== 400) process.exitCode = 1;
  for (const c of github.calls('checks/create')) {
    console.log(`\ncheck run "${c.body.name}" on ${c.body.head_sha.slice(0, 7)}: ${c.body.status} ${c.body.conclusion ?? ''}`);
    console.log(`  ${c.body.output.title}`);
    console.log(c.body.output.summary.replace(/^/gm, '  '));
  }
  for (const c of github.calls('pulls/request-reviewers')) console.log(`\nreviewers requested: ${JSON.stringify(c.body)}`);
  console.log(`\nmock GitHub: ${github.requests.length} requests, ${github.invalid.length} invalid`);
  if (github.invalid.length || res.status !== 200 || github.calls('checks/create').length !== 2) process.exitCode = 1;
  // The trust-tax record is written after the checks, in the same delivery: wait for the delivery to be done.
  const processed = 'trustgate_app_deliveries_total{event="pull_request",outcome="processed"} 1';
  for (let i = 0; i < 200 && !(await (await fetch(`${appUrl}/metrics`)).text()).includes(processed); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
} finally {
  app.kill('SIGTERM');
  await new Promise((r) => app.once('exit', r));
  await github.close();
}
try {
  const store = await openStore({ dataDir });
  const [row] = (await loadTrustTaxDataset(store, { repo: 'octo-org/service' })).pullRequests;
  await store.close();
  console.log(
    `\ntrust-tax record: PR #${row?.number} by ${row?.author}, cohort ${row?.cohort}, team ${row?.team}, closes a bug: ${row?.linksBug ? 'yes' : 'no'}`,
  );
  if (row?.team !== 'octo-org/platform' || row?.linksBug !== true) process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
