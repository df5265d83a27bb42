import { readFile, writeFile } from 'node:fs/promises';
import { CoreError, describeError, TrustgateError } from '@trustgate/core';
import {
  type LoadedTrustedRoots,
  loadTrustedRootFile,
  signerPolicyFrom,
  type SignerPolicy,
  type VerifiedSigner,
  VerifyError,
} from '@trustgate/verify';
import { type CliIO, EXIT, type ExitCode } from '../io.js';

/** Shared plumbing of verify-bundle, verify-model and verify-attestation: file reading and result printing. */

export async function readText(command: string, file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new CoreError(
      'IO_ERROR',
      `cannot read ${what} ${file}: ${(cause as Error).message}; check the path given to trustgate ${command}`,
      {
        cause,
        file,
      },
    );
  }
}

export async function trustedRoots(file: string | undefined, staging: boolean | undefined): Promise<LoadedTrustedRoots | undefined> {
  if (staging && !file) {
    throw new CoreError('USAGE_ERROR', '--staging needs --trusted-root: only the public-good production root is bundled');
  }
  return file ? loadTrustedRootFile(file) : undefined;
}

/** Options every verify command shares: who must have signed, which trust root, output. */
export const SIGNER_OPTIONS = {
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  key: { type: 'string' },
} as const;
export const OUTPUT_OPTIONS = {
  'trusted-root': { type: 'string' },
  format: { type: 'string' },
  statement: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `(--certificate-identity[-regexp] ID --certificate-oidc-issuer URL | --key PEM)`; neither is POLICY_MISSING (exit 2). */
export async function signerPolicy(
  command: string,
  values: { 'certificate-identity'?: string; 'certificate-identity-regexp'?: string; 'certificate-oidc-issuer'?: string; key?: string },
): Promise<SignerPolicy> {
  return signerPolicyFrom({
    identity: values['certificate-identity'],
    identityRegexp: values['certificate-identity-regexp'],
    issuer: values['certificate-oidc-issuer'],
    keyPem: values.key === undefined ? undefined : await readText(command, values.key, 'public key'),
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

/** Print the outcome as text or JSON and pick the exit code: verification failures block (1), usage and I/O are 2. */
export function report(command: string, io: CliIO, format: string | undefined, outcome: VerifyOutcome): ExitCode {
  if (format === 'json') {
    const signer = outcome.signer?.kind === 'certificate' ? outcome.signer.claims : outcome.signer;
    io.stdout(
      `${JSON.stringify({ verified: outcome.verified, signer, errorCode: outcome.errorCode, message: outcome.message, warnings: outcome.warnings ?? [], details: outcome.details }, null, 2)}\n`,
    );
  } else if (outcome.verified) {
    for (const w of outcome.warnings ?? []) io.stderr(`trustgate ${command}: warning: ${w}\n`);
    io.stdout(`${outcome.message}\n`);
  } else {
    io.stderr(`trustgate ${command}: ${outcome.message} (code ${outcome.errorCode})\n`);
  }
  if (outcome.verified) return EXIT.ok;
  return outcome.errorCode === 'IO_ERROR' || outcome.errorCode === 'USAGE_ERROR' || outcome.errorCode === 'POLICY_MISSING'
    ? EXIT.usage
    : EXIT.blocked;
}

/** Run a verification; a VerifyError (or a core digest/IO error) becomes a reported failure, anything else propagates. */
export async function attempt(run: () => Promise<VerifyOutcome>): Promise<VerifyOutcome> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof VerifyError) && !(err instanceof TrustgateError)) throw err;
    const { code, message } = describeError(err);
    return { verified: false, errorCode: code, message, details: (err as { details?: unknown }).details };
  }
}

export async function writeStatement(file: string, statement: unknown): Promise<void> {
  try {
    await writeFile(file, `${JSON.stringify(statement, null, 2)}\n`);
  } catch (cause) {
    throw new CoreError('IO_ERROR', `cannot write the verification statement to ${file}: ${(cause as Error).message}`, { cause, file });
  }
}
