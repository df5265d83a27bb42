import { PREDICATE_TYPES, type Severity, severityRank, splitVerdict, type Verdict, verdictRank } from '@trustgate/core';
import { z } from 'zod';
import type { EvidenceItem } from '../evidence/types.js';
import { evidenceOfType, type Requirement, type RequirementContext, type RequirementResult, result } from './types.js';

// The scan Statement (`trustgate scan --statement`) lists per file a verdict and its rule ids; a full scan
// report (findings with severities) is read too. Only what the gate needs is checked.
const VERDICT = z.enum(['safe', 'review', 'unsafe', 'error']);
// Scans from before the verdict was split carry `verdict` only; it is split the conservative way (error: failed).
const FINDING_VERDICT = z.enum(['safe', 'review', 'unsafe']).optional();
const COMPLETENESS = z.enum(['complete', 'partial', 'failed']).optional();
const findingSchema = z.object({ rule: z.string(), severity: z.enum(['critical', 'high', 'medium', 'low', 'info']) });
const scanPredicateSchema = z.object({
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string().optional(),
      verdict: VERDICT,
      findingVerdict: FINDING_VERDICT,
      completeness: COMPLETENESS,
      findings: z.array(findingSchema).optional(),
      rules: z.array(z.string()).optional(),
    }),
  ),
  summary: z.object({ verdict: VERDICT, completeness: COMPLETENESS }),
});

/** A finding as the gate judges it; severity is unknown when the Statement lists rule ids only. */
interface RuleHit {
  rule: string;
  severity?: Severity;
}

/**
 * `requires.scan`: every verified scan of the digest must be within maxVerdict (and maxSeverity). A file
 * over the limit passes only when each of its findings is a waivable rule with an unexpired `rule:<id>` waiver.
 */
export const scanRequirement: Requirement = (ctx) => {
  const rule = ctx.policy.requires.scan;
  if (rule === undefined) return [];
  const scans = evidenceOfType(ctx, PREDICATE_TYPES.scan);
  if (scans.length === 0)
    return [result('scan', 'missing', 'no verified scan Statement for this digest (trustgate scan --statement, then attest it)')];
  const problems: string[] = [];
  const waivedRules = new Set<string>();
  for (const scan of scans) problems.push(...judgeScan(scan, ctx, waivedRules));
  const out: RequirementResult[] = [];
  if (problems.length > 0) out.push(result('scan', 'failed', problems.join('; '), scans));
  else
    out.push(
      result(
        'scan',
        'met',
        `${scans.length} verified scan(s) within verdict ${rule.maxVerdict}${rule.maxSeverity ? ` and severity ${rule.maxSeverity}` : ''}`,
        scans,
      ),
    );
  for (const id of waivedRules) {
    const waiver = ctx.waiverFor(`rule:${id}`);
    if (waiver) out.push({ ...result(`rule:${id}`, 'waived', `findings of ${id} are waived`, scans), waiver });
  }
  return out;
};

function judgeScan(scan: EvidenceItem, ctx: RequirementContext, waivedRules: Set<string>): string[] {
  const rule = ctx.policy.requires.scan;
  if (rule === undefined) return [];
  const parsed = scanPredicateSchema.safeParse(scan.statement.predicate);
  if (!parsed.success) return [`${scan.origin}: the scan predicate is not a trustgate scan result`];
  const isWaived = (ruleId: string) => rule.waivableRules.includes(ruleId) && ctx.waiverFor(`rule:${ruleId}`) !== undefined;
  // A scan of several files speaks about the subject only through the file with the subject's digest.
  const own = parsed.data.files.filter((f) => f.sha256?.toLowerCase() === ctx.subject.hex);
  const files = own.length > 0 ? own : parsed.data.files;
  const problems: string[] = [];
  for (const file of files) {
    const hits: RuleHit[] = file.findings ?? (file.rules ?? []).map((r) => ({ rule: r }));
    const open = hits.filter((f) => !isWaived(f.rule));
    for (const f of hits) if (isWaived(f.rule)) waivedRules.add(f.rule);
    const split = splitVerdict(file.verdict);
    const completeness = file.completeness ?? split.completeness;
    const found = file.findingVerdict ?? split.findingVerdict;
    if (exceeds(found, rule.maxVerdict) && (open.length > 0 || hits.length === 0)) {
      problems.push(`${file.path} is ${file.verdict} (at most ${rule.maxVerdict} allowed)${describe(open)}`);
      continue;
    }
    // A file not fully analysed is never evidence of safety, and no waiver makes it one.
    if (completeness !== 'complete') {
      problems.push(`${file.path} was not fully analysed (analysis ${completeness}, verdict ${file.verdict})${describe(open)}`);
      continue;
    }
    const max = rule.maxSeverity;
    if (max === undefined || found === 'safe') continue;
    // Rule ids without severities cannot show they stay under maxSeverity: fail closed and say why.
    const over = open.filter((f) => f.severity === undefined || severityRank(f.severity) > severityRank(max));
    if (over.length > 0) problems.push(`${file.path} has findings above ${max} or of unknown severity${describe(over)}`);
  }
  const summary = parsed.data.summary;
  if (files.length === 0 && (exceeds(summary.verdict, rule.maxVerdict) || (summary.completeness ?? 'complete') !== 'complete')) {
    problems.push(`${scan.origin}: scan verdict ${summary.verdict} (at most ${rule.maxVerdict} allowed)`);
  }
  return problems;
}

function exceeds(verdict: Verdict, max: Verdict): boolean {
  return verdictRank(verdict) > verdictRank(max);
}

function describe(findings: readonly RuleHit[]): string {
  return findings.length === 0 ? '' : `: ${findings.map((f) => `${f.rule} (${f.severity ?? 'severity unknown'})`).join(', ')}`;
}
