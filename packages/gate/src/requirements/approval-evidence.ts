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
// The ai-tag predicate is attribution's Classification (initiator `{login, resolved}` or null) or the short form
// `{author, initiator, agent}` with logins; anything else cannot say whom to exclude.
const unresolvedInitiator = z.union([z.null(), z.object({ resolved: z.literal(false) })]);
const aiTagSchema = z.object({
  cohort: z.string().optional(),
  author: person.optional(),
  agent: z.union([person, z.null()]).optional(),
  initiator: z.union([unresolvedInitiator, person]).optional(),
  pullRequest: z.object({ author: person.optional() }).optional(),
});
// Only for a change no agent touched can a missing initiator be complete: its author is the whole answer.
const NO_AGENT = new Set(['human', 'bot']);

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
  const { authors, unresolved } = changeAuthors(ctx);
  if (unresolved.length > 0) {
    // Fail closed: with the initiator unknown, any approver might be approving their own agent's change.
    const why = `${unresolved.join(', ')} cannot say who initiated the change, so no approval can be checked for self-approval; fix the ai-tag evidence (a resolved initiator) to count approvals`;
    return { approvals: [], rejected: [why] };
  }
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

function changeAuthors(ctx: RequirementContext): { authors: Set<string>; unresolved: string[] } {
  const authors = new Set<string>();
  const unresolved: string[] = [];
  for (const item of evidenceOfType(ctx, PREDICATE_TYPES.aiTag)) {
    const parsed = aiTagSchema.safeParse(item.statement.predicate);
    if (!parsed.success) {
      unresolved.push(item.origin);
      continue;
    }
    const tag = parsed.data;
    const initiator = typeof tag.initiator === 'string' ? tag.initiator : undefined;
    const people = [tag.author, tag.pullRequest?.author, initiator, tag.agent ?? undefined].filter((p): p is string => p !== undefined);
    const initiatorKnown = initiator !== undefined || (tag.cohort !== undefined && NO_AGENT.has(tag.cohort));
    if (!initiatorKnown || people.length === 0) {
      unresolved.push(item.origin);
      continue;
    }
    for (const p of people) authors.add(p.toLowerCase());
  }
  return { authors, unresolved };
}
