import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { buildStatement } from '@trustgate/core';
import { cliAgainst, plant, startVerifyGitHub, type VerifyGitHub } from './github.js';
import { createWorld, ISSUER, type World, workflow } from './world.js';

/**
 * `verify-release-asset TAG [FILE]`, the equivalent of `gh release verify-asset` / `gh release verify`: the release
 * and its tag read from the (OpenAPI-validated) mock GitHub, the attestations of the tag's sha1 fetched, and only
 * one signed by GitHub's release signer for this repository, tag and release counted, with FILE's sha256 among its
 * subjects. The hostile signer (private CA, see world.ts) forges everything else.
 */

const RELEASE_SIGNER = 'https://dotcom.releases.github.com';
const RELEASE_V01 = 'https://in-toto.io/attestation/release/v0.1';
const TAG = 'v1.0.0';
const TAG_SHA = 'c0ffee'.padEnd(40, '0');
const RELEASE_ID = 7001;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const MODEL = 'model weights v1';
const NOTES = 'release notes';

let world: World;
let github: VerifyGitHub;
let model: string;
let tampered: string;
const bundles: Record<string, string> = {};

/** A release attestation as GitHub's immutable releases publish it (purl subject at the tag's sha1, one per asset). */
function releaseStatement(over: { repo?: string; tag?: string; releaseId?: string; sha?: string; assets?: [string, string][] } = {}) {
  const repo = over.repo ?? 'acme/ml';
  const tag = over.tag ?? TAG;
  const purl = `pkg:github/${repo}@${tag}`;
  const assets = over.assets ?? [
    ['model.bin', sha256(MODEL)],
    ['notes.txt', sha256(NOTES)],
  ];
  return buildStatement(
    [{ uri: purl, digest: { sha1: over.sha ?? TAG_SHA } }, ...assets.map(([name, hex]) => ({ name, digest: { sha256: hex } }))],
    RELEASE_V01,
    { ownerId: '1', purl, releaseId: over.releaseId ?? String(RELEASE_ID), repository: repo, repositoryId: '4242', tag },
  );
}

// GitHub signs release attestations in its own trust domain: its Fulcio, an RFC 3161 timestamp, no transparency log.
const asRelease = () => ({
  san: RELEASE_SIGNER,
  issuer: RELEASE_SIGNER,
  github: {},
  instance: world.tsaOnly,
  times: { log: 'none' as const, timestampAt: new Date() },
});

beforeAll(async () => {
  world = await createWorld();
  github = await startVerifyGitHub();
  model = await world.file('model.bin', MODEL);
  tampered = await world.file('tampered.bin', `${MODEL} + a backdoor`);
  bundles.good = await world.attest('rel-good.json', releaseStatement(), asRelease());
  bundles.otherTag = await world.attest('rel-other-tag.json', releaseStatement({ tag: 'v0.9.0' }), asRelease());
  bundles.otherRepo = await world.attest('rel-other-repo.json', releaseStatement({ repo: 'evil/ml' }), asRelease());
  bundles.otherRelease = await world.attest('rel-other-release.json', releaseStatement({ releaseId: '6000' }), asRelease());
  // A workflow of the repository itself claiming to be GitHub's release attestation.
  const BUILD = workflow('acme/ml', 'release.yml');
  bundles.byWorkflow = await world.attest('rel-by-workflow.json', releaseStatement(), { ...asRelease(), san: BUILD, issuer: ISSUER });
  // GitHub's statement with its signature stripped, or replaced by other bytes: nothing vouches for it.
  const unsigned = JSON.parse(await readFile(bundles.good, 'utf8'));
  unsigned.dsseEnvelope.signatures = [];
  bundles.unsigned = await world.file('rel-unsigned.json', unsigned);
  unsigned.dsseEnvelope.signatures = [{ sig: Buffer.alloc(64, 1).toString('base64'), keyid: '' }];
  bundles.forged = await world.file('rel-forged.json', unsigned);
});

afterAll(() => github.close());

beforeEach(() => {
  github.state.attestations.length = 0;
  github.state.releases.set(`acme/ml@${TAG}`, {
    id: RELEASE_ID,
    immutable: true,
    assets: [
      { name: 'model.bin', digest: `sha256:${sha256(MODEL)}` },
      { name: 'notes.txt', digest: `sha256:${sha256(NOTES)}` },
    ],
  });
  github.state.refs.set(`acme/ml@tags/${TAG}`, TAG_SHA);
  github.invalid.length = 0;
});

const verify = (...args: string[]) =>
  cliAgainst(github, ['verify-release-asset', ...args, '--repo', 'acme/ml', '--trusted-root', world.tsaOnlyRoot]);
