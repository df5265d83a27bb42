/** Moved blocks must be at least this many lines long to keep their origin. */
export const MIN_MOVED_LINES = 3;

/**
 * Whitespace-insensitive content hash of one line; only hashes are compared, content is never kept. Two FNV-1a
 * lanes (64 bits): moves are matched within one commit and need three equal lines in a row, so a collision that
 * matters is far rarer than one in 2^64, and no cryptographic hash is needed per line (it was the ledger's hot spot).
 */
export function lineHash(text: string): string {
  const normalised = text.trim().replace(/\s+/g, ' ');
  if (normalised === '') return '';
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ normalised.length;
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 13);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
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
  let key = '';
  let blank = true;
  for (let k = at; k < at + MIN_MOVED_LINES; k++) {
    const h = hashes[k] as string;
    if (h !== '') blank = false;
    key += k === at ? h : `|${h}`;
  }
  return blank ? undefined : key;
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
