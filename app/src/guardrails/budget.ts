import type { GuardrailsPolicy } from '@trustgate/core';

export type BudgetOutcome =
  | { kind: 'within'; lines: string[] }
  | { kind: 'exceeded'; lines: string[] }
  | { kind: 'unreadable'; lines: string[] };

/** Pull requests in the 24 hours up to and including this one, per agent and per initiator. */
export interface BudgetCounts {
  agent: number;
  initiator: number;
}

/** Judge an agent's daily PR budget; a count that could not be read is never within budget (fail closed). */
export function judgeBudget(
  policy: GuardrailsPolicy,
  who: { agent: string; initiator?: string },
  counts: BudgetCounts | Error,
): BudgetOutcome {
  const limits: [string, number | undefined, keyof BudgetCounts][] = [
    [`agent @${who.agent}`, policy.agentPrsPerDay, 'agent'],
    [who.initiator ? `initiator @${who.initiator}` : 'initiator (unknown)', policy.initiatorPrsPerDay, 'initiator'],
  ];
  const active = limits.filter(([, limit]) => limit !== undefined);
  if (active.length === 0) return { kind: 'within', lines: [] };
  if (counts instanceof Error) {
    return {
      kind: 'unreadable',
      lines: [`The PR budget could not be read (${counts.message}); blocking until it can be. Re-run the check.`],
    };
  }
  let exceeded = false;
  const lines = active.map(([label, limit, key]) => {
    if (key === 'initiator' && !who.initiator) return `${label}: no initiator identified, budget not applicable`;
    const n = counts[key];
    const over = n > (limit as number);
    exceeded ||= over;
    return `${label}: ${n} pull request(s) in 24 h, budget ${limit}${over ? ' (exceeded)' : ''}`;
  });
  return { kind: exceeded ? 'exceeded' : 'within', lines };
}
