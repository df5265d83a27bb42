import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ActionIO, decidedBy, type GateOutcome, gatePolicy } from '@trustgate/action-kit';
import { CoreError, describeError, type ResolvedPolicy, verifySignatureGate } from '@trustgate/core';
import {
  type Artifact,
  artifactFromBytes,
  artifactFromDigest,
  githubSignerIdentity,
  isDigestArgument,
  loadTrustedRootFile,
  type SignerPolicy,
  signerPolicyFrom,
  sha256File,
  type VerifiedSigner,
  verificationStatement,
  verifyAttestationSync,
  verifyBlob,
  verifyModel,
} from '@trustgate/verify';

type Mode = 'blob' | 'attestation' | 'model';

/** The verify-signature gate as an action step: inputs -> engine -> outputs, summary. Any failure fails the step. */
export async function verifySignature(io: ActionIO): Promise<GateOutcome> {
  const mode = io.requiredInput('mode') as Mode;
  if (!['blob', 'attestation', 'model'].includes(mode))
    throw new CoreError('USAGE_ERROR', `input mode must be blob, attestation or model, got "${mode}"`);
  const at = (p: string) => path.resolve(io.workspace, p);
  const subject = io.requiredInput('subject');
  const bundleFile = at(io.requiredInput('bundle'));
  io.output('verified', false);
  const resolved = await gatePolicy(io);
  const decided = decidedBy(io, verifySignatureGate, resolved);
  try {
    const rootFile = io.input('trusted-root') || resolved.policy.verify.trustedRoot;
    const trustedRoot = rootFile ? await loadTrustedRootFile(at(rootFile)) : undefined;
    const bundleText = await read(bundleFile);
    const { signer, subjectDigest } = await run(mode, io, subject, bundleText, bundleFile, trustedRoot, resolved);
    const identity = signer.kind === 'key' ? 'managed key' : signer.claims.subjectAlternativeName;
    io.output('verified', true);
    io.output('signer-identity', identity);
    io.output('error-code', '');
    await io.summary(
      `### trustgate verify-signature: verified\n\n${decided}\n\n| mode | subject | signer |\n|---|---|---|\n| ${mode} | \`${subject}\` | \`${identity}\` |\n`,
    );
    if (io.input('verification-statement') && subjectDigest) {
      const statement = verificationStatement(
        { name: subject, sha256: subjectDigest },
        mode,
        signer,
        trustedRoot?.source ?? 'public-good (bundled)',
      );
      await io.writeFile(at(io.input('verification-statement')), `${JSON.stringify(statement, null, 2)}\n`);
    }
    return { failed: false };
  } catch (err) {
    const { code, message } = describeError(err);
    io.output('error-code', code);
    await io.summary(`### trustgate verify-signature: NOT verified\n\n${decided}\n\n\`${code}\`: ${message}\n`);
    return { failed: true, reason: `${message} (code ${code})` };
  }
}

async function run(
  mode: Mode,
  io: ActionIO,
  subject: string,
  bundleText: string,
  bundleFile: string,
  trustedRoot: Awaited<ReturnType<typeof loadTrustedRootFile>> | undefined,
  resolved: ResolvedPolicy,
): Promise<{ signer: VerifiedSigner; subjectDigest?: string }> {
  const at = (p: string) => path.resolve(io.workspace, p);
  if (mode === 'attestation') {
    const signer = githubSignerIdentity({
      owner: io.input('owner') || undefined,
      repo: io.input('repo') || undefined,
      signerWorkflow: io.input('signer-workflow') || undefined,
      issuer: io.input('certificate-oidc-issuer') || undefined,
    });
    const digest = isDigestArgument(subject) ? subject : `sha256:${await sha256File(at(subject))}`;
    const v = verifyAttestationSync(bundleText, {
      subjectDigest: digest,
      signers: [signer],
      predicateType: io.input('predicate-type') || undefined,
      trustedRoot,
      source: bundleFile,
    });
    return {
      signer: { kind: 'certificate', claims: v.signer, matched: v.matched },
      subjectDigest: digest.startsWith('sha256:') ? digest.slice(7) : undefined,
    };
  }
  const policy = await signerPolicy(io, resolved);
  if (mode === 'model') {
    const v = await verifyModel(at(subject), bundleText, {
      policy,
      trustedRoot,
      ignorePaths: io.listInput('ignore-paths').map((p) => path.resolve(at(subject), p)),
      signatureFile: bundleFile,
    });
    return { signer: v.signer, subjectDigest: v.subject.sha256 };
  }
  const artifact: Artifact = isDigestArgument(subject)
    ? artifactFromDigest(subject)
    : artifactFromBytes(await readFile(at(subject)), subject);
  const v = verifyBlob(bundleText, { artifact, policy, trustedRoot, source: bundleFile });
  return { signer: v.signer, subjectDigest: artifact.kind === 'bytes' ? artifact.sha256 : artifact.digest.hex };
}

// The identity inputs, when the workflow set any; else the policy's verify.identities (any one of them suffices).
async function signerPolicy(io: ActionIO, resolved: ResolvedPolicy): Promise<SignerPolicy> {
  const key = io.input('key');
  const fromInputs =
    key || io.input('certificate-identity') || io.input('certificate-identity-regexp') || io.input('certificate-oidc-issuer');
  const identities = resolved.policy.verify.identities;
  if (!fromInputs && identities.length > 0) return { signers: identities };
  return signerPolicyFrom({
    identity: io.input('certificate-identity') || undefined,
    identityRegexp: io.input('certificate-identity-regexp') || undefined,
    issuer: io.input('certificate-oidc-issuer') || undefined,
    keyPem: key ? await read(path.resolve(io.workspace, key)) : undefined,
    keySource: key,
  });
}

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new CoreError('IO_ERROR', `cannot read ${file}: ${(cause as Error).message}`, { cause, file });
  }
}
