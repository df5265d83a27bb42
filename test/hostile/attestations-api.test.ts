import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { buildStatement, PREDICATE_TYPES } from '@trustgate/core';
import { cliAgainst, plant, startVerifyGitHub, type VerifyGitHub } from './github.js';
import { claims, createWorld, statements, SUBJECT, type World, workflow } from './world.js';

/**
 * `verify-attestation` without --bundle: attestations fetched by digest from GitHub's attestations API (the
 * OpenAPI-validated mock), as `gh attestation verify` fetches them. What the API returns is attacker-reachable: a
 * bundle of another repository or another digest mixed into the pages never counts, and GitHub failing to answer
 * is an input error (exit 2), never "nothing there".
 */

let world: World;
let github: VerifyGitHub;
const BUILD = workflow('acme/ml', 'build.yml');
const SOURCE_SHA = 'a'.repeat(40);
const SIGNER_SHA = 'b'.repeat(40);
let good: string;
let otherRepo: string;
let otherDigest: string;
let selfHosted: string;

beforeAll(async () => {
  world = await createWorld();
  github = await startVerifyGitHub();
  const provenance = statements.provenance();
  good = await world.attest('api-good.json', provenance, {
    san: BUILD,
    github: claims(BUILD, 'acme/ml', { sourceRepositoryDigest: SOURCE_SHA, buildSignerDigest: SIGNER_SHA }),
  });
  // A build of another repository, for the same digest: signed, valid, and not acme/ml's.
  const OTHER = workflow('evil/ml', 'build.yml');
  otherRepo = await world.attest('api-other-repo.json', provenance, { san: OTHER, github: claims(OTHER, 'evil/ml') });
  // acme/ml's own signer, for another artifact: indexed under our digest by a lying server.
  const elsewhere = createHash('sha256').update('another artifact').digest('hex');
  otherDigest = await world.attest(
    'api-other-digest.json',
    buildStatement([{ name: 'other', digest: { sha256: elsewhere } }], PREDICATE_TYPES.slsaProvenance, { buildDefinition: {} }),
    { san: BUILD, github: claims(BUILD) },
  );
  selfHosted = await world.attest('api-self-hosted.json', provenance, {
    san: BUILD,
    github: claims(BUILD, 'acme/ml', { runnerEnvironment: 'self-hosted' }),
  });
});

afterAll(() => github.close());

beforeEach(() => {
  const s = github.state;
  s.attestations.length = 0;
  s.attestationPageSize = 100;
  s.failures.clear();
  s.limits.clear();
  s.badTokens.clear();
  github.invalid.length = 0;
});

const verify = (...flags: string[]) =>
  cliAgainst(github, ['verify-attestation', `sha256:${SUBJECT}`, '--trusted-root', world.root, ...flags]);

