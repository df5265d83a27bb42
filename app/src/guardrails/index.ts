export { type BudgetCounts, type BudgetOutcome, judgeBudget } from './budget.js';
export { type OffListLink, offListLinks } from './links.js';
export { type GuardrailsVerdict, judgeGuardrails } from './summary.js';
