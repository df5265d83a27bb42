import { type Requirement, result } from './types.js';

const DAY_MS = 86_400_000;

/** `maxEvidenceAgeDays`: every piece of counted evidence was made within the window (unknown age is stale). */
export const freshnessRequirement: Requirement = (ctx) => {
  const days = ctx.policy.maxEvidenceAgeDays;
  if (days === undefined) return [];
  const oldest = ctx.now.getTime() - days * DAY_MS;
  const stale = ctx.evidence.filter((e) => e.time === undefined || Date.parse(e.time) < oldest);
  if (stale.length === 0)
    return [result('freshness', 'met', `all ${ctx.evidence.length} piece(s) of evidence are at most ${days} days old`)];
  const what = stale.map((e) => `${e.origin} (${e.time === undefined ? 'time unknown' : `made ${e.time.slice(0, 10)}`})`);
  return [result('freshness', 'failed', `older than ${days} days: ${what.join(', ')}`, stale)];
};
