import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPolicy } from '@trustgate/core';
import { scanReport, scanStatement } from '@trustgate/scanner';
import { signModelDirectory } from '../support/model-signer.js';
import { type FileSpec, gitCheckout, writeFiles } from '../support/runner/index.js';
import type { LocalSigstore } from '../support/sigstore-signer.js';
import { REPOSITORY } from './support.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
/** Who signs the models (the model team's signing workflow), as the README's verify-signature step expects. */
export const MODEL_SIGNER = 'https://github.com/acme/models/.github/workflows/sign.yml@refs/heads/main';
/** Who signs release evidence of acme/app (docs/verify.md's attestation example). */
export const APP_RELEASE = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

// Evidence may come from any workflow of the repository on main (the snippets run as .github/workflows/snippet.yml).
const POLICY = `version: 1
verify:
  trustedRoot: .github/trusted_root.json
  identities:
    - identity: ${MODEL_SIGNER}
      issuer: ${ISSUER}
      runnerEnvironment: any
scan:
  failOn: [unsafe, error]
  sources:
    allow: ["acme-corp/*"]
promotion:
  environments:
    staging:
      requires:
        scan: { maxVerdict: review }
      evidenceSigners: &signers
        - identityRegexp: 'https://github\\.com/${REPOSITORY}/\\.github/workflows/[a-z-]+\\.yml@refs/heads/main'
          issuer: ${ISSUER}
    production:
      requires:
        scan: { maxVerdict: review }
      evidenceSigners: *signers
`;

/**
 * The repository every documented workflow runs in: models (signed by the model team), a release artifact with its
 * attestation, signed scan evidence, and a .github/trustgate.yml that ties them together. Signatures come from a
 * local Sigstore whose trusted root the policy names.
 */
export async function demoRepository(sigstore: LocalSigstore): Promise<string> {
  const models: Record<string, FileSpec> = {
    'models/model.safetensors': { fixture: 'formats/safetensors/benign.safetensors' },
    'models/classifier.pt': { fixture: 'benign/state_dict.pt' },
  };
  const { dir } = gitCheckout({
    ...models,
    'dist/model.safetensors': { fixture: 'formats/safetensors/benign.safetensors' },
    'dist/model.tar': { fixture: 'benign/legacy_checkpoint.tar' },
    'dist/app.tgz': 'app release bytes\n',
    'src/train.py': 'from transformers import AutoModel\nmodel = AutoModel.from_pretrained("acme-corp/classifier")\n',
    '.github/trustgate.yml': POLICY,
    '.github/trusted_root.json': JSON.stringify(sigstore.trustedRoot),
  });
  // models/model.sig: the OpenSSF model_signing manifest of models/, signed keyless as the model team's workflow.
  const manifest = signModelDirectory(join(dir, 'models'), { privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey });
  const statement = JSON.parse(Buffer.from((manifest.dsseEnvelope as { payload: string }).payload, 'base64').toString('utf8'));
  const modelSig = await sigstore.signAttestation(statement, { identity: MODEL_SIGNER, issuer: ISSUER });
  // dist/app.tgz's provenance attestation as `gh attestation download` writes it (JSON Lines).
  const appDigest = createHash('sha256')
    .update(readFileSync(join(dir, 'dist/app.tgz')))
    .digest('hex');
  const provenance = await sigstore.signAttestation(
    {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'app.tgz', digest: { sha256: appDigest } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' }, runDetails: {} },
    },
    {
      identity: APP_RELEASE,
      issuer: ISSUER,
      github: {
        buildSignerUri: APP_RELEASE,
        runnerEnvironment: 'github-hosted',
        sourceRepositoryUri: 'https://github.com/acme/app',
        sourceRepositoryOwnerUri: 'https://github.com/acme',
        sourceRepositoryRef: 'refs/heads/main',
      },
    },
  );
  // evidence/scan.sigstore.json: the scanner's own Statement for dist/model.safetensors, signed by this repository's
  // evidence workflow.
  const report = await scanReport(['dist/model.safetensors'], { policy: defaultPolicy().scan, cwd: dir, workers: 0 });
  const evidenceSigner = `https://github.com/${REPOSITORY}/.github/workflows/evidence.yml@refs/heads/main`;
  const scan = await sigstore.signAttestation(scanStatement(report), {
    identity: evidenceSigner,
    issuer: ISSUER,
    github: {
      buildSignerUri: evidenceSigner,
      runnerEnvironment: 'github-hosted',
      sourceRepositoryUri: `https://github.com/${REPOSITORY}`,
      sourceRepositoryRef: 'refs/heads/main',
    },
  });
  writeFiles(dir, {
    'models/model.sig': JSON.stringify(modelSig),
    'app.tgz.jsonl': `${JSON.stringify(provenance)}\n`,
    'evidence/scan.sigstore.json': JSON.stringify(scan),
  });
  return dir;
}
