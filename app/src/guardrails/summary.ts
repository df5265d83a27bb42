import type { CheckOutput } from '../review/summary.js';
import type { BudgetOutcome } from './budget.js';
import type { OffListLink } from './links.js';

export type GuardrailsVerdict = { conclusion: 'success' | 'failure'; output: CheckOutput };

export function judgeGuardrails(budget: BudgetOutcome, links: readonly OffListLink[]): GuardrailsVerdict {
  const blocking = budget.kind !== 'within' || links.length > 0;
  const parts: string[] = [];
  if (budget.lines.length) parts.push(`**PR budget**\n\n${budget.lines.map((l) => `- ${l}`).join('\n')}`);
  if (links.length) {
    parts.push(
      `**Links to hosts outside the allowlist** (add the host to \`guardrails.allowedHosts\` if it is trusted)\n\n` +
        links.map((l) => `- ${l.host}: \`${l.url}\` in ${l.where}`).join('\n'),
    );
  }
  const title = !blocking
    ? 'Agent guardrails hold'
    : budget.kind === 'unreadable'
      ? 'PR budget could not be read'
      : budget.kind === 'exceeded'
        ? 'Agent PR budget exceeded'
        : `${links.length} link(s) to hosts outside the allowlist`;
  return {
    conclusion: blocking ? 'failure' : 'success',
    output: { title, summary: parts.join('\n\n') || 'Within budget; no links outside the allowlist.' },
  };
}
