import { describe, expect, test } from '@jest/globals';
import { loginFromNoreply, parseIdentity, parseTrailers } from '@trustgate/attribution';

describe('parseTrailers (as git interpret-trailers reads them)', () => {
  test.each([
    ['only the last paragraph counts', 'Subject\n\nCo-authored-by: A <a@x>\n\nBody text.', []],
    ['a one-paragraph message has none', 'Co-authored-by: A <a@x>', []],
    [
      'an all-trailer block',
      'Subject\n\nBody.\n\nCo-authored-by: A <a@x>\nAssisted-by: claude:opus',
      [
        { key: 'Co-authored-by', value: 'A <a@x>' },
        { key: 'Assisted-by', value: 'claude:opus' },
      ],
    ],
    [
      'continuation lines fold into the value',
      'S\n\nGenerated-By: tool\n  model-1\nSigned-off-by: A <a@x>',
      [
        { key: 'Generated-By', value: 'tool model-1' },
        { key: 'Signed-off-by', value: 'A <a@x>' },
      ],
    ],
    [
      '25% trailers with a Signed-off-by count',
      'S\n\nsome prose line\nmore prose\nSigned-off-by: A <a@x>',
      [{ key: 'Signed-off-by', value: 'A <a@x>' }],
    ],
    ['mixed prose without a git trailer does not count', 'S\n\nprose here\nCo-authored-by: A <a@x>', []],
    ['CRLF and trailing blank lines', 'S\r\n\r\nMade-with: Cursor\r\n\r\n', [{ key: 'Made-with', value: 'Cursor' }]],
  ])('%s', (_name, message, expected) => {
    expect(parseTrailers(message)).toEqual(expected);
  });

  test('identities and noreply logins', () => {
    expect(parseIdentity('Mona Lisa <5+Mona@users.noreply.github.com>')).toEqual({
      name: 'Mona Lisa',
      email: '5+Mona@users.noreply.github.com',
    });
    expect(loginFromNoreply('5+Mona@users.noreply.github.com')).toBe('Mona');
    expect(parseIdentity('no email')).toEqual({ name: 'no email' });
    expect(loginFromNoreply('5+mona@users.noreply.github.com')).toBe('mona');
    expect(loginFromNoreply('161369871+google-labs-jules[bot]@users.noreply.github.com')).toBe('google-labs-jules[bot]');
    expect(loginFromNoreply('mona@example.com')).toBeUndefined();
  });
});
