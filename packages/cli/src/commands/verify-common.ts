import { readFile } from 'node:fs/promises';
import { asTrustgateError, CoreError, writeFileAtomic } from '@trustgate/core';
import { type LoadedTrustedRoots, loadTrustedRootFile, type SignerPolicy, signerPolicyFrom, type VerifiedSigner } from '@trustgate/verify';
import { type CliIO, EXIT, type ExitCode } from '../io.js';

/** Shared plumbing of verify-bundle, verify-model and verify-attestation: file reading and result printing. */

/** Read an input the command names, e.g. `bundle: cannot open b.json: no such file or directory; check the path`. */
export async function readInput(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new CoreError('IO_ERROR', `${what}: ${asTrustgateError(cause, file).message}`, { cause, file });
  }
}

export async function readText(file: string, what: string): Promise<string> {
  return (await readInput(file, what)).toString('utf8');
}

export async function trustedRoots(file: string | undefined, staging: boolean | undefined): Promise<LoadedTrustedRoots | undefined> {
  if (staging && !file) {
    throw new CoreError('USAGE_ERROR', '--staging needs --trusted-root: only the public-good production root is bundled');
  }
  return file ? loadTrustedRootFile(file) : undefined;
}

/** `(--certificate-identity[-regexp] ID --certificate-oidc-issuer URL | --key PEM)`; neither is POLICY_MISSING (exit 2). */
export async function signerPolicy(values: {
  'certificate-identity'?: string | undefined;
  'certificate-identity-regexp'?: string | undefined;
  'certificate-oidc-issuer'?: string | undefined;
  key?: string | undefined;
}): Promise<SignerPolicy> {
  return signerPolicyFrom({
    identity: values['certificate-identity'],
    identityRegexp: values['certificate-identity-regexp'],
    issuer: values['certificate-oidc-issuer'],
    keyPem: values.key === undefined ? undefined : await readText(values.key, 'public key'),
    keySource: values.key,
  });
}

export function signerLabel(signer: VerifiedSigner): string {
  return signer.kind === 'key' ? 'managed key' : `${signer.claims.subjectAlternativeName} (issuer ${signer.claims.issuer ?? '?'})`;
}

export interface VerifyOutcome {
  verified: boolean;
  signer?: VerifiedSigner;
  errorCode?: string;
  message: string;
  warnings?: string[];
  details?: unknown;
}

/**
 * Codes that mean "the evidence says no" (exit 1). Everything else that stops a verification (unreadable or
 * malformed bundle, root, key or digest, a missing policy, I/O) is an input error (exit 2).
 */
const NOT_VERIFIED = new Set([
  'SIGNATURE_INVALID',
  'CERTIFICATE_INVALID',
  'TLOG_INVALID',
  'TIMESTAMP_INVALID',
  'IDENTITY_MISMATCH',
  'DIGEST_MISMATCH',
  'PREDICATE_TYPE_MISMATCH',
  'MANIFEST_MISMATCH',
  'ATTESTATION_NOT_FOUND',
  'ATTESTATION_NOT_VERIFIED',
  'RELEASE_MISMATCH',
]);

export function exitFor(errorCode: string | undefined): ExitCode {
  return errorCode !== undefined && NOT_VERIFIED.has(errorCode) ? EXIT.blocked : EXIT.usage;
}

/** Print the outcome as text or JSON and pick the exit code: verification failures block (1), input errors are 2. */
export function report(
  command: string,
  io: CliIO,
  { format, quiet }: { format: 'text' | 'json'; quiet: boolean },
  outcome: VerifyOutcome,
): ExitCode {
  if (format === 'json') {
    const signer = outcome.signer?.kind === 'certificate' ? outcome.signer.claims : outcome.signer;
    io.stdout(
      `${JSON.stringify({ verified: outcome.verified, signer, errorCode: outcome.errorCode, message: outcome.message, warnings: outcome.warnings ?? [], details: outcome.details }, null, 2)}\n`,
    );
  } else if (outcome.verified) {
    for (const w of outcome.warnings ?? []) io.stderr(`trustgate ${command}: warning: ${w}\n`);
    if (!quiet) io.stdout(`${outcome.message}\n`);
  }
  if (!outcome.verified) io.stderr(`trustgate ${command}: ${outcome.message} (code ${outcome.errorCode})\n`);
  return outcome.verified ? EXIT.ok : exitFor(outcome.errorCode);
}

/** Run a verification; any failure becomes a reported outcome with its code (unknown errors stay INTERNAL_ERROR). */
export async function attempt(run: () => Promise<VerifyOutcome>): Promise<VerifyOutcome> {
  try {
    return await run();
  } catch (err) {
    const e = asTrustgateError(err);
    return { verified: false, errorCode: e.code, message: e.message, details: (err as { details?: unknown }).details };
  }
}

export async function writeStatement(file: string, statement: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(statement, null, 2)}\n`);
}
