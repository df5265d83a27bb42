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

describe('a history whose files and messages hold the separators git log is read with', () => {
  it('reads every commit whole: 0x1e and 0x1f in a diff or a message are content, not record boundaries', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'tg-git-ctl-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], {
        env: { ...process.env, GIT_COMMITTER_DATE: '2026-03-01T10:00:00Z', GIT_AUTHOR_DATE: '2026-03-01T10:00:00Z' },
      });
    try {
      git('init', '-q', '-b', 'main');
      // A protobuf-like text file (no NUL, so git diffs it as text) with record and field separators on many lines,
      // long enough that the output arrives in several chunks and a separator can fall on a chunk boundary.
      const lines = Array.from({ length: 4000 }, (_, i) => `${i % 2 ? '\x1e' : ''}line ${i}\x1f\x1e\x1d end`);
      writeFileSync(join(dir, 'model.txt'), `${lines.join('\n')}\n`);
      git('add', '.');
      git('commit', '-q', '-m', 'first\x1e\x1fstill the message');
      writeFileSync(join(dir, 'b.txt'), 'two\n');
      git('add', '.');
      git('commit', '-q', '-m', 'second');
      const commits = await readGitHistory(dir);
      expect(commits.map((c) => c.message)).toEqual(['first\x1e\x1fstill the message', 'second']);
      expect(commits.map((c) => c.files.map((f) => [f.filename, f.additions]))).toEqual([[['model.txt', 4000]], [['b.txt', 1]]]);
      expect(commits.map((c) => c.committedAt)).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
