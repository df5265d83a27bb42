// GitHub's side of the App bench, in a process of its own so the App's event loop carries only the App: signs the
// deliveries before the clock starts (GitHub's work, not the App's) and sends them from CONCURRENCY senders.
// Driven over IPC by app.bench.mjs: { url, from, to, repeat? } -> { times, guids, errors, seconds }.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [payloadsFile, secret, concurrency] = process.argv.slice(2);
const bodies = JSON.parse(readFileSync(payloadsFile, 'utf8')).map((p) => JSON.stringify(p));

process.on('message', async ({ url, from, to, repeat = 1 }) => {
  // `repeat`: the same payloads again under new delivery ids (a burst larger than the pull requests in the scenario).
  const slice = bodies.slice(from, to);
  const deliveries = Array.from({ length: repeat }, () => slice)
    .flat()
    .map((body) => ({
      body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
    }));
  const times = [];
  const guids = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async () => {
      while (next < deliveries.length) {
        const { body, headers } = deliveries[next++];
        const t = process.hrtime.bigint();
        const res = await fetch(`${url}/api/github/webhooks`, { method: 'POST', headers, body });
        await res.text();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        guids.push(headers['x-github-delivery']);
        if (res.status !== 200) errors++;
      }
    }),
  );
  process.send({ times, guids, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
});
