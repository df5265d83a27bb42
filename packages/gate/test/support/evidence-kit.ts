import { createHash } from 'node:crypto';
import { buildStatement, type Finding, PREDICATE_TYPES, parsePolicy, type Statement } from '@trustgate/core';
import { type BundleVerifier, documentsFromText, GATE_PREDICATE_TYPES, type RawEvidence, sigstoreVerifier } from '@trustgate/gate';
import { createLocalSigstore, type LocalSigstore } from '../../../../test/support/sigstore-signer.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A model's digest, another artifact's digest, and the workflows of the scenario repository acme/ml. */
export const SUBJECT = createHash('sha256').update('model.safetensors v1').digest('hex');
export const OTHER = createHash('sha256').update('model.safetensors v2').digest('hex');
export const ISSUER = 'https://token.actions.githubusercontent.com';
export const workflowUri = (repo: string, file: string) => `https://github.com/${repo}/.github/workflows/${file}@refs/heads/main`;
export const EVIDENCE_WORKFLOW = workflowUri('acme/ml', 'evidence.yml');
export const BUILD_WORKFLOW = workflowUri('acme/ml', 'build.yml');

export const POLICY_YAML = `version: 1
promotion:
  environments:
    staging:
      requires:
        scan: { maxVerdict: review }
        provenance: { workflows: [acme/ml/.github/workflows/build.yml] }
        tests: true
      evidenceSigners:
        - identityRegexp: 'https://github\\.com/acme/ml/\\.github/workflows/evidence\\.yml@refs/heads/main'
          issuer: ${ISSUER}
    production:
      requires:
        scan: { maxVerdict: review, maxSeverity: medium, waivableRules: [TG-PKL-010] }
        provenance: { workflows: [acme/ml/.github/workflows/build.yml] }
        tests: true
        approvals: { count: 1, users: [alice, bob] }
        promotedFrom: [staging]
      maxEvidenceAgeDays: 30
      riskTier:
        required: true
        high: { namedApprovers: [alice] }
      evidenceSigners:
        - identityRegexp: 'https://github\\.com/acme/ml/\\.github/workflows/evidence\\.yml@refs/heads/main'
          issuer: ${ISSUER}
`;

export const policy = () => parsePolicy(POLICY_YAML, 'trustgate.yml').promotion;
export const POLICY_SOURCE = { uri: 'trustgate.yml', sha256: createHash('sha256').update(POLICY_YAML).digest('hex') };

export function scanReport(verdict: 'safe' | 'review' | 'unsafe', findings: Finding[] = []) {
  return {
    version: 1,
    tool: { name: 'trustgate', version: '0.1.0' },
    files: [{ path: 'model.safetensors', format: 'safetensors', sha256: SUBJECT, verdict, findings }],
    summary: {
      files: 1,
      safe: verdict === 'safe' ? 1 : 0,
      review: verdict === 'review' ? 1 : 0,
      unsafe: verdict === 'unsafe' ? 1 : 0,
      error: 0,
      verdict,
      blocking: verdict === 'unsafe',
    },
  };
}

export const statements = {
  scan: (digest = SUBJECT, report: unknown = scanReport('safe')) => about(digest, PREDICATE_TYPES.scan, report),
  provenance: (digest = SUBJECT) =>
    about(digest, PREDICATE_TYPES.slsaProvenance, {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: { repository: 'https://github.com/acme/ml', path: '.github/workflows/build.yml', ref: 'refs/heads/main' },
        },
      },
      runDetails: { builder: { id: BUILD_WORKFLOW }, metadata: { invocationId: 'https://github.com/acme/ml/actions/runs/1/attempts/1' } },
    }),
  tests: (digest = SUBJECT, failed = 0) =>
    about(digest, GATE_PREDICATE_TYPES.testResult, { result: failed === 0 ? 'passed' : 'failed', passed: 120, failed, suite: 'eval' }),
  approval: (login: string, extra: Record<string, unknown> = {}) =>
    about(SUBJECT, GATE_PREDICATE_TYPES.approval, { approver: { login, type: 'User' }, environment: 'production', ...extra }),
  riskTier: (tier: string) => about(SUBJECT, GATE_PREDICATE_TYPES.riskTier, { tier, rationale: 'credit scoring (Annex III 5(b))' }),
  modelCard: () => about(SUBJECT, GATE_PREDICATE_TYPES.modelCard, { name: 'scorer', intendedUse: 'credit pre-screening' }),
  dataGovernance: () => about(SUBJECT, GATE_PREDICATE_TYPES.dataGovernance, { datasets: [{ name: 'loans-2025', license: 'internal' }] }),
  aiTag: (initiator: string) =>
    about(SUBJECT, PREDICATE_TYPES.aiTag, {
      cohort: 'agent',
      agent: 'copilot-swe-agent[bot]',
      initiator,
      author: 'copilot-swe-agent[bot]',
    }),
};

function about(digest: string, predicateType: string, predicate: unknown): Statement {
  return buildStatement([{ name: 'model.safetensors', digest: { sha256: digest } }], predicateType, predicate);
}

export interface Kit {
  sigstore: LocalSigstore;
  verifyBundle: BundleVerifier;
  /** Sign a Statement as the given workflow would with actions/attest, as the evidence file `name`. */
  sign(statement: Statement, name: string, workflow?: string): Promise<RawEvidence>;
  /** The staging evidence for SUBJECT (scan, provenance from the build workflow, tests), named `scan<ext>` etc. */
  signStaging(ext?: string): Promise<RawEvidence[]>;
}

export async function createKit(): Promise<Kit> {
  const sigstore = await createLocalSigstore();
  const kit: Kit = {
    sigstore,
    verifyBundle: sigstoreVerifier(sigstore.trustedRoot),
    signStaging: (ext = '') =>
      Promise.all([
        kit.sign(statements.scan(), `scan${ext}`),
        kit.sign(statements.provenance(), `provenance${ext}`, BUILD_WORKFLOW),
        kit.sign(statements.tests(), `tests${ext}`),
      ]),
    async sign(statement, name, workflow = EVIDENCE_WORKFLOW) {
      const repo = workflow.replace(/^https:\/\/github\.com\/([^/]+\/[^/]+)\/.*$/, '$1');
      const bundle = await sigstore.signAttestation(statement, {
        identity: workflow,
        issuer: ISSUER,
        github: {
          buildSignerUri: workflow,
          runnerEnvironment: 'github-hosted',
          sourceRepositoryUri: `https://github.com/${repo}`,
          sourceRepositoryRef: 'refs/heads/main',
          sourceRepositoryOwnerUri: `https://github.com/${repo.split('/')[0]}`,
        },
      });
      return documentsFromText(JSON.stringify(bundle), name)[0] as RawEvidence;
    },
  };
  return kit;
}

/** The files a CLI run of the gate reads, written into `dir`: policy, trusted root, staging evidence and failing tests. */
export async function writeGateFiles(kit: Kit, dir: string) {
  const write = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    return join(dir, name);
  };
  const sign = async (name: string, statement: Statement, workflow?: string) =>
    write(name, JSON.stringify((await kit.sign(statement, name, workflow)).document));
  return {
    write,
    policy: await write('trustgate.yml', POLICY_YAML),
    root: await write('trusted_root.json', JSON.stringify(kit.sigstore.trustedRoot)),
    scan: await sign('scan.json', statements.scan()),
    provenance: await sign('provenance.json', statements.provenance(), BUILD_WORKFLOW),
    tests: await sign('tests.json', statements.tests()),
    failing: await sign('tests-failing.json', statements.tests(SUBJECT, 2)),
  };
}
