import { describe, expect, it } from '@jest/globals';
import { buildStatement, checkStatement, parseDigest, STATEMENT_TYPE, worstVerdict } from '@trustgate/core';

describe('worstVerdict', () => {
  it('ranks error above unsafe above review above safe', () => {
    expect(worstVerdict([])).toBe('safe');
    expect(worstVerdict(['safe', 'review'])).toBe('review');
    expect(worstVerdict(['unsafe', 'review'])).toBe('unsafe');
    expect(worstVerdict(['unsafe', 'error', 'safe'])).toBe('error');
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
    expect(checkStatement({ ...s, subject: [{ name: 'x', digest: {} }] })).toEqual({ ok: false, reason: 'every subject needs a digest' });
    expect(checkStatement({ ...s, _type: 'https://in-toto.io/Statement/v0.1' }).ok).toBe(false);
  });
  it('refuses to build a statement without subjects', () => {
    expect(() => buildStatement([], 'p', {})).toThrow('at least one subject');
  });
});
