import { MetricsError } from '../errors.js';
import { findMovedBlocks, lineHash, type Run } from './moves.js';
import { type Hunk, parsePatch } from './patch.js';
import { appendRange, originAt, sameOrigin, slice } from './ranges.js';
import type { CommitDiff, CommitEffects, Death, DeathKind, FileDiff, LedgerState, LineRange, Origin } from './types.js';

const DAY_MS = 86_400_000;

/** What the new version of a file is made of, in new-line order. */
type Piece = { copy: { oldFrom: number; oldTo: number; newFrom: number } } | { add: { line: number; index: number } };

interface FileWork {
  path: string;
  oldPath: string;
  oldRanges: LineRange[];
  pieces: Piece[];
  deleted: { line: number; origin: Origin | undefined; kind: DeathKind; movedTo?: string }[];
  added: { origin: Origin | undefined; moved: boolean }[];
}

/**
 * Apply one first-parent commit to the ledger of its repository (updated in place) and return what happened to
 * lines: births, deaths (deleted or rewritten, by whom, at what age), moves and gaps. No I/O.
 */
export function applyCommit(ledger: LedgerState, commit: CommitDiff): CommitEffects {
  const at = commit.committedAt;
  if (Number.isNaN(Date.parse(at)))
    throw new MetricsError('LEDGER_INPUT_ERROR', `commit ${commit.sha} has no valid committedAt (${at}); it was not applied`);
  const own: Origin = { pr: commit.pr, sha: commit.sha, cohort: commit.cohort, bornAt: at };
  const effects: CommitEffects = {
    sha: commit.sha,
    pr: commit.pr,
    at,
    births: [],
    deaths: [],
    moves: [],
    gaps: [],
    reverts: revertedShas(commit.message),
  };
  const snapshot = new Map(commit.files.map((f) => [f.previousFilename ?? f.filename, ledger.get(f.previousFilename ?? f.filename) ?? []]));
  const works: FileWork[] = [];
  const deletedRuns: (Run & { entries: number[] })[] = [];
  const addedRuns: (Run & { entries: number[] })[] = [];
  const results = new Map<string, LineRange[]>();
  const dropped = new Set<string>();

  for (const file of commit.files) {
    const oldPath = file.previousFilename ?? file.filename;
    const oldRanges = file.status === 'added' || file.status === 'copied' ? [] : (snapshot.get(oldPath) ?? []);
    if (file.status !== 'copied' && oldPath !== file.filename) dropped.add(oldPath);
    // A patch that cannot be read (attacker-shaped, or cut short) is a gap in the ledger, like one GitHub left out.
    const hunks = file.patch === undefined ? undefined : readablePatch(file.patch, file.filename);
    if (hunks === undefined) {
      if (file.status === 'removed') {
        dropped.add(file.filename);
        for (const r of oldRanges) pushDeath(effects.deaths, file.filename, r.origin, r.length, 'deleted', commit, at);
      } else if (isLineless(file)) results.set(file.filename, oldRanges);
      else {
        effects.gaps.push({ path: file.filename, sha: commit.sha, pr: commit.pr, at, lost: lostByOrigin(oldRanges) });
        dropped.add(file.filename);
      }
      continue;
    }
    works.push(walkPatch(file.filename, hunks, oldPath, oldRanges, own, works.length, deletedRuns, addedRuns));
  }

  for (const block of findMovedBlocks(deletedRuns, addedRuns)) {
    const from = deletedRuns[block.from.run] as Run & { entries: number[] };
    const to = addedRuns[block.to.run] as Run & { entries: number[] };
    const source = works[from.file] as FileWork;
    const target = works[to.file] as FileWork;
    for (let k = 0; k < block.length; k++) {
      const d = source.deleted[from.entries[block.from.offset + k] as number] as FileWork['deleted'][number];
      const a = target.added[to.entries[block.to.offset + k] as number] as FileWork['added'][number];
      d.movedTo = target.path;
      a.origin = d.origin;
      a.moved = true;
    }
  }

  for (const work of works) {
    const ranges: LineRange[] = [];
    let born = 0;
    for (const piece of work.pieces) {
      if ('copy' in piece) {
        const { oldFrom, oldTo, newFrom } = piece.copy;
        for (const r of slice(work.oldRanges, oldFrom, oldTo)) appendRange(ranges, r.start - oldFrom + newFrom, r.length, r.origin);
      } else {
        const a = work.added[piece.add.index] as FileWork['added'][number];
        if (a.origin) appendRange(ranges, piece.add.line, 1, a.origin);
        if (!a.moved) born++;
      }
    }
    results.set(work.path, ranges);
    if (born > 0) effects.births.push({ path: work.path, origin: own, lines: born });
    for (const d of work.deleted) {
      if (!d.origin) continue;
      if (d.movedTo !== undefined) pushMove(effects, work.path, d.movedTo, d.origin, commit.sha);
      else pushDeath(effects.deaths, work.path, d.origin, 1, d.kind, commit, at);
    }
  }

  for (const path of dropped) ledger.delete(path);
  for (const [path, ranges] of results) {
    if (ranges.length > 0) ledger.set(path, ranges);
    else ledger.delete(path);
  }
  return effects;
}

