import { describe, expect, it } from '@jest/globals';
import { readApiHistory } from '@trustgate/metrics';
import { webhookCommits } from '../../fixtures/history.js';
import { normalise, replay } from '../../fixtures/replay.js';

// GET /commits/{sha} bodies for the synthetic history, as GitHub shapes them.
const bodies = new Map(
  webhookCommits.map((c) => [
    c.sha,
    {
      sha: c.sha,
      parents: c.parents.map((sha) => ({ sha })),
      commit: { message: c.message, committer: { date: c.committedAt } },
      files: c.files.map((f) => ({
        filename: f.filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        ...(f.previousFilename ? { previous_filename: f.previousFilename } : {}),
        ...(f.patch ? { patch: f.patch } : {}),
      })),
    },
  ]),
);

describe('backfill from the API', () => {
  it('walks first parents from the head and replays to the webhook ledger', async () => {
    const head = webhookCommits.at(-1)?.sha as string;
    const commits = await readApiHistory(async (sha) => bodies.get(sha), head);
    expect(commits.map((c) => c.sha)).toEqual(webhookCommits.map((c) => c.sha));
    const withPrs = commits.map((c, i) => ({ ...c, pr: webhookCommits[i]?.pr ?? null, cohort: webhookCommits[i]?.cohort ?? 'unknown' }));
    expect(normalise(replay(withPrs).ledger)).toEqual(normalise(replay(webhookCommits).ledger));
  });

  it('stops at commits already applied and rejects malformed bodies with BACKFILL_API_ERROR', async () => {
    const head = webhookCommits.at(-1)?.sha as string;
    const tail = await readApiHistory(async (sha) => bodies.get(sha), head, { stopAt: [webhookCommits[5]?.sha as string] });
    expect(tail.map((c) => c.sha)).toEqual(webhookCommits.slice(6).map((c) => c.sha));
    await expect(readApiHistory(async () => ({ sha: 'x', parents: 'no' }), 'x')).rejects.toMatchObject({ code: 'BACKFILL_API_ERROR' });
  });
});
