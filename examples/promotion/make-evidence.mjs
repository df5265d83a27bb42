// Regenerates the example's signed evidence: `npm run build && node examples/promotion/make-evidence.mjs`
// (Node 24 imports the TypeScript signing kit directly). Bundles come from a local Sigstore whose trusted
// root is written next to them, so the demo verifies real signatures offline.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePolicy } from '../../packages/core/dist/index.js';
import { decidePromotion, documentsFromText, sigstoreVerifier } from '../../packages/gate/dist/index.js';
import { createLocalSigstore } from '../../test/support/sigstore-signer.ts';

const here = new URL('.', import.meta.url).pathname;
const ISSUER = 'https://token.actions.githubusercontent.com';
const workflow = (file, repo = 'acme/ml') => `https://github.com/${repo}/.github/workflows/${file}@refs/heads/main`;
const digest = (text) => createHash('sha256').update(text).digest('hex');
const SUBJECT = digest(await readFile(join(here, 'model.bin')));
const OTHER = digest('scorer model v2');
const sigstore = await createLocalSigstore();

const statement = (predicateType, predicate, sha256 = SUBJECT) => ({
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'model.bin', digest: { sha256 } }],
  predicateType,
  predicate,
});
const sign = (s, file = 'evidence.yml', repo = 'acme/ml') => {
  const id = workflow(file, repo);
  const github = {
    buildSignerUri: id,
    runnerEnvironment: 'github-hosted',
    sourceRepositoryUri: `https://github.com/${repo}`,
    sourceRepositoryRef: 'refs/heads/main',
    sourceRepositoryOwnerUri: `https://github.com/${repo.split('/')[0]}`,
  };
  return sigstore.signAttestation(s, { identity: id, issuer: ISSUER, github });
};
// The predicate `trustgate scan --statement` writes.
const scanReport = (sha256) => ({
  scanner: { name: 'trustgate', version: '0.1.0' },
  summary: { files: 1, safe: 1, review: 0, unsafe: 0, error: 0, verdict: 'safe', blocking: false },
  files: [{ path: 'model.bin', sha256, format: 'unknown', verdict: 'safe', rules: [] }],
});

const out = join(here, 'evidence');
await rm(out, { recursive: true, force: true });
for (const d of ['staging', 'production', 'rejected']) await mkdir(join(out, d), { recursive: true });
const write = (path, value) => writeFile(join(out, path), `${JSON.stringify(value, null, 2)}\n`);

await writeFile(join(here, 'trusted_root.json'), `${JSON.stringify(sigstore.trustedRoot, null, 2)}\n`);
await write('staging/scan.sigstore.json', await sign(statement('https://trustgate.dev/scan/v1', scanReport(SUBJECT))));
await write(
  'staging/provenance.sigstore.json',
  await sign(
    statement('https://slsa.dev/provenance/v1', {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: { repository: 'https://github.com/acme/ml', path: '.github/workflows/build.yml', ref: 'refs/heads/main' },
        },
      },
      runDetails: {
        builder: { id: workflow('build.yml') },
        metadata: { invocationId: 'https://github.com/acme/ml/actions/runs/42/attempts/1' },
      },
    }),
    'build.yml',
  ),
);
await write(
  'staging/tests.sigstore.json',
  await sign(statement('https://trustgate.dev/test-result/v1', { result: 'passed', passed: 212, failed: 0, suite: 'eval' })),
);

// The staging decision, signed as the promotion-gate action's attest step would.
const policyText = await readFile(join(here, 'trustgate.yml'), 'utf8');
const staging = await decidePromotion(
  {
    policy: parsePolicy(policyText, 'trustgate.yml').promotion,
    policySource: { uri: 'examples/promotion/trustgate.yml', sha256: digest(policyText) },
    environment: 'staging',
    subject: `sha256:${SUBJECT}`,
    evidence: await Promise.all(
      ['scan', 'provenance', 'tests'].map(
        async (n) =>
          documentsFromText(await readFile(join(out, `staging/${n}.sigstore.json`), 'utf8'), `evidence/staging/${n}.sigstore.json`)[0],
      ),
    ),
  },
  { verifyBundle: sigstoreVerifier(sigstore.trustedRoot) },
);
if (staging.decision.decision !== 'pass') throw new Error('the example staging decision should pass');
await write('production/staging-decision.sigstore.json', await sign(staging.statement));
await write(
  'production/approval-alice.sigstore.json',
  await sign(
    statement('https://trustgate.dev/approval/v1', {
      approver: { login: 'alice', type: 'User' },
      teams: ['ml-leads'],
      environment: 'production',
      approvedAt: new Date().toISOString(),
    }),
  ),
);
await write(
  'production/risk-tier.sigstore.json',
  await sign(
    statement('https://trustgate.dev/risk-tier/v1', { tier: 'high', rationale: 'creditworthiness scoring (EU AI Act Annex III 5(b))' }),
  ),
);
await write(
  'production/model-card.sigstore.json',
  await sign(
    statement('https://trustgate.dev/model-card/v1', {
      name: 'scorer',
      intendedUse: 'credit pre-screening',
      limitations: 'not for final decisions',
    }),
  ),
);
await write(
  'production/data-governance.sigstore.json',
  await sign(
    statement('https://trustgate.dev/data-governance/v1', {
      datasets: [{ name: 'loans-2025', license: 'internal', biasAssessment: 'reports/bias-2025.pdf' }],
    }),
  ),
);

// What must not count: bob's approval is fine but he is not the named approver for high risk; a scan of
// another digest; an unsigned Statement; a scan signed by a fork's workflow.
await write(
  'rejected/approval-bob.sigstore.json',
  await sign(
    statement('https://trustgate.dev/approval/v1', {
      approver: { login: 'bob', type: 'User' },
      teams: ['ml-leads'],
      environment: 'production',
    }),
  ),
);
await write('rejected/scan-other-digest.sigstore.json', await sign(statement('https://trustgate.dev/scan/v1', scanReport(OTHER), OTHER)));
await write(
  'rejected/tests-unsigned.intoto.json',
  statement('https://trustgate.dev/test-result/v1', { result: 'passed', passed: 1, failed: 0 }),
);
await write(
  'rejected/scan-from-fork.sigstore.json',
  await sign(statement('https://trustgate.dev/scan/v1', scanReport(SUBJECT)), 'evidence.yml', 'mallory/ml'),
);
console.log(`wrote evidence for sha256:${SUBJECT}`);