const rejectedCodes = (r: { json?: Record<string, unknown> }) =>
  ((r.json?.details as { rejected?: { code: string }[] } | undefined)?.rejected ?? []).map((x) => x.code);

describe('verify-release-asset', () => {
  test('the asset of an immutable release verifies against GitHub release attestation, as gh reads it', async () => {
    await plant(github, 'acme/ml', bundles.good as string);
    const r = await verify(TAG, model);
    expect(r.code).toBe(0);
    expect(r.json?.details).toMatchObject({ tagSha: TAG_SHA, releaseId: RELEASE_ID, asset: { name: 'model.bin', sha256: sha256(MODEL) } });
    expect(github.invalid).toEqual([]);
    expect(github.calls('repos/get-release-by-tag').at(-1)?.params).toMatchObject({ owner: 'acme', repo: 'ml', tag: TAG });
    expect(github.calls('git/get-ref').at(-1)?.params).toMatchObject({ ref: `tags/${TAG}` });
    expect(github.calls('repos/list-attestations').at(-1)).toMatchObject({
      params: { subject_digest: `sha1:${TAG_SHA}` },
      query: { per_page: '100', predicate_type: 'release' },
    });
  });

  test('without FILE the release itself verifies and its assets are listed (gh release verify)', async () => {
    await plant(github, 'acme/ml', bundles.good as string);
    const r = await verify(TAG);
    expect(r.code).toBe(0);
    expect(r.json?.details).toMatchObject({ assets: [{ name: 'model.bin' }, { name: 'notes.txt' }] });
  });

  test('a file whose digest is not a subject: exit 1 DIGEST_MISMATCH', async () => {
    await plant(github, 'acme/ml', bundles.good as string);
    const r = await verify(TAG, tampered);
    expect([r.code, r.errorCode]).toEqual([1, 'DIGEST_MISMATCH']);
  });

  test.each([
    ['another tag', 'otherTag', 'RELEASE_MISMATCH'],
    ['another repository', 'otherRepo', 'RELEASE_MISMATCH'],
    ['another release of the same tag', 'otherRelease', 'RELEASE_MISMATCH'],
    ["a workflow's signature, not GitHub's", 'byWorkflow', 'IDENTITY_MISMATCH'],
    ['an unsigned statement', 'unsigned', 'BUNDLE_INVALID'],
    // The timestamp token is over the signature: another signature's is the first check to fail.
    ['a forged signature', 'forged', 'TIMESTAMP_INVALID'],
  ])('an attestation for %s never counts: exit 1 ATTESTATION_NOT_VERIFIED', async (_name, key, code) => {
    await plant(github, 'acme/ml', bundles[key] as string, [`sha1:${TAG_SHA}`]);
    const r = await verify(TAG, model);
    expect([r.code, r.errorCode, rejectedCodes(r)]).toEqual([1, 'ATTESTATION_NOT_VERIFIED', [code]]);
  });

  test('hostile attestations mixed in before the real one are refused, the real one counts', async () => {
    for (const key of ['otherTag', 'otherRepo', 'byWorkflow', 'unsigned', 'forged', 'good'])
      await plant(github, 'acme/ml', bundles[key] as string, [`sha1:${TAG_SHA}`]);
    const r = await verify(TAG, model);
    expect(r.code).toBe(0);
    expect(rejectedCodes(r)).toEqual(['RELEASE_MISMATCH', 'RELEASE_MISMATCH', 'IDENTITY_MISMATCH', 'BUNDLE_INVALID', 'TIMESTAMP_INVALID']);
  });

  test('the public-good root (the default) does not vouch for a release signer of another CA', async () => {
    await plant(github, 'acme/ml', bundles.good as string);
    const r = await cliAgainst(github, ['verify-release-asset', TAG, model, '--repo', 'acme/ml']);
    expect([r.code, r.errorCode]).toEqual([1, 'ATTESTATION_NOT_VERIFIED']);
  });

  test('a release without an attestation (not immutable): exit 1 ATTESTATION_NOT_FOUND', async () => {
    github.state.releases.set(`acme/ml@${TAG}`, { id: RELEASE_ID, immutable: false, assets: [] });
    const r = await verify(TAG, model);
    expect([r.code, r.errorCode]).toEqual([1, 'ATTESTATION_NOT_FOUND']);
  });

  test('no such release, or GitHub failing, is exit 2', async () => {
    expect(await verify('v9.9.9', model)).toMatchObject({ code: 2, errorCode: 'RELEASE_NOT_FOUND' });
    github.state.failures.set('git/get-ref', 503);
    expect(await verify(TAG, model)).toMatchObject({ code: 2, errorCode: 'ATTESTATIONS_API_ERROR' });
    github.state.failures.clear();
    expect(await verify(TAG, `${model}.missing`)).toMatchObject({ code: 2, errorCode: 'IO_ERROR' });
  });
});
