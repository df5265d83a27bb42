import { beforeAll, describe, expect, test } from '@jest/globals';
import { buildStatement, PREDICATE_TYPES, parsePolicy } from '@trustgate/core';
import { decidePromotion, documentsFromText, type PromotionResult, type RawEvidence } from '@trustgate/gate';
import {
  BUILD_WORKFLOW,
  createKit,
  ISSUER,
  type Kit,
  OTHER,
  POLICY_SOURCE,
  policy,
  SUBJECT,
  scanReport,
  statements,
  workflowUri,
} from './support/evidence-kit.js';

// Real bundles from a local Sigstore (CA, CT log, Rekor-like log), verified by packages/verify.
const NOW = new Date();
const DAY = 86_400_000;
let kit: Kit;
let staging: RawEvidence[];
let production: RawEvidence[];

beforeAll(async () => {
  kit = await createKit();
  staging = await kit.signStaging('.json');
  const passedStaging = await gate('staging', staging);
  expect(passedStaging.decision.decision).toBe('pass');
  production = [
    ...staging,
    await kit.sign(passedStaging.statement, 'staging-vsa.json'),
    await kit.sign(statements.approval('alice'), 'approval-alice.json'),
    await kit.sign(statements.riskTier('high'), 'risk-tier.json'),
    await kit.sign(statements.modelCard(), 'model-card.json'),
    await kit.sign(statements.dataGovernance(), 'data-governance.json'),
  ];
});

function gate(
  environment: string,
  evidence: readonly RawEvidence[],
  options: { now?: Date; yaml?: typeof policy } = {},
): Promise<PromotionResult> {
  return decidePromotion(
    { policy: (options.yaml ?? policy)(), policySource: POLICY_SOURCE, environment, subject: `sha256:${SUBJECT}`, evidence },
    { verifyBundle: kit.verifyBundle, now: () => options.now ?? NOW },
  );
}

const without = (name: string) => production.filter((e) => e.origin !== name);
const status = (r: PromotionResult) => Object.fromEntries(r.decision.requirements.map((x) => [x.id, x.status]));
const requirement = (r: PromotionResult, id: string) => r.decision.requirements.find((x) => x.id === id);

