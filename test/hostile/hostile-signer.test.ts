import { readFile, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { PREDICATE_TYPES } from '@trustgate/core';
import { runCli } from '../support/cli.js';
import { der, EKU, FULCIO, type LeafShape } from '../support/private-ca.js';
import { BUILD, claims, createWorld, DAY, ISSUER, requirement, statements, SUBJECT, type World, workflow } from './world.js';

/**
 * Issue 15: evidence a hostile signer forges with its own CA, log and TSA (every field under its control) is refused
 * by the CLI exactly as `gh attestation verify`, cosign and sigstore-go refuse it. One block per hole class; each
 * case asserts the exit code and the stable code (an error code, or the requirement that decides).
 */

let world: World;
const now = Date.now();
const old = new Date(now - 60 * DAY);

beforeAll(async () => {
  world = await createWorld();
});

describe('1. time comes only from what is signed', () => {
  test('an unsigned integratedTime (entry without SET) does not make 60-day-old evidence fresh', async () => {
    const f = await world.attest('1-proof-only.json', statements.tests(), {
      times: { signedAt: old, log: 'proof-only', integratedTime: new Date(now), timestampAt: old },
    });
    const run = await world.gate('fresh', f);
    expect(run.code).toBe(1);
    expect(requirement(run, 'freshness')?.status).toBe('failed');
  });
  test("the predicate's own time claim does not make TSA-stamped old evidence fresh", async () => {
    const f = await world.attest('1-claims-fresh.json', statements.tests({ timestamp: new Date(now).toISOString() }), {
      instance: world.tsaOnly,
      times: { signedAt: old, log: 'none', timestampAt: old },
    });
    const run = await world.gate('fresh', { tsaOnly: true }, f);
    expect(run.code).toBe(1);
    expect(requirement(run, 'freshness')?.status).toBe('failed');
  });
  test('fresh evidence with a verified RFC 3161 time and no time in its predicate is fresh', async () => {
    const f = await world.attest('1-tsa-fresh.json', statements.tests(), {
      instance: world.tsaOnly,
      times: { log: 'none', timestampAt: new Date() },
    });
    const run = await world.gate('fresh', { tsaOnly: true }, f);
    expect(run.stderr).toBe('');
    expect(requirement(run, 'freshness')?.status).toBe('met');
    expect(run.code).toBe(0);
  });
  test('an integratedTime moved under its SET is TLOG_INVALID', async () => {
    const f = await world.attest('1-set-forged.json', statements.provenance(), {
      san: BUILD,
      times: { signedAt: old, integratedTime: new Date(now - 60 * DAY + 60_000) },
    });
    const r = await world.cli([
      'verify-attestation',
      `sha256:${SUBJECT}`,
      '--bundle',
      f,
      '--repo',
      'acme/ml',
      '--trusted-root',
      world.root,
    ]);
    expect([r.code, r.json?.errorCode]).toEqual([1, 'TLOG_INVALID']);
  });
  test('no verified time at all (entry without SET, no TSA) is TIMESTAMP_INVALID', async () => {
    const f = await world.attest('1-no-time.json', statements.provenance(), { san: BUILD, times: { log: 'proof-only' } });
    const r = await world.cli([
      'verify-attestation',
      `sha256:${SUBJECT}`,
      '--bundle',
      f,
      '--repo',
      'acme/ml',
      '--trusted-root',
      world.root,
    ]);
    expect([r.code, r.json?.errorCode]).toEqual([1, 'TIMESTAMP_INVALID']);
  });
});

describe('2. provenance is bound to its source repository', () => {
  const provenance = (name: string, repo: string, extra = {}, san = BUILD) =>
    world.attest(name, statements.provenance(), { san, github: claims(san, repo, extra) });

  test('the right build workflow run as a reusable workflow from another repository does not satisfy provenance', async () => {
    const run = await world.gate('build', await provenance('2-reusable.json', 'evil/fork'));
    expect(run.code).toBe(1);
    expect(requirement(run, 'provenance')?.status).toBe('missing');
    expect(run.statement?.predicate.verifiedLevels).toEqual(['FAILED']);
  });
  test('verify-attestation --repo refuses it too (IDENTITY_MISMATCH)', async () => {
    const f = await provenance('2-reusable-v.json', 'evil/fork');
    const r = await world.cli([
      'verify-attestation',
      `sha256:${SUBJECT}`,
      '--bundle',
      f,
      '--repo',
      'acme/ml',
      '--trusted-root',
      world.root,
    ]);
    expect([r.code, r.json?.errorCode]).toEqual([1, 'IDENTITY_MISMATCH']);
  });
  test('the same repository name with another repository id (re-created) does not satisfy a policy that names the id', async () => {
    const run = await world.gate('build-by-id', await provenance('2-recreated.json', 'acme/ml', { sourceRepositoryIdentifier: '9999' }));
    expect(run.code).toBe(1);
    expect(requirement(run, 'provenance')?.status).toBe('missing');
    const ok = await world.gate('build-by-id', await provenance('2-same-id.json', 'acme/ml'));
    expect([ok.code, requirement(ok, 'provenance')?.status]).toEqual([0, 'met']);
  });
  test('self-hosted runner provenance does not count unless the policy allows it, and then never at a hosted level', async () => {
    const f = await provenance('2-self-hosted.json', 'acme/ml', { runnerEnvironment: 'self-hosted' });
    const denied = await world.gate('build', f);
    expect([denied.code, requirement(denied, 'provenance')?.status]).toEqual([1, 'missing']);
    const allowed = await world.gate('build-self-hosted', f);
    expect([allowed.code, requirement(allowed, 'provenance')?.status]).toEqual([0, 'met']);
    expect(allowed.statement?.predicate.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_1']);
  });
  test('hosted provenance of the right repository meets SLSA build level 2', async () => {
    const run = await world.gate('build', await provenance('2-good.json', 'acme/ml'));
    expect([run.code, run.statement?.predicate.verifiedLevels]).toEqual([0, ['SLSA_BUILD_LEVEL_2']]);
  });
  test('a shared builder in another repository counts only for the source repository the policy names', async () => {
    const shared = workflow('acme/shared', 'build.yml');
    const ok = await world.gate('shared-builder', await provenance('2-shared-ok.json', 'acme/ml', {}, shared));
    expect([ok.code, requirement(ok, 'provenance')?.status]).toEqual([0, 'met']);
    const other = await world.gate('shared-builder', await provenance('2-shared-other.json', 'acme/other', {}, shared));
    expect([other.code, requirement(other, 'provenance')?.status]).toEqual([1, 'missing']);
  });
});

describe('3. comparisons are exactly as strict as Git and GitHub', () => {
  const cases: { name: string; san: string; flags: string[]; exit: number; code?: string }[] = [
    {
      name: 'a workflow file name in another case',
      san: workflow('acme/ml', 'RELEASE.yml'),
      flags: ['--signer-workflow', 'acme/ml/.github/workflows/release.yml@refs/heads/main'],
      exit: 1,
      code: 'IDENTITY_MISMATCH',
    },
    {
      name: 'a ref in another case',
      san: workflow('acme/ml', 'release.yml', 'refs/heads/MAIN'),
      flags: ['--signer-workflow', 'acme/ml/.github/workflows/release.yml@refs/heads/main'],
      exit: 1,
      code: 'IDENTITY_MISMATCH',
    },
    {
      name: 'a ref that only starts with the policy ref',
      san: workflow('acme/ml', 'release.yml', 'refs/heads/main-evil'),
      flags: ['--signer-workflow', 'acme/ml/.github/workflows/release.yml@refs/heads/main'],
      exit: 1,
      code: 'IDENTITY_MISMATCH',
    },
    {
      name: 'owner and repository names compare case-insensitively (as GitHub does)',
      san: workflow('Acme/ML', 'release.yml'),
      flags: ['--signer-workflow', 'acme/ml/.github/workflows/release.yml@refs/heads/main'],
      exit: 0,
    },
  ];
  test.each(cases)('$name: exit $exit $code', async ({ san, flags, exit, code }) => {
    const f = await world.attest(`3-${san.replace(/\W+/g, '-')}.json`, statements.provenance(), { san, github: claims(san) });
    const r = await world.cli([
      'verify-attestation',
      `sha256:${SUBJECT}`,
      '--bundle',
      f,
      '--repo',
      'acme/ml',
      ...flags,
      '--trusted-root',
      world.root,
    ]);
    expect([r.code, r.json?.errorCode]).toEqual([exit, code]);
  });
  test('the gate judges a build workflow path case-sensitively', async () => {
    const san = workflow('acme/ml', 'Build.yml');
    const run = await world.gate('build', await world.attest('3-gate-case.json', statements.provenance(), { san, github: claims(san) }));
    expect([run.code, requirement(run, 'provenance')?.status]).toEqual([1, 'missing']);
  });
});

describe('4. certificates are read strictly', () => {
  const SAN = 'https://github.com/acme/ml/.github/workflows/release.yml@refs/heads/main';
  const highBit = Buffer.from(SAN, 'latin1');
  highBit[SAN.indexOf('acme')] = 'a'.charCodeAt(0) | 0x80; // @sigstore/core's ascii decoding turns this back into 'a'
  const cases: { name: string; shape: LeafShape; regexp?: boolean; reason?: string }[] = [
    { name: 'a SAN byte with the high bit set', shape: { san: { bytes: highBit } }, reason: 'SAN_NOT_ASCII' },
    {
      name: 'a duplicate extension',
      shape: { extra: [{ oid: `${FULCIO}.8`, value: der.utf8('https://evil.example') }] },
      reason: 'DUPLICATE_EXTENSION',
    },
    { name: 'an issuer extension that is not DER', shape: { issuerV2: Buffer.from(ISSUER) }, reason: 'FULCIO_EXTENSION_INVALID' },
    {
      name: 'an issuer extension with a trailing value',
      shape: { issuerV2: Buffer.concat([der.utf8(ISSUER), der.utf8('x')]) },
      reason: 'FULCIO_EXTENSION_INVALID',
    },
    { name: 'v1 and v2 issuer extensions that disagree', shape: { issuerV1: 'https://evil.example' }, reason: 'ISSUER_MISMATCH' },
    { name: 'an empty SAN extension matched by a regexp', shape: { emptySan: true }, regexp: true, reason: 'SAN_EMPTY' },
    { name: 'an empty SAN name matched by a regexp', shape: { san: { bytes: Buffer.alloc(0) } }, regexp: true, reason: 'SAN_EMPTY' },
    { name: 'a leaf with the CA bit', shape: { ca: true }, reason: 'LEAF_IS_CA' },
    { name: 'a leaf without the code-signing EKU', shape: { eku: [EKU.serverAuth] }, reason: 'EKU_NOT_CODE_SIGNING' },
    {
      name: 'an unknown critical extension',
      shape: { extra: [{ oid: '1.3.6.1.4.1.99999.1', critical: true, value: der.utf8('x') }] },
      reason: 'UNKNOWN_CRITICAL_EXTENSION',
    },
    { name: 'the well-formed leaf of the same CA (control)', shape: {} },
  ];
  const data = Buffer.from('release artifact\n');
  test.each(cases)('$name: exit 1 CERTIFICATE_INVALID $reason', async ({ shape, regexp, reason }) => {
    const bundle = await world.logged.signBlob(data, { identity: SAN, issuer: ISSUER, certificate: shape });
    const name = reason ?? 'control';
    const b = await world.file(`4-${name}-${Math.random().toString(36).slice(2)}.json`, bundle);
    const artifact = await world.file('4-artifact.txt', data.toString());
    const who = regexp ? ['--certificate-identity-regexp', '.*'] : ['--certificate-identity', SAN];
    const r = await world.cli([
      'verify-bundle',
      '--bundle',
      b,
      ...who,
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      world.root,
      artifact,
    ]);
    if (reason === undefined) expect([r.code, r.json?.verified]).toEqual([0, true]);
    else
      expect([r.code, r.json?.errorCode, (r.json?.details as { reason?: string } | undefined)?.reason]).toEqual([
        1,
        'CERTIFICATE_INVALID',
        reason,
      ]);
  });
});

describe('5. statements of every version are validated', () => {
  const v01 = (statement: Record<string, unknown>) => ({ _type: 'https://in-toto.io/Statement/v0.1', ...statement });
  const malformed: { name: string; statement: unknown }[] = [
    { name: 'v0.1 without subject', statement: v01({ predicateType: PREDICATE_TYPES.slsaProvenance, predicate: {} }) },
    {
      name: 'v0.1 with a subject that is not a list',
      statement: v01({ subject: 'x', predicateType: PREDICATE_TYPES.slsaProvenance, predicate: {} }),
    },
    {
      name: 'v1 with a digest that is not hex',
      statement: { ...statements.provenance(), subject: [{ name: 'm', digest: { sha256: 'not-hex' } }] },
    },
    { name: 'v1 without predicateType', statement: { _type: 'https://in-toto.io/Statement/v1', subject: statements.provenance().subject } },
    { name: 'an unknown Statement version', statement: { ...statements.provenance(), _type: 'https://in-toto.io/Statement/v9' } },
  ];
  test.each(malformed)('verify-attestation: $name is STATEMENT_INVALID (exit 2), never INTERNAL_ERROR', async ({ name, statement }) => {
    const f = await world.attest(`5-${name.replace(/\W+/g, '-')}.json`, statement, { san: BUILD });
    const r = await world.cli([
      'verify-attestation',
      `sha256:${SUBJECT}`,
      '--bundle',
      f,
      '--repo',
      'acme/ml',
      '--trusted-root',
      world.root,
    ]);
    expect([r.code, r.json?.errorCode]).toEqual([2, 'STATEMENT_INVALID']);
  });
  test('the gate reports every malformed signed Statement as not counted and still decides', async () => {
    const files = await Promise.all(malformed.map((m, i) => world.attest(`5-gate-${i}.json`, m.statement, {})));
    const tests = await world.attest('5-tests.json', statements.tests(), {});
    const run = await world.gate('fresh', ...files, tests);
    expect(run.code).toBe(0);
    expect(run.decision?.evidence.counted.map((e) => e.origin)).toEqual([tests]);
    expect(run.decision?.evidence.ignored.map((e) => [e.origin, e.kind])).toEqual(files.map((f) => [f, 'unverifiable']));
  });
});

describe('6. what the user named is read, or the run stops', () => {
  test.each([
    { name: 'not JSON', content: 'this is not json' },
    { name: 'JSON but not a bundle', content: { hello: 'world' } },
    { name: 'a bare (unsigned) Statement', content: statements.tests() },
    { name: 'JSON Lines with one line that is not a bundle', content: `${JSON.stringify({ hello: 1 })}\n` },
  ])('$name: exit 2 EVIDENCE_INVALID naming the file', async ({ name, content }) => {
    const good = await world.attest('6-tests.json', statements.tests(), {});
    const bad = await world.file(`6-${name.replace(/\W+/g, '-')}.json`, content);
    const run = await world.gate('fresh', good, bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(bad);
    expect(run.stderr).toContain('(code EVIDENCE_INVALID)');
  });
  test('an unknown predicate type is listed as ignored: not counted, not used for freshness, not an input attestation', async () => {
    const unknown = await world.attest('6-unknown.json', statements.of('https://evil.example/anything/v1'), { times: { signedAt: old } });
    const tests = await world.attest('6-tests-fresh.json', statements.tests(), {});
    const run = await world.gate('fresh', unknown, tests);
    expect(run.code).toBe(0);
    expect(requirement(run, 'freshness')?.status).toBe('met');
    expect(run.decision?.evidence.counted.map((e) => e.origin)).toEqual([tests]);
    expect(run.decision?.evidence.ignored).toContainEqual(expect.objectContaining({ origin: unknown, kind: 'unknown-predicate' }));
    expect(run.statement?.predicate.inputAttestations.map((a) => a.uri)).toEqual([tests]);
  });
  test('the same file named twice (another spelling, a symlink) counts once', async () => {
    const tests = await world.attest('6-tests-once.json', statements.tests(), {});
    const link = join(world.dir, '6-link.json');
    await symlink(tests, link);
    const spelled = join(world.dir, '.', '..', world.dir.split('/').pop() as string, '6-tests-once.json');
    const run = await world.gate('fresh', tests, tests, link, spelled, relative(process.cwd(), tests));
    expect(run.code).toBe(0);
    expect(run.decision?.evidence.counted).toHaveLength(1);
    expect(run.statement?.predicate.inputAttestations).toHaveLength(1);
  });
  test('the same bundle in two files counts once', async () => {
    const tests = await world.attest('6-tests-copy-a.json', statements.tests(), {});
    const copy = await world.file('6-tests-copy-b.json', await readFile(tests, 'utf8'));
    const run = await world.gate('fresh', tests, copy);
    expect([run.code, run.decision?.evidence.counted.length]).toEqual([0, 1]);
  });
});

describe('the signers the hostile world is built on', () => {
  test('a well-formed private-CA attestation verifies (so every refusal above is about its one defect)', async () => {
    const f = await world.attest('0-good.json', statements.provenance(), { san: BUILD });
    const r = await world.cli([
      'verify-attestation',
      `sha256:${SUBJECT}`,
      '--bundle',
      f,
      '--repo',
      'acme/ml',
      '--trusted-root',
      world.root,
    ]);
    expect([r.code, r.json?.verified]).toEqual([0, true]);
  });
});

describe('OCI subjects: the digest only, no registry', () => {
  const image = `oci://ghcr.io/acme/ml:v1@sha256:${SUBJECT}`;
  test('verify-attestation takes oci://REGISTRY/REPO@sha256:HEX and binds the attestation to that digest', async () => {
    const f = await world.attest('oci-provenance.json', statements.provenance(), { san: BUILD });
    const ok = await world.cli(['verify-attestation', image, '--bundle', f, '--repo', 'acme/ml', '--trusted-root', world.root]);
    expect([ok.code, ok.json?.verified]).toEqual([0, true]);
    const other = `oci://ghcr.io/acme/ml@sha256:${'0'.repeat(64)}`;
    const r = await world.cli(['verify-attestation', other, '--bundle', f, '--repo', 'acme/ml', '--trusted-root', world.root]);
    expect([r.code, r.json?.errorCode]).toEqual([1, 'DIGEST_MISMATCH']);
  });
  test('a reference by tag only is an input error (DIGEST_INVALID, exit 2)', async () => {
    const f = await world.attest('oci-tag.json', statements.provenance(), { san: BUILD });
    const r = await world.cli([
      'verify-attestation',
      'oci://ghcr.io/acme/ml:latest',
      '--bundle',
      f,
      '--repo',
      'acme/ml',
      '--trusted-root',
      world.root,
    ]);
    expect([r.code, r.json?.errorCode]).toEqual([2, 'DIGEST_INVALID']);
  });
  test('the gate decides for an OCI subject by its digest', async () => {
    const tests = await world.attest('oci-tests.json', statements.tests(), {});
    const r = await runCli([
      'gate',
      '--policy',
      world.policy,
      '--environment',
      'fresh',
      '--subject',
      image,
      '--trusted-root',
      world.root,
      '--evidence',
      tests,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`sha256:${SUBJECT}`);
  });
});
