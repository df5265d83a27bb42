import { describe, expect, test } from '@jest/globals';
import { buildStatement, PREDICATE_TYPES, type SignerIdentity } from '@trustgate/core';
import { verifyAttestationBundle } from '@trustgate/verify';
import { createLocalSigstore } from '../../../test/support/sigstore-signer.js';

const sigstore = await createLocalSigstore();
const SHA = 'a'.repeat(64);
const statement = buildStatement([{ name: 'app.tgz', digest: { sha256: SHA } }], PREDICATE_TYPES.slsaProvenance, { buildDefinition: {} });
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const github = {
  buildSignerUri: WORKFLOW,
  runnerEnvironment: 'github-hosted' as const,
  sourceRepositoryUri: 'https://github.com/acme/app',
  sourceRepositoryRef: 'refs/heads/main',
  sourceRepositoryOwnerUri: 'https://github.com/acme',
};
const signer: SignerIdentity = { identity: WORKFLOW, issuer: ISSUER, runnerEnvironment: 'github-hosted' };

describe('verifyAttestationBundle with the local signing kit', () => {
  test('returns the statement and the signer claims', async () => {
    const bundle = await sigstore.signAttestation(statement, { identity: WORKFLOW, issuer: ISSUER, github });
    const result = await verifyAttestationBundle(bundle, { subjectDigest: `sha256:${SHA}`, signers: [signer], trustedRoot: sigstore.trustedRoot });
    expect(result.statement).toEqual(statement);
    expect(result.signer).toMatchObject({ subjectAlternativeName: WORKFLOW, issuer: ISSUER, sourceRepositoryUri: 'https://github.com/acme/app' });
  });
});