describe('promotion gate scenarios over signed evidence', () => {
  test('all evidence present and verified: pass, every requirement met', async () => {
    const r = await gate('production', production);
    expect(r.decision.decision).toBe('pass');
    expect(status(r)).toEqual({
      'promotion:staging': 'met',
      scan: 'met',
      provenance: 'met',
      tests: 'met',
      approvals: 'met',
      'risk-tier': 'met',
      'risk-tier:model-card': 'met',
      'risk-tier:data-governance': 'met',
      'risk-tier:human-approver': 'met',
      freshness: 'met',
    });
    expect(r.decision.evidence.counted).toHaveLength(8);
    expect(r.decision.evidence.ignored).toEqual([]);
    expect(requirement(r, 'provenance')?.reason).toContain(BUILD_WORKFLOW);
    expect(r.statement.predicate.verificationResult).toBe('PASSED');
  });

  test('one piece missing: fail, naming it', async () => {
    const r = await gate('production', without('tests.json'));
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'tests')).toMatchObject({ status: 'missing', reason: 'no verified test-result Statement for this digest' });
    expect(r.decision.requirements.filter((x) => x.status !== 'met').map((x) => x.id)).toEqual(['tests']);
  });

  test('evidence signed by the wrong workflow does not count: fail', async () => {
    const forged = await kit.sign(statements.scan(), 'scan-from-fork.json', workflowUri('mallory/ml', 'evidence.yml'));
    const r = await gate('production', [...without('scan.json'), forged]);
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'scan')?.status).toBe('missing');
    expect(r.decision.evidence.ignored).toEqual([
      expect.objectContaining({ origin: 'scan-from-fork.json', kind: 'unverifiable', reason: expect.stringContaining('evidence signers') }),
    ]);
  });

  test('provenance signed by the evidence workflow instead of the build workflow: fail', async () => {
    const wrong = await kit.sign(statements.provenance(), 'provenance-wrong.json');
    const r = await gate('production', [...without('provenance.json'), wrong]);
    expect(requirement(r, 'provenance')?.status).toBe('missing');
    expect(r.decision.decision).toBe('fail');
  });

  test('evidence for another digest never counts: fail', async () => {
    const other = await kit.sign(statements.scan(OTHER), 'scan-other.json');
    const r = await gate('production', [...without('scan.json'), other]);
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'scan')?.status).toBe('missing');
    expect(r.decision.evidence.ignored).toEqual([
      expect.objectContaining({
        origin: 'scan-other.json',
        kind: 'other-digest',
        reason: `it is about sha256:${OTHER}, not sha256:${SUBJECT}`,
      }),
    ]);
  });

  test('stale evidence: fail on freshness', async () => {
    const r = await gate('production', production, { now: new Date(NOW.getTime() + 31 * DAY) });
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'freshness')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^older than 30 days: scan\.json/),
    });
    expect(requirement(r, 'freshness')?.evidence).toHaveLength(8);
  });

  test('expired waiver: the requirement stays failed and says so; an unexpired one waives it', async () => {
    const unsafe = await kit.sign(
      statements.scan(SUBJECT, scanReport('unsafe', [{ rule: 'TG-PKL-001', severity: 'critical', message: 'os.system' }])),
      'scan-unsafe.json',
    );
    const evidence = [...without('scan.json'), unsafe];
    const withWaiver = (expires: string) => () => {
      const p = policy();
      const prod = p.environments.production;
      if (prod) prod.waivers = [{ requirement: 'scan', reason: 'false positive, see SEC-12', approver: 'carol', expires }];
      return p;
    };
    const expired = await gate('production', evidence, { yaml: withWaiver('2020-01-31') });
    expect(expired.decision.decision).toBe('fail');
    expect(requirement(expired, 'scan')).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('the waiver by carol expired on 2020-01-31'),
    });
    expect(expired.decision.waivers).toEqual([expect.objectContaining({ requirement: 'scan', status: 'expired' })]);

    const live = await gate('production', evidence, { yaml: withWaiver('2999-12-31') });
    expect(live.decision.decision).toBe('pass');
    expect(requirement(live, 'scan')).toMatchObject({
      status: 'waived',
      waiver: { approver: 'carol', reason: 'false positive, see SEC-12' },
    });
    expect(live.decision.waivers).toEqual([expect.objectContaining({ status: 'applied' })]);
  });

  test('staging skipped: fail on promotion order', async () => {
    const r = await gate('production', without('staging-vsa.json'));
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'promotion:staging')).toMatchObject({
      status: 'missing',
      reason: expect.stringContaining('promote it to staging first'),
    });
  });

  test('a failed staging decision does not open production', async () => {
    const failed = await gate('staging', without('tests.json'));
    const signed = await kit.sign(failed.statement, 'staging-vsa-failed.json');
    const r = await gate('production', [...without('staging-vsa.json'), signed]);
    expect(requirement(r, 'promotion:staging')?.status).toBe('failed');
  });

  test('an ungated staging pass (allowWithoutPolicy in an older policy) does not open production', async () => {
    const ungatedYaml = () => parsePolicy(`version: 1\npromotion:\n  allowWithoutPolicy: [staging]\n`, 'old.yml').promotion;
    const ungated = await gate('staging', [], { yaml: ungatedYaml });
    expect(ungated.decision).toMatchObject({ decision: 'pass', requirements: [], ungated: expect.stringContaining('allowWithoutPolicy') });
    expect(ungated.statement.predicate).toMatchObject({ verificationResult: 'PASSED', ungated: true, inputAttestations: [] });
    const signed = await kit.sign(ungated.statement, 'staging-vsa-ungated.json');
    const r = await gate('production', [...without('staging-vsa.json'), signed]);
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'promotion:staging')).toMatchObject({ status: 'failed', reason: expect.stringContaining('passed ungated') });
  });

  test('high-risk tier without the named human approver: fail', async () => {
    const bob = await kit.sign(statements.approval('bob'), 'approval-bob.json');
    const r = await gate('production', [...without('approval-alice.json'), bob]);
    expect(r.decision.decision).toBe('fail');
    expect(status(r)).toMatchObject({ approvals: 'met', 'risk-tier:human-approver': 'missing' });
    expect(requirement(r, 'risk-tier:human-approver')?.reason).toBe('high-risk models need an approval by one of alice');
  });

  test('unacceptable risk never promotes, even with a waiver', async () => {
    const banned = await kit.sign(statements.riskTier('unacceptable'), 'risk-tier-banned.json');
    const r = await gate('production', [...without('risk-tier.json'), banned], {
      yaml: () => {
        const p = policy();
        const prod = p.environments.production;
        if (prod) prod.waivers = [{ requirement: 'risk-tier', reason: 'ship it', approver: 'ceo', expires: '2999-01-01' }];
        return p;
      },
    });
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'risk-tier')).toMatchObject({ status: 'failed', waivable: false });
    expect(requirement(r, 'risk-tier')?.reason).toContain('cannot be waived');
  });

  test('the initiator of an agent change cannot approve it', async () => {
    const tag = await kit.sign(statements.aiTag('alice'), 'ai-tag.json');
    const r = await gate('production', [...production, tag]);
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'approvals')).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('alice authored or initiated the change'),
    });
  });

  // The bypass: an unresolved initiator used to fail the ai-tag schema, the tag was skipped, and alice (who started
  // the agent) could approve its change. Every shape that cannot name the initiator now blocks the approvals.
  test.each([
    { name: 'initiator null', predicate: { cohort: 'agent', agent: 'copilot-swe-agent[bot]', initiator: null } },
    {
      name: 'initiator unresolved (attribution Classification)',
      predicate: {
        cohort: 'agent',
        agent: 'copilot-swe-agent[bot]',
        initiator: { id: 'alice@example.com', resolved: false, rule: 'co-author-trailer' },
        pullRequest: { repository: 'acme/ml', number: 7, headSha: 'a'.repeat(40), author: 'copilot-swe-agent[bot]' },
      },
    },
    { name: 'initiator missing', predicate: { cohort: 'agent', agent: 'copilot-swe-agent[bot]' } },
    { name: 'initiator of another type', predicate: { cohort: 'agent', initiator: 42 } },
    { name: 'initiator a list', predicate: { cohort: 'agent', agent: 'copilot-swe-agent[bot]', initiator: ['alice'] } },
  ])('ai-tag evidence with $name fails the approvals closed', async ({ predicate }) => {
    const tag = await kit.sign(
      buildStatement([{ name: 'm', digest: { sha256: SUBJECT } }], PREDICATE_TYPES.aiTag, predicate),
      'ai-tag.json',
    );
    const r = await gate('production', [...production, tag]);
    expect(r.decision.decision).toBe('fail');
    expect(requirement(r, 'approvals')).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('cannot say who initiated the change'),
    });
    expect(requirement(r, 'risk-tier:human-approver')?.status).toBe('missing');
  });

  test('a resolved initiator (attribution Classification) is excluded and other approvals still count', async () => {
    const predicate = {
      cohort: 'agent',
      agent: 'copilot-swe-agent[bot]',
      initiator: { id: 'bob', login: 'bob', resolved: true, rule: 'assigner' },
      pullRequest: { repository: 'acme/ml', number: 7, headSha: 'a'.repeat(40), author: 'copilot-swe-agent[bot]' },
    };
    const tag = await kit.sign(
      buildStatement([{ name: 'm', digest: { sha256: SUBJECT } }], PREDICATE_TYPES.aiTag, predicate),
      'ai-tag.json',
    );
    const bob = await kit.sign(statements.approval('bob'), 'approval-bob.json');
    const r = await gate('production', [...production, tag, bob]);
    expect(requirement(r, 'approvals')).toMatchObject({
      status: 'met',
      reason: expect.stringContaining('bob authored or initiated the change'),
    });
    expect(r.decision.decision).toBe('pass');
  });

  test('an unsigned Statement is reported and not counted', async () => {
    const bare = documentsFromText(JSON.stringify(statements.tests()), 'tests-unsigned.json');
    const r = await gate('production', [...without('tests.json'), ...bare]);
    expect(requirement(r, 'tests')?.status).toBe('missing');
    expect(r.decision.evidence.ignored).toEqual([
      expect.objectContaining({ origin: 'tests-unsigned.json', kind: 'unsigned', predicateType: 'https://trustgate.dev/test-result/v1' }),
    ]);
  });

  test('a tampered bundle is unverifiable', async () => {
    const good = production.find((e) => e.origin === 'tests.json') as RawEvidence;
    const bundle = structuredClone(good.document) as { dsseEnvelope: { payload: string } };
    const forged = statements.tests(SUBJECT, 3);
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(forged)).toString('base64');
    const r = await gate('production', [
      ...without('tests.json'),
      { origin: 'tests-tampered.json', sha256: good.sha256, document: bundle },
    ]);
    expect(requirement(r, 'tests')?.status).toBe('missing');
    expect(r.decision.evidence.ignored[0]).toMatchObject({ origin: 'tests-tampered.json', kind: 'unverifiable' });
  });

  test('the decision statement is the VSA over the counted evidence', async () => {
    const r = await gate('production', production);
    expect(r.statement.subject).toEqual([{ digest: { sha256: SUBJECT } }]);
    expect(r.statement.predicateType).toBe(PREDICATE_TYPES.vsa);
    expect(r.statement.predicate.inputAttestations.map((a) => a.uri)).toEqual(production.map((e) => e.origin));
    expect(r.statement.predicate.inputAttestations[0]?.digest.sha256).toBe(production[0]?.sha256);
  });
});

