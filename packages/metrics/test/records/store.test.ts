import { describe, expect, it } from '@jest/globals';
import { loadLedger, loadTrustTaxDataset, measurePullRequests, openStore, recordPush } from '@trustgate/metrics';
import { ASOF, REPO, webhookCommits } from '../fixtures/history.js';
import { normalise, replay } from '../fixtures/replay.js';
import { seedSynthetic } from '../fixtures/seed.js';
import { syntheticDataset } from '../fixtures/dataset.js';

const stripPr = webhookCommits.map(({ pr: _pr, cohort: _cohort, ...c }) => c);

describe('trust-tax records in the store', () => {
  it('stores the ledger and measures exactly what the in-memory path measures (PR resolved from the merge sha)', async () => {
    const store = await openStore();
    try {
      await seedSynthetic(store, stripPr);
      expect(normalise(await loadLedger(store, REPO))).toEqual(normalise(replay(webhookCommits).ledger));
      const fromStore = measurePullRequests(await loadTrustTaxDataset(store, { repo: REPO }), { asOf: ASOF, windows: [14, 30, 90] });
      const inMemory = measurePullRequests(syntheticDataset(), { asOf: ASOF, windows: [14, 30, 90] });
      expect(fromStore.sort((a, b) => a.number - b.number)).toEqual(inMemory);
      expect(await recordPush(store, REPO, stripPr)).toEqual([]);
      const { rows } = await store.query<{ n: number }>('select count(*)::int as n from tt_ledger_commits');
      expect(rows[0]?.n).toBe(8);
    } finally {
      await store.close();
    }
  });
});
