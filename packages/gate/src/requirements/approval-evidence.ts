import { PREDICATE_TYPES } from '@trustgate/core';
import { z } from 'zod';
import type { EvidenceItem } from '../evidence/types.js';
import { GATE_PREDICATE_TYPES } from '../predicates.js';
import { evidenceOfType, type RequirementContext } from './types.js';

const person = z.union([z.string().min(1), z.object({ login: z.string().min(1) }).transform((p) => p.login)]);
const approvalSchema = z.object({
  approver: z.object({ login: z.string().min(1), type: z.string().default('User') }),
  teams: z.array(z.string()).default([]),
  environment: z.string().optional(),
  change: z.object({ author: person.optional(), initiator: person.optional() }).optional(),
});
const aiTagSchema = z.object({ author: person.optional(), initiator: person.optional(), agent: person.optional() });

export interface Approval {
  login: string;
  human: boolean;
  teams: string[];
  item: EvidenceItem;
}

/**
 * Approvals that count for this environment: for it (or for no environment in particular), well formed,
 * and not given by the change's author, its initiator or the agent that wrote it (no self-approval).
 */
export function countableApprovals(ctx: RequirementContext): { approvals: Approval[]; rejected: string[] } {
  const authors = changeAuthors(ctx);
  const approvals: Approval[] = [];
  const rejected: string[] = [];
  for (const item of evidenceOfType(ctx, GATE_PREDICATE_TYPES.approval)) {
    const parsed = approvalSchema.safeParse(item.statement.predicate);
    if (!parsed.success) {
      rejected.push(`${item.origin}: not an approval predicate`);
      continue;
    }
    const a = parsed.data;
    const login = a.approver.login;
    if (a.environment !== undefined && a.environment !== ctx.environment) continue;
    for (const p of [a.change?.author, a.change?.initiator]) if (p) authors.add(p.toLowerCase());
    if (authors.has(login.toLowerCase())) {
      rejected.push(`${login} authored or initiated the change and cannot approve it`);
      continue;
    }
    const human = a.approver.type.toLowerCase() !== 'bot' && !login.endsWith('[bot]');
    approvals.push({ login, human, teams: a.teams, item });
  }
  // Self-approval is judged against authors named anywhere, including approvals read after this one.
  const kept = approvals.filter((a) => {
    if (!authors.has(a.login.toLowerCase())) return true;
    rejected.push(`${a.login} authored or initiated the change and cannot approve it`);
    return false;
  });
  return { approvals: kept, rejected: [...new Set(rejected)] };
}

function changeAuthors(ctx: RequirementContext): Set<string> {
  const authors = new Set<string>();
  for (const item of evidenceOfType(ctx, PREDICATE_TYPES.aiTag)) {
    const parsed = aiTagSchema.safeParse(item.statement.predicate);
    if (!parsed.success) continue;
    for (const p of [parsed.data.author, parsed.data.initiator, parsed.data.agent]) if (p) authors.add(p.toLowerCase());
  }
  return authors;
}
