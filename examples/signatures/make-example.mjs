// Regenerates the signed examples in this folder (run with Node 24: `node examples/signatures/make-example.mjs`).
// A local Sigstore instance (test/support/sigstore-signer.ts, on @sigstore/mock) signs release.txt and an SLSA
// provenance for it; a throw-away P-256 key signs the model the way OpenSSF model_signing does. Private keys are
// not kept: only public keys and the trusted root are committed.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signModelDirectory } from '../../test/support/model-signer.ts';
import { createLocalSigstore } from '../../test/support/sigstore-signer.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = (f, v) => writeFileSync(path.join(here, f), typeof v === 'string' ? v : `${JSON.stringify(v, null, 2)}\n`);
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

const sigstore = await createLocalSigstore();
out('trusted_root.json', sigstore.trustedRoot);
const release = readFileSync(path.join(here, 'release.txt'));
out(
  'release.txt.sigstore.json',
  await sigstore.signBlob(release, { identity: 'release@acme.example', issuer: 'https://accounts.acme.example' }),
);
const provenance = {
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'release.txt', digest: { sha256: createHash('sha256').update(release).digest('hex') } }],
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: { buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' }, runDetails: {} },
};
out(
  'release.txt.intoto.sigstore.json',
  await sigstore.signAttestation(provenance, {
    identity: WORKFLOW,
    issuer: 'https://token.actions.githubusercontent.com',
    github: {
      buildSignerUri: WORKFLOW,
      runnerEnvironment: 'github-hosted',
      sourceRepositoryUri: 'https://github.com/acme/app',
      sourceRepositoryRef: 'refs/heads/main',
      sourceRepositoryOwnerUri: 'https://github.com/acme',
    },
  }),
);

const model = path.join(here, 'model');
mkdirSync(model, { recursive: true });
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
out('model/model.sig', signModelDirectory(model, { privateKey: keys.privateKey }));
out('model-signer.pub.pem', keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
console.log('examples/signatures regenerated');
