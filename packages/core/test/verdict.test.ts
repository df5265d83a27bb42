import { describe, expect, it } from '@jest/globals';
import {
  blocksFile,
  buildStatement,
  checkStatement,
  combineVerdict,
  type Completeness,
  type FindingVerdict,
  parseDigest,
  STATEMENT_TYPE,
  type Verdict,
  worstCompleteness,
  worstVerdict,
} from '@trustgate/core';

describe('worstVerdict', () => {
  it('ranks unsafe above error above review above safe', () => {
    expect(worstVerdict([])).toBe('safe');
    expect(worstVerdict(['safe', 'review'])).toBe('review');
    expect(worstVerdict(['error', 'review'])).toBe('error');
    expect(worstVerdict(['unsafe', 'error', 'safe'])).toBe('unsafe');
    expect(worstCompleteness(['complete', 'failed', 'partial'])).toBe('failed');
  });
});

describe('combined verdict', () => {
  const cases: [FindingVerdict, Completeness, Verdict][] = [
    ['safe', 'complete', 'safe'],
    ['review', 'complete', 'review'],
    ['unsafe', 'complete', 'unsafe'],
    ['safe', 'partial', 'error'],
    ['review', 'failed', 'error'],
    // The payload ran before the stream broke: never hidden behind "could not parse".
    ['unsafe', 'partial', 'unsafe'],
    ['unsafe', 'failed', 'unsafe'],
  ];
  it.each(cases)('%s + %s is %s', (found, completeness, verdict) => {
    expect(combineVerdict(found, completeness)).toBe(verdict);
  });

  it('blocks whatever blocked before the split under every fail-on', () => {
    const partialUnsafe = { verdict: 'unsafe' as const, findingVerdict: 'unsafe' as const, completeness: 'partial' as const };
    const partialSafe = { verdict: 'error' as const, findingVerdict: 'safe' as const, completeness: 'partial' as const };
    // failOn [error] blocked a cut pickle with a payload (it was `error`); it still does.
    expect(blocksFile(partialUnsafe, ['error'])).toBe(true);
    expect(blocksFile(partialUnsafe, ['unsafe'])).toBe(true);
    expect(blocksFile(partialSafe, ['unsafe'])).toBe(false);
    expect(blocksFile(partialSafe, ['unsafe', 'error'])).toBe(true);
    expect(blocksFile({ verdict: 'review', findingVerdict: 'review', completeness: 'complete' }, ['unsafe', 'error'])).toBe(false);
    // Evidence without the two parts is split conservatively.
    expect(blocksFile({ verdict: 'error' }, ['error'])).toBe(true);
    expect(blocksFile({ verdict: 'safe' }, ['unsafe', 'review', 'error'])).toBe(false);
  });
});

describe('parseDigest', () => {
  it('accepts sha256 and lower-cases it', () => {
    expect(parseDigest(`sha256:${'AB'.repeat(32)}`)).toEqual({ algorithm: 'sha256', hex: 'ab'.repeat(32) });
  });
  it.each(['sha256:abc', 'md5:' + 'a'.repeat(32), `sha256:${'g'.repeat(64)}`, 'a'.repeat(64)])('rejects %s with DIGEST_INVALID', (text) => {
    expect(() => parseDigest(text)).toThrow(expect.objectContaining({ code: 'DIGEST_INVALID' }));
  });
});

describe('in-toto statements', () => {
  it('builds a v1 statement and checks untrusted ones', () => {
    const s = buildStatement([{ name: 'm.pt', digest: { sha256: 'a'.repeat(64) } }], 'https://example/p', { ok: true });
    expect(s._type).toBe(STATEMENT_TYPE);
    expect(checkStatement(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, statement: s });
    expect(checkStatement({ ...s, subject: [] })).toEqual({ ok: false, reason: 'subject must be a non-empty array' });
    expect(checkStatement({ ...s, subject: [{ name: 'x', digest: {} }] })).toEqual({ ok: false, reason: 'subject[0]: needs a digest' });
    expect(checkStatement({ ...s, _type: 'https://in-toto.io/Statement/v0.1' }).ok).toBe(true);
    expect(checkStatement({ _type: 'https://in-toto.io/Statement/v0.1', predicateType: s.predicateType, predicate: {} }).ok).toBe(false);
  });
  it('refuses to build a statement without subjects', () => {
    expect(() => buildStatement([], 'p', {})).toThrow('at least one subject');
  });
});
