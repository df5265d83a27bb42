import path from 'node:path';
import {
  type Artifact,
  artifactFromBytes,
  artifactFromDigest,
  artifactSha256,
  isDigestArgument,
  verificationStatement,
  verifyBlob,
} from '@trustgate/verify';
import { defineCommand } from '../io.js';
import { verifyBundleSpec } from '../specs/verify-bundle.js';
import { attempt, readInput, readText, report, signerLabel, signerPolicy, trustedRoots, writeStatement } from './verify-common.js';

const NAME = verifyBundleSpec.name;

export default defineCommand(verifyBundleSpec, async ({ values, positionals }, io) => {
  const target = positionals[0] as string;
  const at = (f: string) => path.resolve(io.cwd, f);
  const outcome = await attempt(async () => {
    const policy = await signerPolicy({ ...values, key: values.key && at(values.key) });
    const roots = await trustedRoots(values['trusted-root'] && at(values['trusted-root']), values.staging);
    const bundleText = await readText(at(values.bundle), 'bundle');
    const artifact: Artifact = isDigestArgument(target)
      ? artifactFromDigest(target)
      : artifactFromBytes(await readInput(at(target), 'artifact (a file, or sha256:<hex>)'), target);
    const verified = verifyBlob(bundleText, { artifact, policy, trustedRoot: roots, source: values.bundle });
    if (values.statement) {
      const name = artifact.kind === 'bytes' ? artifact.name : target;
      await writeStatement(
        at(values.statement),
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
  return report(NAME, io, values, outcome);
});
