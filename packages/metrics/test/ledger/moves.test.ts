import { describe, expect, it } from '@jest/globals';
import { lineHash } from '@trustgate/metrics';

describe('lineHash', () => {
  // Every character \s matches, and some it does not (a zero-width space, a control character, letters).
  const alphabet = [
    ' ',
    '\t',
    '\n',
    '\v',
    '\f',
    '\r',
    '\u00a0',
    '\u1680',
    '\u2003',
    '\u2028',
    '\u3000',
    '\ufeff',
    '\u200b',
    '\u0001',
    'a',
    'b',
    '(',
  ];

  it('hashes a line as its trimmed, whitespace-collapsed text: equal exactly when those are equal, 0 when blank', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const normalised = (s: string) => s.trim().replace(/\s+/g, ' ');
    const lines = Array.from({ length: 4000 }, () =>
      Array.from({ length: Math.floor(random() * 7) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
    );
    for (const line of lines) {
      expect(lineHash(line)).toBe(lineHash(normalised(line)));
      expect(lineHash(line) === 0).toBe(normalised(line) === '');
      expect(lineHash(`+${line}`, 1)).toBe(lineHash(line));
    }
    const distinct = new Map<number, string>();
    for (const line of lines) {
      const h = lineHash(line);
      const seen = distinct.get(h);
      if (seen !== undefined) expect(normalised(seen)).toBe(normalised(line));
      distinct.set(h, line);
    }
  });
});
