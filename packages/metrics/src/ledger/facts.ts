import type { LedgerFacts } from '../measures/types.js';
import type { CommitEffects } from './types.js';

const DAY_MS = 86_400_000;

/** What the measures read from a run of commit effects (lines and counts only). */
export function ledgerFacts(repo: string, effects: readonly CommitEffects[]): LedgerFacts {
  const facts: LedgerFacts = { births: [], deaths: [], gaps: [], commits: [] };
  for (const e of effects) {
    facts.commits.push({ repo, sha: e.sha, at: e.at, reverts: e.reverts });
    for (const b of e.births) if (b.origin.pr !== null) facts.births.push({ repo, pr: b.origin.pr, lines: b.lines });
    for (const d of e.deaths)
      if (d.origin.pr !== null)
        facts.deaths.push({ repo, originPr: d.origin.pr, byPr: d.byPr, ageDays: d.ageDays, lines: d.lines, kind: d.kind });
    for (const g of e.gaps) {
      // The committing PR's own lines in that file are unknown too.
      facts.gaps.push({ repo, originPr: g.pr, ageDays: 0, path: g.path, sha: g.sha });
      for (const l of g.lost)
        if (l.origin.pr !== null)
          facts.gaps.push({
            repo,
            originPr: l.origin.pr,
            ageDays: (Date.parse(g.at) - Date.parse(l.origin.bornAt)) / DAY_MS,
            path: g.path,
            sha: g.sha,
          });
    }
  }
  return facts;
}
