import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CoreError } from '@trustgate/core';
import {
  type Artifact,
  artifactFromBytes,
  artifactFromDigest,
  artifactSha256,
  isDigestArgument,
  verificationStatement,
  verifyBlob,
} from '@trustgate/verify';
import { parseCommandArgs } from '../args.js';
import { type Command, EXIT } from '../io.js';
import {
  attempt,
  OUTPUT_OPTIONS,
  SIGNER_OPTIONS,
  readText,
  report,
  signerLabel,
  signerPolicy,
  trustedRoots,
  writeStatement,
} from './verify-common.js';

const NAME = 'verify-bundle';
const USAGE = `Usage: trustgate verify-bundle [--staging] --bundle F (--certificate-identity ID --certificate-oidc-issuer URL | --key PEM)
                              [--trusted-root F] [--format text|json] [--statement F] FILE_OR_DIGEST

Verifies a Sigstore bundle (v0.1-v0.3, message signature or DSSE) over a file or a sha256:<hex> digest.
Follows the sigstore-conformance CLI protocol: exit 0 = verified, non-zero = not verified.
  --certificate-identity ID         the certificate SAN, matched exactly
  --certificate-identity-regexp RE  or a regexp for the SAN, anchored by trustgate (^...$)
  --certificate-oidc-issuer URL     the OIDC issuer, matched exactly
  --key PEM                         a managed public key instead of a certificate identity
  --trusted-root F                  trusted_root.json (or JSON Lines of roots); default: bundled public-good
  --statement F                     write an in-toto verification Statement for the promotion gate`;

const command: Command = {
  name: NAME,
  summary: 'verify a Sigstore bundle for a file or digest',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(NAME, args, {
      ...SIGNER_OPTIONS,
      ...OUTPUT_OPTIONS,
      staging: { type: 'boolean' },
      bundle: { type: 'string' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    const target = positionals[0];
    if (values.bundle === undefined || target === undefined || positionals.length !== 1) {
      throw new CoreError('USAGE_ERROR', `needs --bundle F and exactly one FILE_OR_DIGEST; see trustgate ${NAME} --help`);
    }
    const bundlePath = path.resolve(io.cwd, values.bundle);
    const outcome = await attempt(async () => {
      const policy = await signerPolicy(NAME, values);
      const roots = await trustedRoots(values['trusted-root'] && path.resolve(io.cwd, values['trusted-root']), values.staging);
      const bundleText = await readText(NAME, bundlePath, 'bundle');
      const artifact: Artifact = isDigestArgument(target)
        ? artifactFromDigest(target)
        : artifactFromBytes(await readArtifact(path.resolve(io.cwd, target)), target);
      const verified = verifyBlob(bundleText, { artifact, policy, trustedRoot: roots, source: values.bundle });
      if (values.statement) {
        const name = artifact.kind === 'bytes' ? artifact.name : target;
        await writeStatement(
          path.resolve(io.cwd, values.statement),
          verificationStatement({ name, sha256: artifactSha256(artifact) }, 'blob', verified.signer, verified.trustedRootSource),
        );
      }
      return {
        verified: true,
        signer: verified.signer,
        message: `verified: ${target} signed by ${signerLabel(verified.signer)}`,
        warnings: verified.warnings,
      };
    });
    return report(NAME, io, values.format, outcome);
  },
};

async function readArtifact(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new CoreError('IO_ERROR', `cannot read artifact ${file}: ${(cause as Error).message}; pass a file or sha256:<hex>`, {
      cause,
      file,
    });
  }
}

export default command;
