import { z } from 'zod';
import { GATE_PREDICATE_TYPES } from '../predicates.js';
import { countableApprovals } from './approval-evidence.js';
import { evidenceOfType, type Requirement, type RequirementContext, type RequirementResult, result } from './types.js';

const riskTierSchema = z.object({ tier: z.enum(['minimal', 'limited', 'high', 'unacceptable']) });

/**
 * `riskTier`: the EU AI Act risk tier declared for the model. `unacceptable` never promotes (no waiver
 * lifts it); `high` needs a model card, data governance evidence and a named human approver.
 */
export const riskTierRequirement: Requirement = (ctx) => {
  const rule = ctx.policy.riskTier;
  if (rule === undefined) return [];
  const declared = evidenceOfType(ctx, GATE_PREDICATE_TYPES.riskTier);
  const tiers = new Set<string>();
  for (const item of declared) {
    const parsed = riskTierSchema.safeParse(item.statement.predicate);
    tiers.add(parsed.success ? parsed.data.tier : 'invalid');
  }
  if (tiers.size === 0) {
    return rule.required ? [result('risk-tier', 'missing', 'no verified EU AI Act risk-tier declaration for this digest')] : [];
  }
  if (tiers.size > 1 || tiers.has('invalid')) {
    return [result('risk-tier', 'failed', `risk-tier declarations disagree or are invalid: ${[...tiers].join(', ')}`, declared)];
  }
  const tier = [...tiers][0];
  if (tier === 'unacceptable') {
    return [
      { ...result('risk-tier', 'failed', 'declared unacceptable risk (EU AI Act art. 5): never promoted', declared), waivable: false },
    ];
  }
  const out = [result('risk-tier', 'met', `declared ${tier} risk`, declared)];
  if (tier === 'high') out.push(...highRisk(ctx));
  return out;
};

function highRisk(ctx: RequirementContext): RequirementResult[] {
  const high = ctx.policy.riskTier?.high ?? { modelCard: true, dataGovernance: true, namedApprovers: [] };
  const out: RequirementResult[] = [];
  const documents = [
    { wanted: high.modelCard, id: 'risk-tier:model-card', type: GATE_PREDICATE_TYPES.modelCard, name: 'model card' },
    {
      wanted: high.dataGovernance,
      id: 'risk-tier:data-governance',
      type: GATE_PREDICATE_TYPES.dataGovernance,
      name: 'data governance evidence',
    },
  ];
  for (const d of documents) {
    if (!d.wanted) continue;
    const found = evidenceOfType(ctx, d.type);
    out.push(
      found.length > 0
        ? result(d.id, 'met', `${d.name} present`, found)
        : result(d.id, 'missing', `high-risk models need a verified ${d.name} for this digest`),
    );
  }
  const named = high.namedApprovers.map((n) => n.toLowerCase());
  const humans = countableApprovals(ctx).approvals.filter((a) => a.human && (named.length === 0 || named.includes(a.login.toLowerCase())));
  const who = named.length > 0 ? `one of ${high.namedApprovers.join(', ')}` : 'a named human';
  out.push(
    humans.length > 0
      ? result(
          'risk-tier:human-approver',
          'met',
          `approved by ${humans.map((a) => a.login).join(', ')}`,
          humans.map((a) => a.item),
        )
      : result('risk-tier:human-approver', 'missing', `high-risk models need an approval by ${who}`),
  );
  return out;
}
