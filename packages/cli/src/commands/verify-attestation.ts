import path from 'node:path';
import { CoreError } from '@trustgate/core';
import { githubSignerIdentity, isDigestArgument, sha256File, verificationStatement, verifyAttestationSync } from '@trustgate/verify';
import { defineCommand } from '../io.js';
import { verifyAttestationSpec } from '../specs/verify-attestation.js';
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
    });
    const roots = await trustedRoots(values['trusted-root'] && at(values['trusted-root']), false);
    const bundleText = await readText(at(values.bundle), 'bundle');
    const subjectDigest = isDigestArgument(target) ? target : `sha256:${await sha256File(at(target))}`;
    const verified = verifyAttestationSync(bundleText, {
      subjectDigest,
      signers: [signer],
      predicateType: values['predicate-type'],
      trustedRoot: roots,
      source: values.bundle,
    });
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
      message: `verified: ${target} attested (${verified.statement.predicateType}) by ${verified.signer.subjectAlternativeName}`,
      warnings: verified.warnings,
      details: { predicateType: verified.statement.predicateType, subject: verified.statement.subject },
    };
  });
  return report(verifyAttestationSpec.name, io, values, outcome);
});
