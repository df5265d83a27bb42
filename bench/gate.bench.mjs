// Promotion gate: one decision over 200 evidence statements for one digest, each a Sigstore bundle to verify
// (signed once into bench/.data/ by a local Sigstore: CA, CT log, transparency log). Target: under 2 s.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildStatement, PREDICATE_TYPES, parsePolicy } from '../packages/core/dist/index.js';
import { decidePromotion, GATE_PREDICATE_TYPES, loadEvidenceFiles, sigstoreVerifier } from '../packages/gate/dist/index.js';

const N = 200;
const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'bench/.data/gate');
const ISSUER = 'https://token.actions.githubusercontent.com';
const workflow = (file) => `https://github.com/acme/ml/.github/workflows/${file}@refs/heads/main`;
const SUBJECT = createHash('sha256').update('bench model').digest('hex');
const POLICY = `version: 1
promotion:
  environments:
    production:
      requires:
        scan: { maxVerdict: review }
        provenance: { workflows: [acme/ml/.github/workflows/build.yml] }
        tests: true
        approvals: { count: 2 }
      maxEvidenceAgeDays: 30
      evidenceSigners:
        - identityRegexp: 'https://github\\.com/acme/ml/\\.github/workflows/evidence\\.yml@refs/heads/main'
          issuer: ${ISSUER}
`;

async function generate() {
  // The signing kit is TypeScript; Node 24 strips the types on import.
  const { createLocalSigstore } = await import('../test/support/sigstore-signer.ts');
  const sigstore = await createLocalSigstore();
  await mkdir(data, { recursive: true });
  const about = (type, predicate) => buildStatement([{ name: 'model.safetensors', digest: { sha256: SUBJECT } }], type, predicate);
  const kinds = [
    () => [
      about(PREDICATE_TYPES.scan, { files: [{ path: 'model.safetensors', verdict: 'safe', findings: [] }], summary: { verdict: 'safe' } }),
      'evidence.yml',
    ],
    () => [about(GATE_PREDICATE_TYPES.testResult, { result: 'passed', passed: 10, failed: 0 }), 'evidence.yml'],
    (i) => [about(GATE_PREDICATE_TYPES.approval, { approver: { login: `reviewer${i}` } }), 'evidence.yml'],
    () => [about(PREDICATE_TYPES.slsaProvenance, { buildDefinition: {}, runDetails: {} }), 'build.yml'],
  ];
  const lines = [];
  for (let i = 0; i < N; i++) {
    const [statement, file] = kinds[i % kinds.length](i);
    const id = workflow(file);
    const github = {
      buildSignerUri: id,
      runnerEnvironment: 'github-hosted',
      sourceRepositoryUri: 'https://github.com/acme/ml',
      sourceRepositoryRef: 'refs/heads/main',
    };
    lines.push(JSON.stringify(await sigstore.signAttestation(statement, { identity: id, issuer: ISSUER, github })));
  }
  await writeFile(join(data, 'evidence.jsonl'), `${lines.join('\n')}\n`);
  await writeFile(join(data, 'trusted_root.json'), JSON.stringify(sigstore.trustedRoot));
  await writeFile(join(data, 'trustgate.yml'), POLICY);
}

export default async function () {
  if (!existsSync(join(data, 'evidence.jsonl'))) await generate();
  const policyText = await readFile(join(data, 'trustgate.yml'), 'utf8');
  const input = async () => ({
    policy: parsePolicy(policyText, 'trustgate.yml').promotion,
    policySource: { uri: 'trustgate.yml', sha256: createHash('sha256').update(policyText).digest('hex') },
    environment: 'production',
    subject: `sha256:${SUBJECT}`,
    evidence: await loadEvidenceFiles([join(data, 'evidence.jsonl')]),
  });
  const trustedRoot = JSON.parse(await readFile(join(data, 'trusted_root.json'), 'utf8'));
  const times = [];
  let result;
  for (let run = 0; run < 3; run++) {
    const t = process.hrtime.bigint();
    // Everything a CLI run does after start-up: read the evidence, load the trust root, verify, decide.
    result = await decidePromotion(await input(), { verifyBundle: sigstoreVerifier(trustedRoot) });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const counted = result.decision.evidence.counted.length;
  times.sort((a, b) => a - b);
  const median = times[1];
  const ok = median < 2000 && counted === N && result.decision.decision === 'pass';
  return [
    {
      case: `gate over ${N} signed evidence bundles (median of 3; runs ${times.map((t) => t.toFixed(0)).join('/')} ms sorted)`,
      'wall ms': median.toFixed(0),
      counted,
      decision: result.decision.decision,
      'load avg': loadavg()[0].toFixed(1),
      target: '< 2000 ms',
      ok: ok ? 'yes' : 'NO',
    },
  ];
}
