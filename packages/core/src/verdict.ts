/**
 * What a gate concluded about one file or artifact: the finding verdict, except that an incomplete analysis
 * that found nothing dangerous is `error` (never a pass), and a dangerous finding is `unsafe` however
 * incomplete the analysis was (the payload runs before the stream breaks).
 */
export type Verdict = 'safe' | 'review' | 'unsafe' | 'error';
/** What the analysis found, whatever it could not read. */
export type FindingVerdict = 'safe' | 'review' | 'unsafe';
/** How much of the file was analysed: all of it, some of it (a part broke or a limit was hit), or none. */
export type Completeness = 'complete' | 'partial' | 'failed';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const VERDICTS: readonly Verdict[] = ['safe', 'review', 'unsafe', 'error'];
export const FINDING_VERDICTS: readonly FindingVerdict[] = ['safe', 'review', 'unsafe'];
export const COMPLETENESS: readonly Completeness[] = ['complete', 'partial', 'failed'];
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface Location {
  /** Path of the file as the user named it, or a path inside a container joined with `!/`. */
  path: string;
  line?: number;
  column?: number;
  /** Byte offset inside the file (pickle opcodes, container members). */
  offset?: number;
}

export interface Finding {
  /** Stable rule id, e.g. `TG-PKL-001`; documented and used as SARIF `ruleId`. */
  rule: string;
  severity: Severity;
  message: string;
  location?: Location;
  evidence?: string;
}

// `unsafe` outranks `error`: a payload found before the stream broke is reported as what it is, never hidden
// behind "could not parse". An incomplete analysis is still never a pass (see `combineVerdict`, `blocksFile`).
const VERDICT_RANK: Record<Verdict, number> = { safe: 0, review: 1, error: 2, unsafe: 3 };
const COMPLETENESS_RANK: Record<Completeness, number> = { complete: 0, partial: 1, failed: 2 };
const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function verdictRank(v: Verdict): number {
  return VERDICT_RANK[v];
}

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** The most severe of several verdicts; an empty list is `safe`. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'safe';
  for (const v of verdicts) if (VERDICT_RANK[v] > VERDICT_RANK[worst]) worst = v;
  return worst;
}

export function highestSeverity(findings: readonly Finding[]): Severity | undefined {
  let top: Severity | undefined;
  for (const f of findings) if (top === undefined || SEVERITY_RANK[f.severity] > SEVERITY_RANK[top]) top = f.severity;
  return top;
}

/** The least complete of several analyses; an empty list is `complete`. */
export function worstCompleteness(values: Iterable<Completeness>): Completeness {
  let worst: Completeness = 'complete';
  for (const c of values) if (COMPLETENESS_RANK[c] > COMPLETENESS_RANK[worst]) worst = c;
  return worst;
}

/** The most severe of several finding verdicts; an empty list is `safe`. */
export function worstFindingVerdict(values: Iterable<FindingVerdict>): FindingVerdict {
  return worstVerdict(values) as FindingVerdict;
}

/** The one-word verdict of the JSON `verdict` field: unsafe findings first, then any gap in the analysis. */
export function combineVerdict(found: FindingVerdict, completeness: Completeness): Verdict {
  if (found === 'unsafe') return 'unsafe';
  return completeness === 'complete' ? found : 'error';
}

/** What a combined verdict says when the two parts were not recorded (evidence from before they were). */
export function splitVerdict(verdict: Verdict): { findingVerdict: FindingVerdict; completeness: Completeness } {
  return verdict === 'error' ? { findingVerdict: 'review', completeness: 'failed' } : { findingVerdict: verdict, completeness: 'complete' };
}

/** Whether a verdict blocks, given the verdicts a policy says block (`fail-on`). */
export function blocks(verdict: Verdict, failOn: readonly Verdict[]): boolean {
  return failOn.includes(verdict);
}

/**
 * Whether a file's result blocks under `fail-on`: its verdict or its finding verdict is listed, or `error` is
 * listed and the analysis was incomplete. A policy that blocked a file before the verdicts were split blocks it still.
 */
export function blocksFile(
  file: { verdict: Verdict; findingVerdict?: FindingVerdict; completeness?: Completeness },
  failOn: readonly Verdict[],
): boolean {
  const split = splitVerdict(file.verdict);
  const found = file.findingVerdict ?? split.findingVerdict;
  const completeness = file.completeness ?? split.completeness;
  return failOn.includes(file.verdict) || failOn.includes(found) || (failOn.includes('error') && completeness !== 'complete');
}

// `review` blocks too: like torch.load's own default (weights_only=True since torch 2.6), a global nobody
// reviewed is refused, not waved through (docs/scanner.md, "Verdicts").
export const DEFAULT_FAIL_ON: readonly Verdict[] = ['unsafe', 'review', 'error'];
