import { describe, expect, it } from '@jest/globals';
import { applyCommit, type CommitDiff, type LedgerState } from '@trustgate/metrics';
import { at, sha, webhookCommits } from '../fixtures/history.js';
import { normalise, replay } from '../fixtures/replay.js';

const pick = (e: { origin: { pr: number | null } }) => e.origin.pr;

describe('applyCommit on the synthetic history', () => {
  const { ledger, effects } = replay(webhookCommits);

  it('ends with the known ledger: moved lines keep their origin, renames carry ranges, the gap and removals drop', () => {
    expect(normalise(ledger)).toEqual({
      'a.ts': [
        [1, 6, 1, 'human', at(0)],
        [7, 1, 5, 'agent', at(12)],
      ],
      'c.ts': [[1, 4, 1, 'human', at(0)]],
      'lib/b.ts': [
        [1, 1, 3, 'human', at(5)],
        [2, 3, 2, 'agent', at(1)],
      ],
    });
  });

  it('records births, deaths by kind and age, moves, the gap and the revert', () => {
    const [c1, c2, c3, c4, c5, c6, c7, c8] = effects;
    expect(c1?.births.map((b) => [b.path, pick(b), b.lines])).toEqual([['a.ts', 1, 10]]);
    expect(c2?.births.map((b) => [b.path, b.lines])).toEqual([
      ['b.ts', 6],
      ['d.ts', 3],
    ]);
    expect(c3?.births.map((b) => [b.path, pick(b), b.lines])).toEqual([['b.ts', 3, 1]]);
    expect(c3?.deaths.map((d) => [d.path, pick(d), d.kind, d.lines, d.byPr, d.ageDays])).toEqual([
      ['b.ts', 2, 'rewritten', 1, 3, 4],
      ['b.ts', 2, 'deleted', 1, 3, 4],
    ]);
    expect(c4?.births).toEqual([]);
    expect(c4?.deaths).toEqual([]);
    expect(c4?.moves.map((m) => [m.fromPath, m.toPath, pick(m), m.lines])).toEqual([['a.ts', 'c.ts', 1, 4]]);
    expect(c5?.deaths.map((d) => [d.path, pick(d), d.kind, d.lines, d.byPr, d.ageDays])).toEqual([['lib/b.ts', 2, 'deleted', 1, 5, 11]]);
    expect(c6?.gaps.map((g) => [g.path, g.pr, g.lost.map((l) => [pick(l), l.lines])])).toEqual([['d.ts', 6, [[2, 3]]]]);
    expect(c6?.births).toEqual([]);
    expect(c7?.births.map((b) => [b.path, b.lines])).toEqual([['e.ts', 5]]);
    expect(c8?.deaths.map((d) => [d.path, pick(d), d.kind, d.lines, d.byPr, d.ageDays])).toEqual([['e.ts', 7, 'deleted', 5, 8, 2]]);
    expect(c8?.reverts).toEqual([sha(7)]);
  });
});

describe('applyCommit edge cases', () => {
  const base = (files: CommitDiff['files'], n = 1): CommitDiff => ({
    sha: `s${n}`,
    parents: [],
    committedAt: at(n),
    message: '',
    pr: n,
    cohort: 'human',
    files,
  });

  it('shifts ranges below an insertion and keeps untracked lines untracked', () => {
    const ledger: LedgerState = new Map([['f', [{ start: 3, length: 2, origin: { pr: 9, sha: 'x', cohort: 'agent', bornAt: at(0) } }]]]);
    applyCommit(ledger, base([{ filename: 'f', status: 'modified', additions: 2, deletions: 0, patch: '@@ -1,0 +2,2 @@\n+x\n+y' }]));
    expect(normalise(ledger).f).toEqual([
      [2, 2, 1, 'human', at(1)],
      [5, 2, 9, 'agent', at(0)],
    ]);
  });

  it('does not treat a moved block shorter than 3 lines as a move', () => {
    const { effects } = replay([
      base([{ filename: 'f', status: 'added', additions: 4, deletions: 0, patch: '@@ -0,0 +1,4 @@\n+a = 1\n+b = 2\n+c = 3\n+d = 4' }], 1),
      base(
        [
          {
            filename: 'f',
            status: 'modified',
            additions: 2,
            deletions: 2,
            patch: '@@ -1,4 +1,4 @@\n-a = 1\n-b = 2\n c = 3\n d = 4\n+a = 1\n+b = 2',
          },
        ],
        2,
      ),
    ]);
    expect(effects[1]?.moves).toEqual([]);
    expect(effects[1]?.deaths.map((d) => [d.kind, d.lines])).toEqual([['deleted', 2]]);
  });

  it('ignores whitespace when matching moved blocks', () => {
    const { effects } = replay([
      base([{ filename: 'f', status: 'added', additions: 3, deletions: 0, patch: '@@ -0,0 +1,3 @@\n+a = 1\n+b = 2\n+c = 3' }], 1),
      base(
        [
          { filename: 'f', status: 'removed', additions: 0, deletions: 3, patch: '@@ -1,3 +0,0 @@\n-a = 1\n-b = 2\n-c = 3' },
          { filename: 'g', status: 'added', additions: 3, deletions: 0, patch: '@@ -0,0 +1,3 @@\n+  a  =  1\n+\tb = 2\n+c = 3 ' },
        ],
        2,
      ),
    ]);
    expect(effects[1]?.moves.map((m) => [m.fromPath, m.toPath, m.lines])).toEqual([['f', 'g', 3]]);
    expect(effects[1]?.deaths).toEqual([]);
  });

  it('a malformed patch is a gap of its file, and the rest of the commit is applied (a push never fails on it)', () => {
    const origin = { pr: 9, sha: 'x', cohort: 'agent' as const, bornAt: at(0) };
    const ledger: LedgerState = new Map([['f', [{ start: 1, length: 2, origin }]]]);
    const e = applyCommit(
      ledger,
      base([
        { filename: 'f', status: 'modified', additions: 1, deletions: 0, patch: '@@ -0,0 +1,3 @@\n+a' },
        { filename: 'g', status: 'added', additions: 1, deletions: 0, patch: 'garbage' },
        { filename: 'h', status: 'added', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+ok' },
      ]),
    );
    expect(e.gaps.map((g) => [g.path, g.lost.map((l) => l.lines)])).toEqual([
      ['f', [2]],
      ['g', []],
    ]);
    expect(e.births.map((b) => [b.path, b.lines])).toEqual([['h', 1]]);
    expect([...ledger.keys()].sort()).toEqual(['h']);
  });

  it('keeps ranges of a binary change (no patch, no line changes) and reports no gap', () => {
    const ledger: LedgerState = new Map([['f', [{ start: 1, length: 2, origin: { pr: 9, sha: 'x', cohort: 'agent', bornAt: at(0) } }]]]);
    const e = applyCommit(ledger, base([{ filename: 'f', status: 'modified', additions: 0, deletions: 0 }]));
    expect(e.gaps).toEqual([]);
    expect(ledger.get('f')).toHaveLength(1);
  });
});
