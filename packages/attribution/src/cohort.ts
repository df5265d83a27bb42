import type { MarkerHit } from './markers/match.js';

export type Cohort = 'agent' | 'assisted' | 'human' | 'unknown' | 'bot';

export const COHORTS: readonly Cohort[] = ['agent', 'assisted', 'human', 'unknown', 'bot'];

/**
 * The cohort of a change from its markers. An agent marker outranks an assisted one; a dependency bot is `bot`
 * unless an agent marker also matched. A `mention` never decides. With no marker the answer is `unknown`, and `human` only when the
 * repository requires disclosure (then silence is a claim of human authorship).
 */
export function decideCohort(markers: readonly MarkerHit[], requireDisclosure: boolean): Cohort {
  let assisted = false;
  let bot = false;
  for (const m of markers) {
    if (m.tier === 'agent') return 'agent';
    if (m.tier === 'assisted') assisted = true;
    else if (m.tier === 'bot') bot = true;
  }
  if (bot) return 'bot';
  if (assisted) return 'assisted';
  return requireDisclosure ? 'human' : 'unknown';
}

/** The agent or tool the cohort is about: the first marker of the deciding tier, in PR-then-commit order. */
export function decideAgent(markers: readonly MarkerHit[], cohort: Cohort): string | null {
  const tier = cohort === 'agent' ? 'agent' : cohort === 'assisted' ? 'assisted' : cohort === 'bot' ? 'bot' : undefined;
  if (tier === undefined) return null;
  return markers.find((m) => m.tier === tier)?.agent ?? null;
}