function walkPatch(
  path: string,
  hunks: readonly Hunk[],
  oldPath: string,
  oldRanges: LineRange[],
  own: Origin,
  fileIndex: number,
  deletedRuns: (Run & { entries: number[] })[],
  addedRuns: (Run & { entries: number[] })[],
): FileWork {
  const work: FileWork = { path, oldPath, oldRanges, pieces: [], deleted: [], added: [] };
  let oldLine = 1;
  let newLine = 1;
  const copy = (count: number) => {
    if (count <= 0) return;
    work.pieces.push({ copy: { oldFrom: oldLine, oldTo: oldLine + count - 1, newFrom: newLine } });
    oldLine += count;
    newLine += count;
  };
  for (const hunk of hunks) {
    // A hunk that removes nothing (oldCount 0) inserts after line oldStart.
    copy((hunk.oldCount === 0 ? hunk.oldStart + 1 : hunk.oldStart) - oldLine);
    let i = 0;
    while (i < hunk.lines.length) {
      const line = hunk.lines[i] as string;
      if (line[0] === ' ') {
        copy(1);
        i++;
        continue;
      }
      // One change block: the '-' and '+' lines between two context lines.
      let j = i;
      while (j < hunk.lines.length && (hunk.lines[j] as string)[0] !== ' ') j++;
      const block = hunk.lines.slice(i, j);
      const kind: DeathKind = block.some((l) => l[0] === '+') && block.some((l) => l[0] === '-') ? 'rewritten' : 'deleted';
      const del: Run & { entries: number[] } = { file: fileIndex, hashes: [], entries: [] };
      const add: Run & { entries: number[] } = { file: fileIndex, hashes: [], entries: [] };
      for (const l of block) {
        if (l[0] === '-') {
          del.entries.push(work.deleted.length);
          del.hashes.push(lineHash(l, 1));
          work.deleted.push({ line: oldLine, origin: originAt(oldRanges, oldLine), kind });
          oldLine++;
        } else {
          add.entries.push(work.added.length);
          add.hashes.push(lineHash(l, 1));
          work.pieces.push({ add: { line: newLine, index: work.added.length } });
          work.added.push({ origin: own, moved: false });
          newLine++;
        }
      }
      if (del.hashes.length > 0) deletedRuns.push(del);
      if (add.hashes.length > 0) addedRuns.push(add);
      i = j;
    }
  }
  copy(Number.MAX_SAFE_INTEGER - oldLine);
  return work;
}

function isLineless(file: FileDiff): boolean {
  return file.additions === 0 && file.deletions === 0;
}

function lostByOrigin(ranges: readonly LineRange[]): { origin: Origin; lines: number }[] {
  const lost: { origin: Origin; lines: number }[] = [];
  for (const r of ranges) {
    const same = lost.find((l) => sameOrigin(l.origin, r.origin));
    if (same) same.lines += r.length;
    else lost.push({ origin: r.origin, lines: r.length });
  }
  return lost;
}

function pushDeath(deaths: Death[], path: string, origin: Origin, lines: number, kind: DeathKind, commit: CommitDiff, at: string): void {
  const same = deaths.find((d) => d.path === path && d.kind === kind && sameOrigin(d.origin, origin));
  if (same) {
    same.lines += lines;
    return;
  }
  const ageDays = (Date.parse(at) - Date.parse(origin.bornAt)) / DAY_MS;
  deaths.push({ path, origin, lines, kind, bySha: commit.sha, byPr: commit.pr, at, ageDays });
}

function pushMove(effects: CommitEffects, fromPath: string, toPath: string, origin: Origin, sha: string): void {
  const same = effects.moves.find((m) => m.fromPath === fromPath && m.toPath === toPath && sameOrigin(m.origin, origin));
  if (same) same.lines++;
  else effects.moves.push({ fromPath, toPath, origin, lines: 1, bySha: sha });
}

/** Shas named by git's revert message ("This reverts commit <sha>."). */
export function revertedShas(message: string): string[] {
  return [...message.matchAll(/This reverts commit ([0-9a-f]{7,40})/g)].map((m) => m[1] as string);
}

/** The hunks of `patch`, undefined when it does not parse: a malformed one in a push must not fail the whole delivery, identically on every retry. */
function readablePatch(patch: string, path: string): Hunk[] | undefined {
  try {
    return parsePatch(patch, path);
  } catch (err) {
    if (err instanceof MetricsError) return undefined;
    throw err;
  }
}
