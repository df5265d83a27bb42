import type { Annotation } from './commands.js';

// What GitHub shows of a step's output, not what the step wrote.
export const ANNOTATIONS_PER_TYPE_PER_STEP = 10;
export const STEP_SUMMARY_BYTES = 1024 * 1024;

/** The annotations GitHub displays for one step: the first 10 errors, 10 warnings and 10 notices. */
export function shownAnnotations(all: Annotation[]): { shown: Annotation[]; hidden: number } {
  const count: Record<string, number> = {};
  const shown: Annotation[] = [];
  for (const a of all) {
    count[a.level] = (count[a.level] ?? 0) + 1;
    if ((count[a.level] ?? 0) <= ANNOTATIONS_PER_TYPE_PER_STEP) shown.push(a);
  }
  return { shown, hidden: all.length - shown.length };
}

/** A step summary over 1 MiB is dropped whole, with an error in its place (the runner's own message). */
export function uploadedSummary(text: string): { summary: string; error?: string } {
  const bytes = Buffer.byteLength(text);
  if (bytes <= STEP_SUMMARY_BYTES) return { summary: text };
  return {
    summary: '',
    error: `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got ${Math.ceil(bytes / 1024)}k.`,
  };
}
