import { PREDICATE_TYPES, type Severity, severityRank, type Verdict, verdictRank } from '@trustgate/core';
import { z } from 'zod';
import type { EvidenceItem } from '../evidence/types.js';
import { evidenceOfType, type Requirement, type RequirementContext, type RequirementResult, result } from './types.js';

// The scan Statement's predicate is the scan Report (`trustgate scan --statement`); only what the gate reads is checked.
const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
  message: z.string().default(''),
});
const scanPredicateSchema = z.object({
  files: z.array(
    z.object({ path: z.string(), verdict: z.enum(['safe', 'review', 'unsafe', 'error']), findings: z.array(findingSchema).default([]) }),
  ),
  summary: z.object({ verdict: z.enum(['safe', 'review', 'unsafe', 'error']) }),
});

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
  if (!parsed.success) return [`${scan.origin}: the scan predicate is not a trustgate scan report`];
  const isWaived = (ruleId: string) => rule.waivableRules.includes(ruleId) && ctx.waiverFor(`rule:${ruleId}`) !== undefined;
  const problems: string[] = [];
  for (const file of parsed.data.files) {
    const open = file.findings.filter((f) => !isWaived(f.rule));
    for (const f of file.findings) if (isWaived(f.rule)) waivedRules.add(f.rule);
    if (exceeds(file.verdict, rule.maxVerdict) && (file.verdict === 'error' || open.length > 0 || file.findings.length === 0)) {
      problems.push(`${file.path} is ${file.verdict} (at most ${rule.maxVerdict} allowed)${describe(open)}`);
      continue;
    }
    const max = rule.maxSeverity;
    const over = max === undefined ? [] : open.filter((f) => severityRank(f.severity) > severityRank(max as Severity));
    if (over.length > 0) problems.push(`${file.path} has findings above ${max}${describe(over)}`);
  }
  if (parsed.data.files.length === 0 && exceeds(parsed.data.summary.verdict, rule.maxVerdict)) {
    problems.push(`${scan.origin}: scan verdict ${parsed.data.summary.verdict} (at most ${rule.maxVerdict} allowed)`);
  }
  return problems;
}

function exceeds(verdict: Verdict, max: Verdict): boolean {
  return verdictRank(verdict) > verdictRank(max);
}

function describe(findings: readonly { rule: string; severity: string }[]): string {
  return findings.length === 0 ? '' : `: ${findings.map((f) => `${f.rule} (${f.severity})`).join(', ')}`;
}
