import type { Severity } from './verdict.js';

/** A documented rule: its id is stable forever and becomes the SARIF `ruleId`. */
export interface RuleDescriptor {
  id: string;
  /** PascalCase short name, e.g. `DangerousPickleGlobal`. */
  name: string;
  summary: string;
  severity: Severity;
  /** What to do about a finding of this rule. */
  help: string;
  /** Where the rule is documented (SARIF `helpUri`). */
  helpUri?: string;
  /** Public CVEs/advisories the rule catches (SARIF `properties.advisories`). */
  advisories?: readonly string[];
}

export type RuleCatalog = ReadonlyMap<string, RuleDescriptor>;

export function ruleCatalog(...lists: readonly (readonly RuleDescriptor[])[]): RuleCatalog {
  const map = new Map<string, RuleDescriptor>();
  for (const list of lists) {
    for (const r of list) {
      if (map.has(r.id)) throw new Error(`rule id ${r.id} is defined twice`);
      map.set(r.id, r);
    }
  }
  return map;
}
