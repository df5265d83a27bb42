import type { MarkerField, MarkerTier } from '@trustgate/core';
import type { CommitFacts, PullRequestFacts } from '../pull-request.js';
import type { ProvenanceFact } from './provenance.js';
import type { Trailer } from '../trailers.js';
import type { CompiledRule } from './rules.js';

/** One marker found: which rule matched which field, on which commit (absent for PR-level fields). */
export interface MarkerHit {
  rule: string;
  tool: string;
  agent: string;
  tier: MarkerTier;
  field: MarkerField;
  /** The model named by the marker (e.g. "Claude Opus 4.6" from a co-author trailer), when it names one. */
  model?: string;
  /** The context size the marker names (e.g. "1M context"), when it names one. */
  context?: string;
  /** The matched value (trailer as `Key: value`), cut to 200 characters. */
  value: string;
  commit?: string;
}

const MAX_VALUE = 200;

/** A commit with its trailers already parsed (classification parses each message once). */
export interface ParsedCommit extends CommitFacts {
  trailers: Trailer[];
}

const FREE_TEXT: ReadonlySet<MarkerField> = new Set(['pr-body', 'pr-title', 'message', 'subject']);
const FROM_MATCH = new Set(['from-trailer', 'from-match']);

/** "Claude Code" -> "claude-code": a named `agent` group becomes a stable key. */
function agentKey(named: string): string {
  return (
    named
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unknown'
  );
}

function aliasOf(key: string, aliases: Readonly<Record<string, string>> | undefined): string {
  return aliases && Object.hasOwn(aliases, key) ? (aliases[key] ?? key) : key;
}

export function hit(c: CompiledRule, field: MarkerField, value: string, m: RegExpExecArray, commit?: string): MarkerHit {
  const named = m.groups?.agent;
  // Free text shows only the matched words; identifiers and names show whole.
  const shown = FREE_TEXT.has(field) ? m[0] : value;
  const h: MarkerHit = {
    rule: c.rule.id,
    tool: c.rule.tool,
    agent: FROM_MATCH.has(c.rule.agent) && named ? aliasOf(agentKey(named), c.aliases) : c.rule.agent,
    tier: c.rule.tier,
    field,
    value: shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE)}…` : shown,
  };
  const model = m.groups?.model?.trim();
  if (model) h.model = model;
  const context = m.groups?.context?.trim();
  if (context) h.context = context;
  if (commit !== undefined) h.commit = commit;
  return h;
}

/** Rules grouped by the field they read, so each value is tested only against its own rules. */
export class MarkerMatcher {
  private readonly byField = new Map<MarkerField, CompiledRule[]>();

  constructor(rules: readonly CompiledRule[]) {
    for (const r of rules) {
      const list = this.byField.get(r.rule.on) ?? [];
      list.push(r);
      this.byField.set(r.rule.on, list);
    }
  }

  /** Test one value of a field (also used for provenance facts: git-ai notes, Agent Trace records). */
  test(field: MarkerField, value: string | undefined, out: MarkerHit[], commit?: string, reportAs: MarkerField = field): void {
    if (value === undefined || value === '') return;
    for (const c of this.byField.get(field) ?? []) {
      const m = c.regex.exec(value);
      if (m) out.push(hit(c, reportAs, value, m, commit));
    }
  }

  /** git-ai notes and Agent Trace records: the agent they name, with the model they record. */
  provenance(facts: readonly ProvenanceFact[]): MarkerHit[] {
    const out: MarkerHit[] = [];
    for (const f of facts) {
      const before = out.length;
      this.test(f.source, f.tool, out, f.commit);
      for (const h of out.slice(before)) if (f.model && h.model === undefined) h.model = f.model;
    }
    return out;
  }

  pullRequest(pr: PullRequestFacts): MarkerHit[] {
    const out: MarkerHit[] = [];
    this.test('pr-author', pr.author, out);
    this.test('pr-body', pr.body, out);
    this.test('pr-title', pr.title, out);
    this.test('branch', pr.headRef, out);
    for (const label of pr.labels) this.test('label', label, out);
    return out;
  }

  commit(c: ParsedCommit): MarkerHit[] {
    const out: MarkerHit[] = [];
    this.test('author-email', c.authorEmail, out, c.sha);
    if (c.committerEmail !== c.authorEmail) {
      this.test('committer-email', c.committerEmail, out, c.sha);
      // An agent identity that committed the change is as telling as one that authored it.
      this.test('author-email', c.committerEmail, out, c.sha, 'committer-email');
    }
    this.test('author-login', c.authorLogin, out, c.sha);
    this.test('committer-login', c.committerLogin, out, c.sha);
    if (c.committerLogin !== c.authorLogin) this.test('author-login', c.committerLogin, out, c.sha, 'committer-login');
    this.test('name-suffix', c.authorName, out, c.sha);
    this.test('author-name', c.authorName, out, c.sha);
    if (c.committerName !== c.authorName) {
      this.test('name-suffix', c.committerName, out, c.sha);
      this.test('author-name', c.committerName, out, c.sha);
    }
    this.test('subject', c.message.split('\n', 1)[0], out, c.sha);
    this.test('message', c.message, out, c.sha);
    const trailerRules = this.byField.get('trailer') ?? [];
    for (const t of c.trailers) {
      const key = t.key.toLowerCase();
      for (const rule of trailerRules) {
        if (rule.trailerKey !== key) continue;
        const m = rule.regex.exec(t.value);
        if (m) out.push(hit(rule, 'trailer', `${t.key}: ${t.value}`, m, c.sha));
      }
    }
    return out;
  }
}

/**
 * Mentions are kept only where nothing stronger spoke: a commit (or the PR itself) with a decisive marker does not
 * also list every tool name its text happens to contain.
 */
export function pruneMentions(markers: readonly MarkerHit[]): MarkerHit[] {
  const decided = new Set(markers.filter((m) => m.tier !== 'mention').map((m) => m.commit ?? ''));
  return markers.filter((m) => m.tier !== 'mention' || !decided.has(m.commit ?? ''));
}
