import path from 'node:path';
import { CoreError } from '@trustgate/core';
import { verificationStatement, verifyModel } from '@trustgate/verify';
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

const NAME = 'verify-model';
const USAGE = `Usage: trustgate verify-model MODEL_PATH --signature F (--certificate-identity ID --certificate-oidc-issuer URL | --key PEM)
                             [--trusted-root F] [--ignore-paths P ...] [--format text|json] [--statement F]

Verifies an OpenSSF model signature (model_signing's model.sig): the Sigstore bundle, then every file of the model
against the signed manifest (sha256, blake2 or blake3; files or shards). Differences are listed file by file.
  --ignore-paths P   a path (relative to the model) not covered by the signature; repeatable
                     (.git, .gitattributes, .gitignore, .github and the signature itself are always ignored)`;

const command: Command = {
  name: NAME,
  summary: 'verify an OpenSSF model signature over a model directory',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(NAME, args, {
      ...SIGNER_OPTIONS,
      ...OUTPUT_OPTIONS,
      signature: { type: 'string' },
      'ignore-paths': { type: 'string', multiple: true },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    const target = positionals[0];
    if (values.signature === undefined || target === undefined || positionals.length !== 1) {
      throw new CoreError('USAGE_ERROR', `needs MODEL_PATH and --signature F; see trustgate ${NAME} --help`);
    }
    const modelPath = path.resolve(io.cwd, target);
    const signatureFile = path.resolve(io.cwd, values.signature);
    const outcome = await attempt(async () => {
      const policy = await signerPolicy(NAME, values);
      const roots = await trustedRoots(values['trusted-root'] && path.resolve(io.cwd, values['trusted-root']), false);
      const signature = await readText(NAME, signatureFile, 'model signature');
      const ignorePaths = (values['ignore-paths'] ?? []).map((p) => (path.isAbsolute(p) ? p : path.resolve(modelPath, p)));
      const verified = await verifyModel(modelPath, signature, { policy, trustedRoot: roots, ignorePaths, signatureFile });
      if (values.statement) {
        await writeStatement(
          path.resolve(io.cwd, values.statement),
          verificationStatement(verified.subject, 'model', verified.signer, verified.trustedRootSource),
        );
      }
      return {
        verified: true,
        signer: verified.signer,
        message: `verified: ${target} (${verified.files} files, ${verified.method}/${verified.hashType}) signed by ${signerLabel(verified.signer)}`,
        warnings: verified.warnings,
        details: { subject: verified.subject, files: verified.files, bytes: verified.bytes },
      };
    });
    return report(NAME, io, values.format, outcome);
  },
};

export default command;
