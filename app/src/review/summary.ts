import type { ArchitectureReviewOutcome, RuleStatus } from './rules.js';

export interface CheckOutput {
  title: string;
  summary: string;
}

/** The check run text: every rule with met/pending and who can satisfy it. */
export function architectureReviewSummary(outcome: ArchitectureReviewOutcome, cohort: string, note = ''): CheckOutput {
  const out = summaryOf(outcome, cohort);
  return note ? { ...out, summary: `${out.summary}\n\n${note}` } : out;
}

function summaryOf(outcome: ArchitectureReviewOutcome, cohort: string): CheckOutput {
  switch (outcome.kind) {
    case 'not-required':
      return { title: 'Architecture review not required', summary: `Not required: ${outcome.reason}.` };
    case 'met':
      return { title: 'Architecture review approved', summary: `Cohort: **${cohort}**. Every rule is met.\n\n${table(outcome.rules)}` };
    case 'overridden':
      return {
        title: `Architecture review overridden by @${outcome.override.actor}`,
        summary:
          `Cohort: **${cohort}**. Overridden by @${outcome.override.actor} for @${outcome.override.team}, reason: ` +
          `"${outcome.override.reason}". The override is recorded for audit.\n\n${table(outcome.rules)}`,
      };
    case 'waiting': {
      const pending = outcome.rules.filter((r) => !r.met).length;
      return {
        title: `Waiting for architecture review: ${pending} of ${outcome.rules.length} rule(s) pending`,
        summary:
          `Cohort: **${cohort}**. This pull request needs the approvals below on its latest commit; approvals of earlier ` +
          `commits, by the author or by the initiator of an agent change do not count.\n\n${table(outcome.rules)}`,
      };
    }
  }
}

function table(rules: readonly RuleStatus[]): string {
  const rows = rules.map((r) => {
    const state = r.met ? 'met' : 'pending';
    const by = r.approvedBy.length ? r.approvedBy.map((a) => `@${a}`).join(', ') : 'none yet';
    const files =
      r.files
        .slice(0, 5)
        .map((f) => `\`${f}\``)
        .join(', ') + (r.files.length > 5 ? ', ...' : '');
    return `| ${escapeCell(r.rule.name)} | ${state} | ${r.approvedBy.length}/${r.required} | ${by} | ${r.canSatisfy.join(', ') || 'nobody listed'} | ${files} |`;
  });
  return ['| rule | status | approvals | approved by | who can satisfy it | files |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}
