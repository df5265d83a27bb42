/** AI-written lines of one file, as one authorship log records them (1-based inclusive intervals). */
export interface FileAiLines {
  path: string;
  ranges: Array<[number, number]>;
}

export interface FileLineShare {
  path: string;
  aiLines: number;
  /** Lines added to the file by the PR (from the PR's file list), when known. */
  changedLines?: number;
  /** aiLines / changedLines, capped at 1, when changedLines is known and not 0. */
  share?: number;
}

/** AI line share of a pull request from its line-level authorship logs. */
export interface LineShare {
  source: 'git-ai' | 'agent-trace' | 'mixed';
  files: FileLineShare[];
  aiLines: number;
  changedLines?: number;
  share?: number;
}

/** Count distinct lines in possibly overlapping intervals. */
export function countLines(ranges: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = 0;
  let curEnd = -1;
  for (const [s, e] of sorted) {
    if (s > curEnd + 1) {
      total += curEnd - curStart + 1;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  return total + (curEnd - curStart + 1);
}

function ratio(ai: number, changed: number | undefined): number | undefined {
  if (changed === undefined || changed <= 0) return undefined;
  return Math.min(1, Math.round((ai / changed) * 1000) / 1000);
}

/**
 * Per-file and overall AI line share. Each log covers one commit; a file's AI lines are summed over logs
 * (distinct commits), deduplicated within a log. `changedLines` maps path -> lines the PR adds.
 */
export function computeLineShare(
  logs: ReadonlyArray<{ source: 'git-ai' | 'agent-trace'; files: readonly FileAiLines[] }>,
  changedLines?: Readonly<Record<string, number>>,
): LineShare {
  const perFile = new Map<string, number>();
  for (const log of logs) for (const f of log.files) perFile.set(f.path, (perFile.get(f.path) ?? 0) + countLines(f.ranges));
  const files: FileLineShare[] = [...perFile.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, aiLines]) => {
      const out: FileLineShare = { path, aiLines };
      const changed = changedLines?.[path];
      if (changed !== undefined) {
        out.changedLines = changed;
        const share = ratio(aiLines, changed);
        if (share !== undefined) out.share = share;
      }
      return out;
    });
  const sources = new Set(logs.map((l) => l.source));
  const aiLines = files.reduce((n, f) => n + f.aiLines, 0);
  const result: LineShare = { source: sources.size === 1 ? ([...sources][0] ?? 'git-ai') : 'mixed', files, aiLines };
  if (changedLines) {
    const changed = Object.values(changedLines).reduce((n, v) => n + v, 0);
    result.changedLines = changed;
    const share = ratio(aiLines, changed);
    if (share !== undefined) result.share = share;
  }
  return result;
}
