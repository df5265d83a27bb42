import type { Completeness, Finding, FindingVerdict, Severity } from '@trustgate/core/base';
import { worstFindingVerdict } from '@trustgate/core/base';
import type { Analysis, ModelMetadata } from '../../analyser.js';
import { analysisFrom } from '../../conclude.js';
import type { ByteSource } from '../../source.js';
import { ModelFormatError } from './errors.js';

// critical/high findings block, medium asks a human, low/info are recorded only.
const SEVERITY_VERDICT: Record<Severity, FindingVerdict> = {
  critical: 'unsafe',
  high: 'unsafe',
  medium: 'review',
  low: 'safe',
  info: 'safe',
};

/** The verdict a set of findings earns on its own. */
export function verdictOf(findings: readonly Finding[]): FindingVerdict {
  return worstFindingVerdict(findings.map((f) => SEVERITY_VERDICT[f.severity]));
}

/**
 * A format analysis from its findings. `gaps` are findings that mark a part the analyser could not read (a
 * template that does not parse): the file is then `partial`, and `error` unless something else is unsafe.
 */
export function analysisOf(
  format: string,
  findings: Finding[],
  metadata?: ModelMetadata,
  extra: FindingVerdict[] = [],
  gaps: readonly Finding[] = [],
): Analysis {
  const judged = findings.filter((f) => !gaps.includes(f));
  const found = worstFindingVerdict([verdictOf(judged), ...extra]);
  const completeness: Completeness = gaps.length > 0 ? 'partial' : 'complete';
  return analysisFrom(format, findings, found, completeness, metadata);
}

/**
 * Runs a format analysis and turns a parse failure into an `error` verdict with the format's rule: a file we
 * could not read is never a pass. Anything thrown (RangeError from a hostile length, stack overflow) counts.
 */
export async function failClosed(
  format: string,
  rules: string | { malformed: string; limit: string },
  source: ByteSource,
  run: () => Promise<Analysis>,
): Promise<Analysis> {
  try {
    return await run();
  } catch (err) {
    // A cap exceeded is a crafted file (unsafe); anything else means we could not tell (error).
    const limit = err instanceof ModelFormatError && err.code === 'MODEL_FORMAT_LIMIT';
    // Our own errors say what is wrong; a library's exception (TypeError from the HDF5 reader) only that the
    // reader could not follow the bytes: its text names our internals, not the file.
    const what = err instanceof ModelFormatError ? err.message : 'the reader could not follow its structure';
    const rule = typeof rules === 'string' ? rules : limit ? rules.limit : rules.malformed;
    const found: Finding = {
      rule,
      severity: 'high',
      message: `could not be analysed as ${format} (${what}); the file is not trusted. Re-export it with the official tooling or remove it.`,
      location: { path: source.name },
    };
    return analysisFrom(format, [found], limit ? 'unsafe' : 'safe', 'failed');
  }
}

export function finding(rule: string, severity: Severity, path: string, message: string, evidence?: string, offset?: number): Finding {
  const location = offset === undefined ? { path } : { path, offset };
  return evidence === undefined ? { rule, severity, message, location } : { rule, severity, message, location, evidence };
}

/** The first item for each key, in order (one finding per place, one reference per line and model). */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
