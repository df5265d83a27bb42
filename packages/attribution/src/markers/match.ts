import type { MarkerField } from '@trustgate/core';
import type { CommitFacts, PullRequestFacts } from '../pull-request.js';
import type { Trailer } from '../trailers.js';
import type { CompiledRule } from './rules.js';

/** One marker found: which rule matched which field, on which commit (absent for PR-level fields). */
export interface MarkerHit {
  rule: string;
  tool: string;
  agent: string;
  tier: 'agent' | 'assisted' | 'bot';
  field: MarkerField;
  /** The matched value (trailer as `Key: value`), cut to 200 characters. */
  value: string;
  commit?: string;
}

const MAX_VALUE = 200;

/** A commit with its trailers already parsed (classification parses each message once). */
export interface ParsedCommit extends CommitFacts {
  trailers: Trailer[];
}

function hit(c: CompiledRule, field: MarkerField, value: string, m: RegExpExecArray, commit?: string): MarkerHit {
  const named = m.groups?.agent;
  // Free text shows only the matched words; identifiers and names show whole.
  const shown = field === 'pr-body' || field === 'message' || field === 'subject' ? m[0] : value;
  const h: MarkerHit = {
    rule: c.rule.id,
    tool: c.rule.tool,
    agent: c.rule.agent === 'from-trailer' && named ? named.toLowerCase() : c.rule.agent,
    tier: c.rule.tier,
    field,
    value: shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE)}…` : shown,
  };
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

  private test(field: MarkerField, value: string | undefined, out: MarkerHit[], commit?: string): void {
    if (value === undefined || value === '') return;
    for (const c of this.byField.get(field) ?? []) {
      const m = c.regex.exec(value);
      if (m) out.push(hit(c, field, value, m, commit));
    }
  }

  pullRequest(pr: PullRequestFacts): MarkerHit[] {
    const out: MarkerHit[] = [];
    this.test('pr-author', pr.author, out);
    this.test('pr-body', pr.body, out);
    this.test('branch', pr.headRef, out);
    for (const label of pr.labels) this.test('label', label, out);
    return out;
  }

  commit(c: ParsedCommit): MarkerHit[] {
    const out: MarkerHit[] = [];
    this.test('author-email', c.authorEmail, out, c.sha);
    if (c.committerEmail !== c.authorEmail) this.test('committer-email', c.committerEmail, out, c.sha);
    this.test('author-login', c.authorLogin, out, c.sha);
    this.test('committer-login', c.committerLogin, out, c.sha);
    this.test('name-suffix', c.authorName, out, c.sha);
    if (c.committerName !== c.authorName) this.test('name-suffix', c.committerName, out, c.sha);
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
