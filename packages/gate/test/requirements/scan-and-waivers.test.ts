import { describe, expect, test } from '@jest/globals';
import { type Finding, PREDICATE_TYPES, parseDigest, parsePolicy, type Statement } from '@trustgate/core';
import { decide, type EvidenceItem, waiverExpiry } from '@trustgate/gate';

// Pure decision logic over evidence already verified (the scenario tests cover the signing path).
const HEX = 'ef'.repeat(32);
const NOW = new Date('2026-11-21T12:00:00Z');

function environment(yaml: string) {
  const policy = parsePolicy(`version: 1\npromotion:\n  environments:\n    prod:\n${yaml.replace(/^/gm, '      ')}\n`, 'p.yml').promotion
    .environments.prod;
  if (!policy) throw new Error('test policy has no prod');
  return policy;
}

function scanItem(verdict: string, findings: Finding[], parts: { findingVerdict?: string; completeness?: string } = {}): EvidenceItem {
  const statement: Statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ digest: { sha256: HEX } }],
    predicateType: PREDICATE_TYPES.scan,
    predicate: { files: [{ path: 'm.pt', verdict, findings, ...parts }], summary: { verdict } },
  };
  return {
    origin: 'scan.json',
    sha256: '00',
    statement,
    predicateType: statement.predicateType,
    roles: ['evidence'],
    signer: {},
    time: NOW.toISOString(),
  };
}

const run = (yaml: string, items: EvidenceItem[]) =>
  decide({ environment: 'prod', policy: environment(yaml), subject: parseDigest(`sha256:${HEX}`), evidence: items, now: NOW });

const pickle: Finding = { rule: 'TG-PKL-010', severity: 'high', message: 'unknown global' };
const exec: Finding = { rule: 'TG-PKL-001', severity: 'critical', message: 'os.system' };

