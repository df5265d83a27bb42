import path from 'node:path';
import { CoreError, formatDigest, isOciReference, PREDICATE_TYPES, parseDigest, parseSubject } from '@trustgate/core';
import { attestationsForDigest } from '@trustgate/gate';
import {
  firstVerifiedAttestation,
  githubSignerIdentity,
  isDigestArgument,
  sha256File,
  type VerifiedAttestation,
  verificationStatement,
  verifyAttestationSync,
} from '@trustgate/verify';
import { defineCommand } from '../io.js';
import { verifyAttestationSpec } from '../specs/verify-attestation.js';
import { githubClient } from './github-client.js';
import { attempt, readText, report, trustedRoots, writeStatement } from './verify-common.js';

export default defineCommand(verifyAttestationSpec, async ({ values, positionals }, io) => {
  const target = positionals[0] as string;
  const at = (f: string) => path.resolve(io.cwd, f);
  const outcome = await attempt(async () => {
    const signer = githubSignerIdentity({
      owner: values.owner,
      repo: values.repo,
      signerWorkflow: values['signer-workflow'],
      issuer: values['cert-oidc-issuer'],
      denySelfHostedRunners: values['deny-self-hosted-runners'],
      sourceRef: values['source-ref'],
      sourceDigest: values['source-digest'],
      signerDigest: values['signer-digest'],
    });
    const roots = await trustedRoots(values['trusted-root'] && at(values['trusted-root']), false);
    // An OCI image is named by its digest only: nothing is pulled from the registry.
    const subjectDigest = isOciReference(target)
      ? formatDigest(parseSubject(target))
      : isDigestArgument(target)
        ? target
        : `sha256:${await sha256File(at(target))}`;
    const predicateType = values['predicate-type'];
    const options = { subjectDigest, signers: [signer], predicateType, trustedRoot: roots };
    let verified: VerifiedAttestation;
    let from: { origin: string; rejected: unknown[] } | undefined;
    if (values.bundle !== undefined) {
      const bundleText = await readText(at(values.bundle), 'bundle');
      verified = verifyAttestationSync(bundleText, { ...options, source: values.bundle });
    } else {
      // --repo reads the repository's attestations, --owner alone the organization's (gh's choice of endpoint).
      const scope = values.repo ?? { org: values.owner as string };
      const fetched = await attestationsForDigest(githubClient(io), scope, parseDigest(subjectDigest), {
        predicateType: predicateType ?? PREDICATE_TYPES.slsaProvenance,
      });
      const where = `${subjectDigest} in ${values.repo ?? values.owner} (GitHub attestations API)`;
      const result = firstVerifiedAttestation(fetched, { ...options, where });
      verified = result;
      from = { origin: result.origin, rejected: result.rejected };
    }
    if (values.statement) {
      const [algorithm, hex] = subjectDigest.split(':') as [string, string];
      if (algorithm !== 'sha256') throw new CoreError('USAGE_ERROR', '--statement needs the artifact or its sha256 digest');
      await writeStatement(
        at(values.statement),
        verificationStatement(
          { name: target, sha256: hex },
          'attestation',
          { kind: 'certificate', claims: verified.signer, matched: verified.matched },
          verified.trustedRootSource,
          { attestationPredicateType: verified.statement.predicateType },
        ),
      );
    }
    return {
      verified: true,
      signer: { kind: 'certificate' as const, claims: verified.signer, matched: verified.matched },
      message: `verified: ${target} attested (${verified.statement.predicateType}) by ${verified.signer.subjectAlternativeName}${from ? ` (${from.origin})` : ''}`,
      warnings: verified.warnings,
      details: { predicateType: verified.statement.predicateType, subject: verified.statement.subject, ...from },
    };
  });
  return report(verifyAttestationSpec.name, io, values, outcome);
});
