import type { LineRange, Origin } from './types.js';

export function sameOrigin(a: Origin, b: Origin): boolean {
  return a === b || (a.sha === b.sha && a.pr === b.pr && a.bornAt === b.bornAt && a.cohort === b.cohort);
}

/** Index of the first range that ends at or after `line` (binary search over sorted, disjoint ranges). */
function firstEndingAtOrAfter(ranges: readonly LineRange[], line: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as LineRange;
    if (r.start + r.length - 1 < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tracked pieces of lines [from, to] (inclusive); untracked lines yield nothing. */
export function slice(ranges: readonly LineRange[], from: number, to: number): LineRange[] {
  const out: LineRange[] = [];
  for (let i = firstEndingAtOrAfter(ranges, from); i < ranges.length; i++) {
    const r = ranges[i] as LineRange;
    if (r.start > to) break;
    const start = Math.max(r.start, from);
    const end = Math.min(r.start + r.length - 1, to);
    if (end >= start) out.push({ start, length: end - start + 1, origin: r.origin });
  }
  return out;
}

export function originAt(ranges: readonly LineRange[], line: number): Origin | undefined {
  const r = ranges[firstEndingAtOrAfter(ranges, line)];
  return r && r.start <= line ? r.origin : undefined;
}

/** Append a range, merging it into the previous one when contiguous with the same origin. */
export function appendRange(out: LineRange[], start: number, length: number, origin: Origin): void {
  const last = out.at(-1);
  if (last && last.start + last.length === start && sameOrigin(last.origin, origin)) last.length += length;
  else out.push({ start, length, origin });
}

export function countLines(ranges: readonly LineRange[]): number {
  return ranges.reduce((n, r) => n + r.length, 0);
}
