import { countableApprovals } from './approval-evidence.js';
import { type Requirement, result } from './types.js';

/** `requires.approvals`: enough distinct approvers from the listed users or teams, none approving their own change. */
export const approvalsRequirement: Requirement = (ctx) => {
  const rule = ctx.policy.requires.approvals;
  if (rule === undefined) return [];
  const { approvals, rejected } = countableApprovals(ctx);
  const anyone = rule.users.length === 0 && rule.teams.length === 0;
  const eligible = approvals.filter(
    (a) => anyone || rule.users.some((u) => u.toLowerCase() === a.login.toLowerCase()) || a.teams.some((t) => rule.teams.includes(t)),
  );
  const logins = [...new Set(eligible.map((a) => a.login.toLowerCase()))];
  const from = anyone ? '' : ` from ${[...rule.users, ...rule.teams.map((t) => `team ${t}`)].join(', ')}`;
  const notes = rejected.length > 0 ? `; not counted: ${rejected.join('; ')}` : '';
  const items = eligible.map((a) => a.item);
  if (logins.length >= rule.count)
    return [result('approvals', 'met', `${logins.length} approval(s)${from}: ${logins.join(', ')}${notes}`, items)];
  const status = approvals.length === 0 && rejected.length === 0 ? 'missing' : 'failed';
  return [result('approvals', status, `${logins.length} of ${rule.count} required approval(s)${from}${notes}`, items)];
};
