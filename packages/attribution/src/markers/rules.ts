import { type MarkerField, type MarkerRule, type MarkerRuleInput, markerRuleSchema } from '@trustgate/core';
import { AttributionError } from '../errors.js';
import { BUILTIN_RULES_FILE } from './builtin-rules.js';

/** The versioned rules file, `packages/attribution/rules/markers.json`. */
export interface MarkerRulesFile {
  version: number;
  /** Names a matched `agent` group may carry (a bot login, a tool's long name) -> the stable agent key. */
  aliases?: Record<string, string>;
  rules: MarkerRuleInput[];
}

/** A rule ready to match: its regular expression compiled once. */
export interface CompiledRule {
  rule: MarkerRule;
  regex: RegExp;
  /** Lowercased trailer key, for `on: trailer`. */
  trailerKey?: string;
  /** The rules file's agent aliases, applied to a named `agent` group. */
  aliases?: Readonly<Record<string, string>>;
}

// Free-text fields are searched; identifiers (emails, logins, branches, labels, trailer values) must match whole.
const UNANCHORED: ReadonlySet<MarkerField> = new Set(['pr-body', 'pr-title', 'message', 'subject', 'name-suffix']);

export const BUILTIN_RULES_VERSION = BUILTIN_RULES_FILE.version;

export function compileRule(input: MarkerRuleInput, origin: string): CompiledRule {
  const parsed = markerRuleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AttributionError('RULE_INVALID', `${origin}: rule ${JSON.stringify(input?.id)} ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const rule = parsed.data;
  if (rule.on === 'trailer' && rule.trailer === undefined)
    throw new AttributionError(
      'RULE_INVALID',
      `${origin}: rule ${rule.id} matches a trailer but names no trailer key; add "trailer: Co-authored-by" or similar`,
    );
  // A display name alone never decides: people are called Claude or Devin.
  if (rule.on === 'author-name' && rule.tier !== 'mention')
    throw new AttributionError(
      'RULE_INVALID',
      `${origin}: rule ${rule.id} matches a display name with tier ${rule.tier}; display names can only be "mention" rules`,
    );
  let regex: RegExp;
  try {
    regex = new RegExp(UNANCHORED.has(rule.on) ? rule.pattern : `^(?:${rule.pattern})$`, 'iu');
  } catch (cause) {
    throw new AttributionError('RULE_INVALID', `${origin}: rule ${rule.id} has an invalid pattern: ${(cause as Error).message}`, { cause });
  }
  const compiled: CompiledRule = { rule, regex };
  if (rule.trailer !== undefined) compiled.trailerKey = rule.trailer.toLowerCase();
  return compiled;
}

/** Built-in rules plus the repository's own (`attribution.rules`); a repeated id is a RULE_INVALID error. */
export function compileRules(extra: readonly MarkerRuleInput[] = [], builtin: MarkerRulesFile = BUILTIN_RULES_FILE): CompiledRule[] {
  const out = [
    ...builtin.rules.map((r) => ({ ...compileRule(r, 'rules/markers.json'), aliases: builtin.aliases ?? {} })),
    ...extra.map((r) => ({ ...compileRule(r, 'policy attribution.rules'), aliases: builtin.aliases ?? {} })),
  ];
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(c.rule.id))
      throw new AttributionError(
        'RULE_INVALID',
        `rule id ${c.rule.id} is defined twice; give repository rules their own ids (e.g. REPO-001)`,
      );
    seen.add(c.rule.id);
  }
  return out;
}