describe('signature requirement', () => {
  const RELEASE = workflowUri('acme/ml', 'release.yml');
  const withSignature = () => {
    const p = policy();
    const staging = p.environments.staging;
    if (staging) staging.requires.signature = { signers: [{ identity: RELEASE, issuer: ISSUER, runnerEnvironment: 'any' }] };
    return p;
  };
  const verification = (identity: string) =>
    buildStatement([{ name: 'model.safetensors', digest: { sha256: SUBJECT } }], PREDICATE_TYPES.verification, {
      verifier: { name: 'trustgate', version: '0.1.0' },
      kind: 'model',
      verified: true,
      signer: { kind: 'certificate', identity, issuer: ISSUER },
      trustedRoot: 'public-good',
      verifiedAt: NOW.toISOString(),
    });

  test('an attestation signed by the release workflow meets it', async () => {
    const signed = await kit.sign(statements.scan(), 'release-signed.json', RELEASE);
    const r = await gate('staging', [...staging, signed], { yaml: withSignature });
    expect(requirement(r, 'signature')).toMatchObject({ status: 'met', evidence: ['release-signed.json'] });
  });

  test('a verification result reporting the release identity meets it; another identity does not', async () => {
    const good = await kit.sign(verification(RELEASE), 'verified.json');
    expect(requirement(await gate('staging', [...staging, good], { yaml: withSignature }), 'signature')?.status).toBe('met');
    const other = await kit.sign(verification(workflowUri('acme/ml', 'nightly.yml')), 'verified-other.json');
    const r = await gate('staging', [...staging, other], { yaml: withSignature });
    expect(requirement(r, 'signature')?.status).toBe('missing');
    expect(r.decision.decision).toBe('fail');
  });
});
