import type { Finding, Report, ScanPolicy } from '@trustgate/core/base';
import { judgeReference } from './policy.js';
import { findReferences, type ModelReference } from './references.js';

/** Scans one `hf://org/name@commit` before download (the CLI passes scanRemote with the Hub from HF_ENDPOINT). */
export type RemoteScanner = (reference: string) => Promise<Report>;

/** What became of one pinned reference's scan: its report, or why there is none. */
export type RemoteScanOutcome = { report: Report } | { failure: string };

const COMMIT = /^[0-9a-f]{40}$/;

/**
 * The decision for one allowed Hugging Face reference when scans before download are required: pinned to a commit
 * (a branch or tag moves after the scan) and scanned `safe` there, or a finding. Pure: the scan is done by the caller.
 */
export function judgeRemoteScan(ref: ModelReference, display: string, outcome: RemoteScanOutcome | undefined): Finding | undefined {
  const location = { path: display, line: ref.line, column: ref.column };
  if (ref.revision === undefined || !COMMIT.test(ref.revision))
    return {
      rule: 'TG-SRC-003',
      severity: 'high',
      message: `Hugging Face model ${ref.id} (via ${ref.via}) is ${ref.revision === undefined ? 'not pinned' : `pinned to "${ref.revision}", not a commit`}; scan.sources.requireRemoteScan needs revision="<40-hex sha>" of a commit that scans safe.`,
      location,
      evidence: ref.id,
    };
  const at = `${ref.id}@${ref.revision}`;
  const fail = (why: string): Finding => ({
    rule: 'TG-SRC-004',
    severity: 'critical',
    message: `Hugging Face model ${at} (via ${ref.via}) did not pass the scan before download required by scan.sources.requireRemoteScan: ${why}.`,
    location,
    evidence: at,
  });
  if (outcome === undefined) return fail('no scanner for remote models was available to this run');
  if ('failure' in outcome) return fail(`it could not be scanned (${outcome.failure})`);
  const s = outcome.report.summary;
  if (s.verdict === 'safe' && s.files > 0) return undefined;
  return fail(
    s.files === 0
      ? 'the repository has no files to scan'
      : `${s.verdict} (${s.unsafe} unsafe, ${s.review} review, ${s.error} error of ${s.files} files); run trustgate scan hf://${at} for the findings`,
  );
}

/** Findings for one file's allowed, required-to-be-scanned references; each pinned model is scanned once per run. */
export async function requiredScanFindings(
  text: string,
  display: string,
  policy: ScanPolicy | undefined,
  scanner: RemoteScanner | undefined,
  cache: Map<string, Promise<RemoteScanOutcome>>,
): Promise<Finding[]> {
  const sources = policy?.sources;
  if (sources?.requireRemoteScan !== true) return [];
  const findings: Finding[] = [];
  for (const ref of findReferences(text)) {
    if (ref.kind !== 'huggingface' || judgeReference(ref, sources) !== 'allowed') continue;
    let outcome: Promise<RemoteScanOutcome> | undefined;
    if (scanner !== undefined && ref.revision !== undefined && COMMIT.test(ref.revision)) {
      const reference = `hf://${ref.id}@${ref.revision}`;
      outcome = cache.get(reference);
      if (outcome === undefined) {
        outcome = scanner(reference).then(
          (report) => ({ report }),
          (err: unknown) => ({
            failure: `${(err as Error).message}${(err as { code?: string }).code ? ` (code ${(err as { code?: string }).code})` : ''}`,
          }),
        );
        cache.set(reference, outcome);
      }
    }
    const found = judgeRemoteScan(ref, display, outcome === undefined ? undefined : await outcome);
    if (found) findings.push(found);
  }
  return findings;
}
