import path from 'node:path';
import { CoreError } from '@trustgate/core';
import { githubSignerIdentity, isDigestArgument, sha256File, verificationStatement, verifyAttestationSync } from '@trustgate/verify';
import { parseCommandArgs } from '../args.js';
import { type Command, EXIT } from '../io.js';
import { attempt, OUTPUT_OPTIONS, readText, report, trustedRoots, writeStatement } from './verify-common.js';

const NAME = 'verify-attestation';
const USAGE = `Usage: trustgate verify-attestation ARTIFACT_OR_DIGEST --bundle F (--owner O | --repo O/R) [--signer-workflow W]
                                   [--predicate-type T] [--cert-oidc-issuer URL] [--deny-self-hosted-runners]
                                   [--trusted-root F] [--format text|json] [--statement F]

Verifies a GitHub artifact attestation (bundle or JSON Lines of bundles) for an artifact, with gh's semantics:
  --owner O / --repo O/R      the repository the signing workflow ran in (and, without --signer-workflow, where it lives)
  --signer-workflow W         O/R/.github/workflows/f.yml (any ref) or ...f.yml@refs/heads/main (exact)
  --predicate-type T          default https://slsa.dev/provenance/v1`;

const command: Command = {
  name: NAME,
  summary: 'verify a GitHub artifact attestation',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(NAME, args, {
      ...OUTPUT_OPTIONS,
      bundle: { type: 'string' },
      owner: { type: 'string' },
      repo: { type: 'string' },
      'signer-workflow': { type: 'string' },
      'predicate-type': { type: 'string' },
      'cert-oidc-issuer': { type: 'string' },
      'deny-self-hosted-runners': { type: 'boolean' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    const target = positionals[0];
    if (values.bundle === undefined || target === undefined || positionals.length !== 1) {
      throw new CoreError('USAGE_ERROR', `needs --bundle F and exactly one ARTIFACT_OR_DIGEST; see trustgate ${NAME} --help`);
    }
    const outcome = await attempt(async () => {
      const signer = githubSignerIdentity({
        owner: values.owner,
        repo: values.repo,
        signerWorkflow: values['signer-workflow'],
        issuer: values['cert-oidc-issuer'],
        denySelfHostedRunners: values['deny-self-hosted-runners'],
      });
      const roots = await trustedRoots(values['trusted-root'] && path.resolve(io.cwd, values['trusted-root']), false);
      const bundleText = await readText(NAME, path.resolve(io.cwd, values.bundle as string), 'bundle');
      const subjectDigest = isDigestArgument(target) ? target : `sha256:${await sha256File(path.resolve(io.cwd, target))}`;
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
          path.resolve(io.cwd, values.statement),
          verificationStatement(
            { name: target, sha256: hex },
            'attestation',
            { kind: 'certificate', claims: verified.signer, matched: verified.matched },
            verified.trustedRootSource,
            {
              attestationPredicateType: verified.statement.predicateType,
            },
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
    return report(NAME, io, values.format, outcome);
  },
};

export default command;
