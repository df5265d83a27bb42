import { createHash } from 'node:crypto';

/** Moved blocks must be at least this many lines long to keep their origin. */
export const MIN_MOVED_LINES = 3;

/** Whitespace-insensitive content hash of one line; only hashes are compared, content is never kept. */
export function lineHash(text: string): string {
  const normalised = text.trim().replace(/\s+/g, ' ');
  return normalised === '' ? '' : createHash('sha1').update(normalised).digest('base64').slice(0, 16);
}

/** A contiguous run of deleted (or added) lines in one change block of one file. */
export interface Run {
  file: number;
  hashes: string[];
}

export interface MovedBlock {
  from: { run: number; offset: number };
  to: { run: number; offset: number };
  length: number;
}

/**
 * Pair added runs with deleted runs of identical normalised content, at least MIN_MOVED_LINES long; each deleted
 * line moves at most once. Greedy, first match wins: a commit rarely moves the same block twice.
 */
export function findMovedBlocks(deleted: readonly Run[], added: readonly Run[]): MovedBlock[] {
  const index = new Map<string, { run: number; offset: number }[]>();
  deleted.forEach((run, r) => {
    for (let o = 0; o + MIN_MOVED_LINES <= run.hashes.length; o++) {
      const key = windowKey(run.hashes, o);
      if (key === undefined) continue;
      const list = index.get(key);
      if (list) list.push({ run: r, offset: o });
      else index.set(key, [{ run: r, offset: o }]);
    }
  });
  if (index.size === 0) return [];
  const consumed = deleted.map((run) => new Array<boolean>(run.hashes.length).fill(false));
  const blocks: MovedBlock[] = [];
  added.forEach((run, a) => {
    let i = 0;
    while (i + MIN_MOVED_LINES <= run.hashes.length) {
      const key = windowKey(run.hashes, i);
      const best = key === undefined ? undefined : longestFree(index.get(key) ?? [], deleted, consumed, run.hashes, i);
      if (best && best.length >= MIN_MOVED_LINES) {
        const taken = consumed[best.run] as boolean[];
        for (let k = 0; k < best.length; k++) taken[best.offset + k] = true;
        blocks.push({ from: { run: best.run, offset: best.offset }, to: { run: a, offset: i }, length: best.length });
        i += best.length;
      } else i++;
    }
  });
  return blocks;
}

function windowKey(hashes: readonly string[], at: number): string | undefined {
  const window = hashes.slice(at, at + MIN_MOVED_LINES);
  return window.every((h) => h === '') ? undefined : window.join('|');
}

function longestFree(
  candidates: readonly { run: number; offset: number }[],
  deleted: readonly Run[],
  consumed: readonly boolean[][],
  target: readonly string[],
  at: number,
): { run: number; offset: number; length: number } | undefined {
  let best: { run: number; offset: number; length: number } | undefined;
  for (const c of candidates) {
    const source = (deleted[c.run] as Run).hashes;
    const taken = consumed[c.run] as boolean[];
    let n = 0;
    while (at + n < target.length && c.offset + n < source.length && !taken[c.offset + n] && source[c.offset + n] === target[at + n]) n++;
    if (!best || n > best.length) best = { ...c, length: n };
  }
  return best;
}
