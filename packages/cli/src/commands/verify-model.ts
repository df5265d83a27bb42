import path from 'node:path';
import { verificationStatement, verifyModel } from '@trustgate/verify';
import { defineCommand } from '../io.js';
import { verifyModelSpec } from '../specs/verify-model.js';
import { attempt, readText, report, signerLabel, signerPolicy, trustedRoots, writeStatement } from './verify-common.js';

export default defineCommand(verifyModelSpec, async ({ values, positionals }, io) => {
  const target = positionals[0] as string;
  const at = (f: string) => path.resolve(io.cwd, f);
  const modelPath = at(target);
  const signatureFile = at(values.signature);
  const outcome = await attempt(async () => {
    const policy = await signerPolicy({ ...values, key: values.key && at(values.key) });
    const roots = await trustedRoots(values['trusted-root'] && at(values['trusted-root']), false);
    const signature = await readText(signatureFile, 'model signature');
    const ignorePaths = (values['ignore-paths'] ?? []).map((p) => (path.isAbsolute(p) ? p : path.resolve(modelPath, p)));
    const verified = await verifyModel(modelPath, signature, { policy, trustedRoot: roots, ignorePaths, signatureFile });
    if (values.statement) {
      await writeStatement(
        at(values.statement),
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
  return report(verifyModelSpec.name, io, values, outcome);
});
