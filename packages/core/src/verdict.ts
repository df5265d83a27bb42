/** What a gate concluded about one file or artifact. `error` means it could not be analysed. */
export type Verdict = 'safe' | 'review' | 'unsafe' | 'error';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const VERDICTS: readonly Verdict[] = ['safe', 'review', 'unsafe', 'error'];
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

// `error` outranks `unsafe`: an unreadable file must never be mistaken for a merely bad one it can be waived like.
const VERDICT_RANK: Record<Verdict, number> = { safe: 0, review: 1, unsafe: 2, error: 3 };
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

/** Whether a verdict blocks, given the verdicts a policy says block (`fail-on`). */
export function blocks(verdict: Verdict, failOn: readonly Verdict[]): boolean {
  return failOn.includes(verdict);
}

export const DEFAULT_FAIL_ON: readonly Verdict[] = ['unsafe', 'error'];
