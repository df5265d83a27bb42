import { MetricsError } from '../errors.js';

export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** Body lines, each starting with ' ', '-' or '+'. */
  lines: string[];
}

const HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parse GitHub's `patch` field (hunks only). Patches are attacker-controlled: counts are checked against bodies. */
export function parsePatch(patch: string, path: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let oldSeen = 0;
  let newSeen = 0;
  const close = () => {
    if (current && (oldSeen !== current.oldCount || newSeen !== current.newCount))
      throw patchError(
        path,
        `hunk at -${current.oldStart} has ${oldSeen}/${newSeen} lines, header says ${current.oldCount}/${current.newCount}`,
      );
  };
  const rows = patch.split('\n');
  if (rows.at(-1) === '') rows.pop();
  for (const row of rows) {
    const header = HEADER.exec(row);
    if (header) {
      close();
      current = {
        oldStart: Number(header[1]),
        oldCount: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newCount: header[4] === undefined ? 1 : Number(header[4]),
        lines: [],
      };
      const previous = hunks.at(-1);
      if (previous && current.oldStart < previous.oldStart + previous.oldCount)
        throw patchError(path, `hunks overlap or are out of order at -${current.oldStart}`);
      hunks.push(current);
      oldSeen = 0;
      newSeen = 0;
      continue;
    }
    if (row.startsWith('\\')) continue; // "\ No newline at end of file"
    if (!current) throw patchError(path, 'text before the first @@ hunk header');
    const tag = row[0];
    if (tag === ' ' || row === '') {
      oldSeen++;
      newSeen++;
      current.lines.push(row === '' ? ' ' : row);
    } else if (tag === '-') {
      oldSeen++;
      current.lines.push(row);
    } else if (tag === '+') {
      newSeen++;
      current.lines.push(row);
    } else throw patchError(path, `unexpected line ${JSON.stringify(row.slice(0, 40))}`);
  }
  close();
  return hunks;
}

function patchError(path: string, what: string): MetricsError {
  return new MetricsError('LEDGER_PATCH_ERROR', `malformed patch for ${path}: ${what}; the commit was not applied to the ledger`);
}