describe('verify-attestation fetches by digest from the attestations API', () => {
  test('pages through hostile entries (another repository, another digest) to the one that verifies', async () => {
    await plant(github, 'acme/ml', otherRepo);
    await plant(github, 'acme/ml', otherDigest, [`sha256:${SUBJECT}`]);
    await plant(github, 'acme/ml', good);
    github.state.attestationPageSize = 1;
    const r = await verify('--repo', 'acme/ml');
    expect(r.code).toBe(0);
    expect(github.invalid).toEqual([]);
    const calls = github.calls('repos/list-attestations');
    expect(calls.map((c) => c.query)).toEqual([
      { per_page: '100', predicate_type: PREDICATE_TYPES.slsaProvenance },
      { per_page: '100', predicate_type: PREDICATE_TYPES.slsaProvenance, after: 'c1' },
      { per_page: '100', predicate_type: PREDICATE_TYPES.slsaProvenance, after: 'c2' },
    ]);
    expect(calls[0]?.params).toEqual({ owner: 'acme', repo: 'ml', subject_digest: `sha256:${SUBJECT}` });
    const details = r.json?.details as { origin: string; rejected: { code: string }[] };
    expect(details.origin).toContain('after=c2#attestations[0]');
    expect(details.rejected.map((x) => x.code)).toEqual(['IDENTITY_MISMATCH', 'DIGEST_MISMATCH']);
  });

  test('only hostile entries: exit 1 ATTESTATION_NOT_VERIFIED, each refusal listed', async () => {
    await plant(github, 'acme/ml', otherRepo);
    await plant(github, 'acme/ml', otherDigest, [`sha256:${SUBJECT}`]);
    const r = await verify('--repo', 'acme/ml');
    expect([r.code, r.errorCode]).toEqual([1, 'ATTESTATION_NOT_VERIFIED']);
    expect(r.json?.details).toMatchObject({ rejected: [expect.anything(), expect.anything()] });
  });

  test('an unsigned entry (the right statement, no signature, no certificate) never counts and never crashes', async () => {
    const payload = Buffer.from(JSON.stringify(statements.provenance())).toString('base64');
    const unsigned = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      dsseEnvelope: { payload, payloadType: 'application/vnd.in-toto+json', signatures: [] },
    };
    github.state.attestations.push({ id: 1, bundle: unsigned, digests: [`sha256:${SUBJECT}`], repo: 'acme/ml' });
    const r = await verify('--repo', 'acme/ml');
    expect([r.code, r.errorCode]).toEqual([1, 'ATTESTATION_NOT_VERIFIED']);
  });

  test('no attestation for the digest (GitHub answers 404): exit 1 ATTESTATION_NOT_FOUND', async () => {
    const r = await verify('--repo', 'acme/ml');
    expect([r.code, r.errorCode]).toEqual([1, 'ATTESTATION_NOT_FOUND']);
    expect(github.invalid).toEqual([]);
  });

  test('--owner reads the organization endpoint and keeps the owner binding', async () => {
    await plant(github, 'evil/ml', otherRepo);
    await plant(github, 'acme/ml', good);
    const r = await verify('--owner', 'acme');
    expect(r.code).toBe(0);
    expect(github.calls('orgs/list-attestations').map((c) => c.params)).toEqual([{ org: 'acme', subject_digest: `sha256:${SUBJECT}` }]);
    expect(github.invalid).toEqual([]);
    // evil's attestation is not under acme, and acme's owner binding refuses it even if served.
    github.state.attestations.length = 0;
    await plant(github, 'acme/ml', otherRepo);
    expect((await verify('--owner', 'acme')).errorCode).toBe('ATTESTATION_NOT_VERIFIED');
  });

  test('--source-ref, --source-digest, --signer-digest and --deny-self-hosted-runners bind the certificate', async () => {
    await plant(github, 'acme/ml', good);
    expect(
      (await verify('--repo', 'acme/ml', '--source-ref', 'refs/heads/main', '--source-digest', SOURCE_SHA, '--signer-digest', SIGNER_SHA))
        .code,
    ).toBe(0);
    for (const flags of [
      ['--source-ref', 'refs/heads/MAIN'],
      ['--source-digest', 'c'.repeat(40)],
      ['--signer-digest', 'c'.repeat(40)],
    ]) {
      const r = await verify('--repo', 'acme/ml', ...flags);
      expect([flags[0], r.code, r.errorCode]).toEqual([flags[0], 1, 'ATTESTATION_NOT_VERIFIED']);
      expect(r.json?.message).toContain('IDENTITY_MISMATCH');
    }
    expect((await verify('--repo', 'acme/ml', '--source-digest', 'not-a-sha')).errorCode).toBe('POLICY_MISSING');
    github.state.attestations.length = 0;
    await plant(github, 'acme/ml', selfHosted);
    expect((await verify('--repo', 'acme/ml')).code).toBe(0);
    expect((await verify('--repo', 'acme/ml', '--deny-self-hosted-runners')).errorCode).toBe('ATTESTATION_NOT_VERIFIED');
  });

  test('the same identity flags apply to a --bundle file', async () => {
    const bundle = (...flags: string[]) => verify('--repo', 'acme/ml', '--bundle', good, ...flags);
    const before = github.calls('repos/list-attestations').length;
    expect((await bundle('--source-ref', 'refs/heads/main')).code).toBe(0);
    expect(await bundle('--source-ref', 'refs/heads/MAIN')).toMatchObject({ code: 1, errorCode: 'IDENTITY_MISMATCH' });
    expect(github.calls('repos/list-attestations')).toHaveLength(before);
  });
});

describe('GitHub failing to answer is exit 2, naming what to do', () => {
  test.each([
    ['401 bad credentials', (g: VerifyGitHub) => g.state.badTokens.add('ghs_test'), /answered 401; the token needs attestations: read/],
    [
      'rate limit used up',
      (g: VerifyGitHub) => g.state.limits.set(g.state.served + 1, 'primary'),
      /rate limit is exhausted; retry after 20/,
    ],
    [
      'secondary rate limit',
      (g: VerifyGitHub) => g.state.limits.set(g.state.served + 1, 'secondary'),
      /rate limit is exhausted; retry in 7s/,
    ],
    ['502 from GitHub', (g: VerifyGitHub) => g.state.failures.set('repos/list-attestations', 502), /answered 502; retry later/],
  ])('%s', async (_name, arrange, message) => {
    await plant(github, 'acme/ml', good);
    arrange(github);
    const r = await verify('--repo', 'acme/ml');
    expect([r.code, r.errorCode]).toEqual([2, 'ATTESTATIONS_API_ERROR']);
    expect(r.json?.message).toMatch(message);
  });

  test('without a token a refusal says to set GITHUB_TOKEN or GH_TOKEN; GH_TOKEN is read too', async () => {
    await plant(github, 'acme/ml', good);
    github.state.badTokens.add('ghs_bad');
    const refused = await cliAgainst(
      github,
      ['verify-attestation', `sha256:${SUBJECT}`, '--trusted-root', world.root, '--repo', 'acme/ml'],
      {
        GH_TOKEN: 'ghs_bad',
      },
    );
    expect(refused.code).toBe(2);
    const viaGh = await cliAgainst(github, ['verify-attestation', `sha256:${SUBJECT}`, '--trusted-root', world.root, '--repo', 'acme/ml'], {
      GH_TOKEN: 'ghs_test',
    });
    expect(viaGh.code).toBe(0);
  });

  test('an unreachable API is exit 2 naming GITHUB_API_URL', async () => {
    const r = await cliAgainst(github, ['verify-attestation', `sha256:${SUBJECT}`, '--repo', 'acme/ml'], {
      GITHUB_TOKEN: 'ghs_test',
      GITHUB_API_URL: 'http://127.0.0.1:1',
    });
    expect([r.code, r.errorCode]).toEqual([2, 'ATTESTATIONS_API_ERROR']);
    expect(r.json?.message).toContain('GITHUB_API_URL');
  });
});
