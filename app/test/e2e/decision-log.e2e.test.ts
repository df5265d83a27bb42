import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, test } from '@jest/globals';
import { createEngines } from '@trustgate/app';
import { type DecisionRecord, exportDecisions, openStore, type Store, trustedDecisionKey, verifyChain } from '@trustgate/metrics';
// @ts-expect-error plain ESM test double without type declarations
import { deploymentProtectionRuleEvent } from '../mock-github/webhooks.mjs';
import { type Harness, POLICY, sha, startHarness } from './harness.js';

// The App's deployment decisions go to the same signed log as `trustgate gate --log-decision`.
const key = generateKeyPairSync('ed25519');
const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ours = trustedDecisionKey(pem, 'test key');
const trusted = new Map<string, KeyObject>([[ours.keyId, ours.publicKey]]);
const digest = `sha256:${'ab'.repeat(32)}`;
const policy = `${POLICY}promotion:\n  environments:\n    production:\n      requires:\n        tests: true\n  allowWithoutPolicy: [preview]\n`;

let h: Harness | undefined;
let store: Store | undefined;
afterEach(async () => {
  await h?.close();
  await store?.close();
  h = undefined;
  store = undefined;
});

describe('the App logs every deployment decision', () => {
  test('an ungated approval, a gated rejection and a no-policy rejection are chained, signed records', async () => {
    store = await openStore();
    h = await startHarness({ engines: createEngines(), store, settings: { decisionKey: pem } });
    h.github.state.files.set('octo-org/service@main:.github/trustgate.yml', policy);
    const deploy = (environment: string, n: number) =>
      h?.github.deliver('deployment_protection_rule', deploymentProtectionRuleEvent(h.github.state, { environment, sha: sha(n), digest }));
    await deploy('preview', 61);
    await deploy('production', 62);
    await deploy('qa', 63);
    const states = h.github.calls('actions/review-custom-gates-for-run').map((c) => c.body.state);
    expect(states).toEqual(['approved', 'rejected', 'rejected']);

    const records = (await exportDecisions(store)).map((l) => JSON.parse(l) as DecisionRecord);
    expect(records.map((r) => [r.seq, r.entry.environment, r.entry.decision, r.entry.source])).toEqual([
      [1, 'preview', 'pass', 'app:octo-org/service'],
      [2, 'production', 'fail', 'app:octo-org/service'],
      [3, 'qa', 'fail', 'app:octo-org/service'],
    ]);
    expect(records[0]?.entry.note).toContain('promotion.allowWithoutPolicy');
    expect(records[1]?.entry).toMatchObject({
      subject: { digest },
      requirements: [{ id: 'tests', status: 'missing' }],
      policy: { uri: expect.stringContaining('trustgate.yml'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(records[2]?.entry.note).toContain('has no promotion policy for environment `qa`');
    expect(verifyChain(records, trusted)).toMatchObject({ ok: true, count: 3 });
  });
});
