import { describe, expect, test } from '@jest/globals';
import {
  anchoredRegExp,
  compareIdentity,
  githubSignerIdentity,
  judgeIdentity,
  type SignerClaims,
  workflowMatches,
} from '@trustgate/verify';

const SAN = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const claims: SignerClaims = {
  subjectAlternativeName: SAN,
  issuer: 'https://token.actions.githubusercontent.com',
  runnerEnvironment: 'github-hosted',
  sourceRepositoryUri: 'https://github.com/acme/app',
  sourceRepositoryOwnerUri: 'https://github.com/acme',
  sourceRepositoryRef: 'refs/heads/main',
  sourceRepositoryDigest: 'abc123',
};

describe('workflowMatches (gh --signer-workflow)', () => {
  test.each([
    ['acme/app/.github/workflows/release.yml', SAN, true],
    ['acme/app/.github/workflows/release.yml@refs/heads/main', SAN, true],
    ['github.com/acme/app/.github/workflows/release.yml', SAN, true],
    ['acme/app/.github/workflows/release', SAN, false],
    ['acme/app/.github/workflows/release.yml', 'https://github.com/acme/app/.github/workflows/release.yml.evil.yml@refs/heads/main', false],
    [
      'acme/app/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main-evil',
      false,
    ],
    ['acme/app/.github/workflows/release.yml@refs/heads/mai', SAN, false],
    ['acme/ap/.github/workflows/release.yml', SAN, false],
  ])('%s vs %s -> %s', (expected, san, result) => {
    expect(workflowMatches(expected, san)).toBe(result);
  });
});

describe('identity policy', () => {
  test('anchored regexp: alternation cannot escape the anchors', () => {
    expect(anchoredRegExp('a|b').test('xa')).toBe(false);
    expect(anchoredRegExp('a|b').test('b')).toBe(true);
  });
  test('exact identity and issuer', () => {
    expect(compareIdentity({ identity: SAN, issuer: claims.issuer as string, runnerEnvironment: 'github-hosted' }, claims)).toEqual([]);
    expect(compareIdentity({ identity: `${SAN}x`, issuer: 'https://other', runnerEnvironment: 'any' }, claims)).toEqual([
      { field: 'identity', expected: `${SAN}x`, actual: SAN },
      { field: 'issuer', expected: 'https://other', actual: claims.issuer },
    ]);
  });
  test('GitHub claims: source repository, owner, ref, digest, runner', () => {
    const base = { identity: SAN, issuer: claims.issuer as string, runnerEnvironment: 'github-hosted' as const };
    expect(
      compareIdentity(
        { ...base, sourceRepository: 'ACME/app', sourceRepositoryOwner: 'acme', sourceRef: 'refs/heads/main', sourceDigest: 'ABC123' },
        claims,
      ),
    ).toEqual([]);
    expect(compareIdentity({ ...base, sourceRef: 'refs/heads/dev' }, claims).map((m) => m.field)).toEqual(['sourceRef']);
    expect(compareIdentity(base, { ...claims, runnerEnvironment: 'self-hosted' }).map((m) => m.field)).toEqual(['runnerEnvironment']);
    expect(compareIdentity({ ...base, runnerEnvironment: 'any' }, { ...claims, runnerEnvironment: 'self-hosted' })).toEqual([]);
  });
  test('no policy is a refusal, any one accepted signer suffices', () => {
    expect(() => judgeIdentity([], claims)).toThrow(expect.objectContaining({ code: 'POLICY_MISSING' }));
    const ok = { identity: SAN, issuer: claims.issuer as string, runnerEnvironment: 'any' as const };
    expect(judgeIdentity([{ ...ok, identity: 'x' }, ok], claims)).toBe(ok);
  });
  test('githubSignerIdentity: --owner binds the workflow to the owner unless a signer workflow is named', () => {
    const owner = githubSignerIdentity({ owner: 'acme' });
    expect(compareIdentity(owner, claims)).toEqual([]);
    expect(
      compareIdentity(owner, {
        ...claims,
        subjectAlternativeName: 'https://github.com/acme-evil/app/.github/workflows/x.yml@refs/heads/main',
      }),
    ).not.toEqual([]);
    expect(() => githubSignerIdentity({})).toThrow(expect.objectContaining({ code: 'POLICY_MISSING' }));
  });
});