describe('scan requirement', () => {
  test('a verdict over the limit fails and names the file and rules', () => {
    const d = run('requires: { scan: { maxVerdict: safe } }', [scanItem('review', [pickle])]);
    expect(d.requirements).toEqual([
      expect.objectContaining({ id: 'scan', status: 'failed', reason: 'm.pt is review (at most safe allowed): TG-PKL-010 (high)' }),
    ]);
  });

  test('without maxVerdict, a file sent to review is not promoted (the default is safe)', () => {
    const d = run('requires: { scan: {} }', [scanItem('review', [pickle])]);
    expect(d.decision).toBe('fail');
    expect(d.requirements[0]).toMatchObject({
      id: 'scan',
      status: 'failed',
      reason: 'm.pt is review (at most safe allowed): TG-PKL-010 (high)',
    });
  });

  test('a waivable rule with a live rule waiver lifts the file; the waiver is recorded', () => {
    const yaml = `requires: { scan: { maxVerdict: safe, waivableRules: [TG-PKL-010] } }
waivers: [{ requirement: "rule:TG-PKL-010", reason: "vendored tokenizer", approver: sec-team, expires: "2026-11-21" }]`;
    const d = run(yaml, [scanItem('review', [pickle])]);
    expect(d.decision).toBe('pass');
    expect(d.requirements.map((r) => [r.id, r.status])).toEqual([
      ['scan', 'met'],
      ['rule:TG-PKL-010', 'waived'],
    ]);
  });

  test('a rule waiver does not lift a rule the policy does not list as waivable', () => {
    const yaml = `requires: { scan: { maxVerdict: review } }
waivers: [{ requirement: "rule:TG-PKL-001", reason: "trust me", approver: dev, expires: "2999-01-01" }]`;
    const d = run(yaml, [scanItem('unsafe', [exec])]);
    expect(d.decision).toBe('fail');
    expect(d.waivers[0]?.status).toBe('unused');
  });

  test('a file not fully analysed fails whatever its findings, and waivers of its rules do not lift that', () => {
    const cut: Finding = { rule: 'TG-PKL-004', severity: 'high', message: 'truncated' };
    const yaml = `requires: { scan: { maxVerdict: review, waivableRules: [TG-PKL-004, TG-PKL-001] } }
waivers:
  - { requirement: "rule:TG-PKL-004", reason: "r", approver: dev, expires: "2999-01-01" }
  - { requirement: "rule:TG-PKL-001", reason: "r", approver: dev, expires: "2999-01-01" }`;
    const partial = run(yaml, [scanItem('error', [cut], { findingVerdict: 'safe', completeness: 'partial' })]);
    expect(partial.requirements[0]).toMatchObject({
      status: 'failed',
      reason: 'm.pt was not fully analysed (analysis partial, verdict error)',
    });
    // unsafe + partial: the payload is reported as what it is; waiving it still leaves the gap.
    const payload = run(yaml, [scanItem('unsafe', [exec, cut], { findingVerdict: 'unsafe', completeness: 'partial' })]);
    expect(payload.requirements[0]).toMatchObject({
      status: 'failed',
      reason: 'm.pt was not fully analysed (analysis partial, verdict unsafe)',
    });
    const noWaiver = run('requires: { scan: { maxVerdict: review } }', [
      scanItem('unsafe', [exec], { findingVerdict: 'unsafe', completeness: 'partial' }),
    ]);
    expect(noWaiver.requirements[0]?.reason).toBe('m.pt is unsafe (at most review allowed): TG-PKL-001 (critical)');
    // A Statement from before the split: `error` alone is read as a failed analysis.
    expect(run(yaml, [scanItem('error', [cut])]).requirements[0]?.reason).toBe(
      'm.pt was not fully analysed (analysis failed, verdict error)',
    );
  });

  test('maxSeverity fails on a finding above it even within the verdict', () => {
    const d = run('requires: { scan: { maxVerdict: review, maxSeverity: medium } }', [scanItem('review', [pickle])]);
    expect(d.requirements[0]).toMatchObject({
      status: 'failed',
      reason: 'm.pt has findings above medium or of unknown severity: TG-PKL-010 (high)',
    });
  });

  test('the scanner Statement shape (rule ids per file): only the file with the subject digest is judged', () => {
    const item = scanItem('safe', []);
    item.statement.predicate = {
      scanner: { name: 'trustgate', version: '0.1.0' },
      summary: { verdict: 'unsafe' },
      files: [
        { path: 'models/m.pt', sha256: HEX, format: 'pytorch', verdict: 'review', rules: ['TG-PKL-010'] },
        { path: 'models/other.pkl', sha256: '12'.repeat(32), format: 'pickle', verdict: 'unsafe', rules: ['TG-PKL-001'] },
      ],
    };
    expect(run('requires: { scan: { maxVerdict: review } }', [item]).decision).toBe('pass');
    // Rule ids carry no severity: under maxSeverity a non-safe file fails closed, and says why.
    expect(run('requires: { scan: { maxVerdict: review, maxSeverity: high } }', [item]).requirements[0]).toMatchObject({
      status: 'failed',
      reason: 'models/m.pt has findings above high or of unknown severity: TG-PKL-010 (severity unknown)',
    });
  });

  test('a malformed scan predicate fails rather than passing', () => {
    const item = scanItem('safe', []);
    item.statement.predicate = { summary: 'all good' };
    expect(run('requires: { scan: {} }', [item]).requirements[0]?.status).toBe('failed');
  });

  test('an environment that requires nothing passes with no requirement lines', () => {
    expect(run('{}', [])).toMatchObject({ decision: 'pass', requirements: [] });
  });
});

describe('waiver expiry', () => {
  test('a date-only expiry runs to the end of that day UTC; a timestamp is exact; garbage is expired', () => {
    const w = { requirement: 'scan', reason: 'r', approver: 'a' };
    expect(waiverExpiry({ ...w, expires: '2026-11-21' }).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(waiverExpiry({ ...w, expires: '2026-11-21T08:00:00Z' }).toISOString()).toBe('2026-11-21T08:00:00.000Z');
    expect(waiverExpiry({ ...w, expires: '2026-13-45Tnope' }).getTime()).toBe(0);
  });
});
