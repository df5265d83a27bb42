import { afterEach, expect, test } from '@jest/globals';
// @ts-expect-error plain ESM test double without type declarations
import { pullRequestEvent } from '../mock-github/webhooks.mjs';
import { agentPr, type Harness, POLICY, startHarness } from './harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function harness(): Promise<Harness> {
  const h = await startHarness();
  harnesses.push(h);
  h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', POLICY);
  return h;
}

const opened = (h: Harness, n: number) => pullRequestEvent(h.github.state, agentPr(h.github, n, { files: ['src/a.ts'] }), 'opened');

// A forged delivery once left the next App started in the same process hanging on its first delivery.
test('after a forged delivery, the same App and a new one both go on processing', async () => {
  const first = await harness();
  const forged = await first.github.deliver('pull_request', opened(first, 1), { secret: 'not-the-secret', forged: true });
  expect(forged.status).toBe(400);
  expect(await first.github.deliver('pull_request', opened(first, 2))).toMatchObject({ status: 200 });
  const second = await harness();
  expect(await second.github.deliver('pull_request', opened(second, 3))).toMatchObject({ status: 200 });

  for (const h of [first, second]) {
    expect(h.github.calls('checks/create').map((c) => c.body.name)).toEqual(['trustgate / architecture-review', 'trustgate / guardrails']);
    expect(h.github.invalid).toEqual([]);
  }
  const { rows } = await first.app.store.query<{ status: string }>('select status from deliveries');
  expect(rows).toEqual([{ status: 'done' }]);
}, 120_000);
