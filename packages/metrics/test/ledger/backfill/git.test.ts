import { afterAll, describe, expect, it } from '@jest/globals';
import { loadLedger, loadTrustTaxDataset, openStore, readGitHistory, recordPullRequest, recordPush } from '@trustgate/metrics';
import { buildGitRepository } from '../../fixtures/git-history.js';
import { at, pullRequests, REPO, webhookCommits } from '../../fixtures/history.js';
import { normalise, replay } from '../../fixtures/replay.js';

describe('backfill from a local clone (git log -p)', () => {
  const repo = buildGitRepository();
  afterAll(() => repo.cleanup());

  it('reads first-parent commits with their PRs, renames and the revert marker', async () => {
    const commits = await readGitHistory(repo.dir);
    expect(commits.map((c) => c.message.split('\n')[0])).toEqual([
      'init',
      'Merge pull request #1 from o/feat/a',
      'Merge pull request #2 from o/agent/b',
      'Merge pull request #3 from o/fix/b',
      'Merge pull request #4 from o/refactor/c',
      'Merge pull request #5 from o/agent/tidy',
      'Merge pull request #6 from o/feat/d',
      'Merge pull request #7 from o/feat/e',
      'Revert "Add e" (#8)',
    ]);
    const four = commits[4]?.files.find((f) => f.filename === 'lib/b.ts');
    expect(four).toEqual({ filename: 'lib/b.ts', previousFilename: 'b.ts', status: 'renamed', additions: 0, deletions: 0 });
    expect(commits[8]?.committedAt).toBe(at(27));
  });

  it('gives the same ledger as the webhook path (the gap file aside, which git knows in full)', async () => {
    const store = await openStore();
    try {
      for (const p of pullRequests) await recordPullRequest(store, { ...p, mergeCommitSha: repo.mergeShas.get(p.number) ?? null });
      const effects = await recordPush(store, REPO, await readGitHistory(repo.dir));
      const fromGit = normalise(await loadLedger(store, REPO));
      const fromWebhooks = normalise(replay(webhookCommits).ledger);
      const { 'd.ts': gapFile, ...rest } = fromGit;
      expect(rest).toEqual(fromWebhooks);
      expect(gapFile).toEqual([
        [1, 2, 2, 'agent', at(1)],
        [3, 5, 6, 'human', at(20)],
      ]);
      expect(effects.flatMap((e) => e.moves.map((m) => [m.fromPath, m.toPath, m.origin.pr, m.lines]))).toEqual([['a.ts', 'c.ts', 1, 4]]);
      const dataset = await loadTrustTaxDataset(store);
      expect(dataset.ledger.commits).toEqual([{ repo: REPO, sha: expect.any(String), at: at(27), reverts: [repo.mergeShas.get(7)] }]);
    } finally {
      await store.close();
    }
  });
});
