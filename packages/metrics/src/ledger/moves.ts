/** Moved blocks must be at least this many lines long to keep their origin. */
export const MIN_MOVED_LINES = 3;

/**
 * Whitespace-insensitive content hash of one line (from `from`: a diff line's tag is skipped), 0 for a blank line;
 * only hashes are compared, content is never kept. Two FNV-1a lanes folded into 53 bits: moves are matched within
 * one commit and need three equal lines in a row, so a collision that matters is far rarer than one in 2^53, and no
 * cryptographic hash is needed per line (it was the ledger's hot spot). Runs of whitespace count as one space, leading
 * and trailing ones as none, as trimming and collapsing the line first would, without building that string.
 */
export function lineHash(text: string, from = 0): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let n = 0;
  let space = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = n > 0;
      continue;
    }
    if (space) {
      a = Math.imul(a ^ 32, 0x01000193);
      b = Math.imul(b ^ 32, 0x01000193) ^ (a >>> 13);
      n++;
      space = false;
    }
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 13);
    n++;
  }
  if (n === 0) return 0;
  return (a >>> 0) * 2_097_152 + (((b ^ n) >>> 11) & 0x1fffff) || 1;
}

/** What `\s` matches. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A contiguous run of deleted (or added) lines in one change block of one file. */
export interface Run {
  file: number;
  hashes: number[];
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
  const index = new Map<number, { run: number; offset: number }[]>();
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

/** A key for the MIN_MOVED_LINES hashes from `at` (undefined when all are blank); equal keys are only candidates. */
function windowKey(hashes: readonly number[], at: number): number | undefined {
  let key = 0;
  let blank = true;
  for (let k = at; k < at + MIN_MOVED_LINES; k++) {
    const h = hashes[k] as number;
    if (h !== 0) blank = false;
    key = (key * 31 + h) % 9_007_199_254_740_881;
  }
  return blank ? undefined : key;
}

function longestFree(
  candidates: readonly { run: number; offset: number }[],
  deleted: readonly Run[],
  consumed: readonly boolean[][],
  target: readonly number[],
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
